"""The supervision section: students and postdocs by status, then by level, newest first."""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from cvgen.compose.career import dates, details, in_own_language, text_sentence
from cvgen.compose.context import Context
from cvgen.compose.order import grouped_by
from cvgen.document import Entry, Group, Span
from cvgen.model import CV, Student, StudentLevel

STATUSES = ("current", "completed", "left")
LEVELS = (StudentLevel.POSTDOC, StudentLevel.PHD, StudentLevel.MSC, StudentLevel.UNDERGRADUATE)


def tenure(ctx: Context, student: Student) -> str:
    """A current student's period runs to 'present' whatever their expected end."""
    if student.status == "current" and student.start:
        return ctx.words.fmt(
            "period", start=dates(ctx, student.start, None), end=ctx.words("present")
        )
    return dates(ctx, student.start, student.end)


def supervision_role(ctx: Context, student: Student) -> list[Span]:
    """'Sole supervisor', 'Co-supervisor; primary supervisor: X', 'Primary supervisor: X'."""
    words = ctx.words
    primary = student.primary_supervisor
    if student.role == "co" and primary:
        return words.spans("co_supervisor_of", name=primary)
    if student.role:
        return [Span(words(f"student_roles.{student.role}"))]
    return words.spans("primary_supervisor", name=primary) if primary else []


def student_entry(ctx: Context, student: Student, with_level: bool = False) -> Entry:
    """A student or postdoc; `with_level` says which, for lists not grouped by level or status
    (a biosketch's), and then says too when one left before completing."""
    words = ctx.words
    project = "project" if student.level is StudentLevel.UNDERGRADUATE else "thesis"
    language = ctx.language_of(student.language, student.thesis)
    title = Span(student.thesis or "", italic=True, lang=language)
    thesis = student.thesis and words.spans(project, title=title)
    cosupervised = student.co_supervisors and words.spans(
        "co_supervised", names=", ".join(student.co_supervisors)
    )
    previous = student.previous_supervisor and words.spans(
        "previous_supervisor", name=student.previous_supervisor
    )
    track = [Span(words("direct_track"))] if student.direct_track else []
    expected = (
        student.status == "current"
        and student.expected_end
        and words.spans("expected_end", date=words.date(student.expected_end))
    )
    now = student.current_position and words.spans("now", position=student.current_position)
    level = [Span(words(f"student_level.{student.level.value}"))] if with_level else []
    left = [Span(words("student_status.left"))] if with_level and student.status == "left" else []
    entry = Entry(
        [Span(student.name)],
        level,
        when=tenure(ctx, student),
        details=details(
            left,
            track,
            thesis or [],
            supervision_role(ctx, student),
            cosupervised or [],
            previous or [],
            expected or [],
            now or [],
            text_sentence(student.note),
        ),
    )
    own = in_own_language(ctx, replace(entry, qualifiers=[]), student.language, student.name)
    return replace(own, qualifiers=entry.qualifiers)  # the level is in the CV's words


def counts_sentence(cv: CV, ctx: Context) -> list[Group]:
    """'Supervised in total: 40 PhD students, 88 MSc students and 5 postdoctoral researchers.':
    the totals the researcher states (student_counts), above any list."""
    counts = cv.data.student_counts.given() if cv.data.student_counts else []
    if not counts:
        return []
    words = ctx.words
    listed = words.listed([words.counted(f"student_counts.{level}", n) for level, n in counts])
    sentence = words.fmt("student_counts.sentence", counts=listed)
    return [
        Group(None, [Entry([Span(sentence)])], layout="paragraphs", id=ctx.ids("students-counts"))
    ]


def students(cv: CV, ctx: Context) -> list[Group]:
    """The counts sentence, then the students by status and level."""
    return counts_sentence(cv, ctx) + _listed_students(cv, ctx)


def _listed_students(cv: CV, ctx: Context) -> list[Group]:
    status_words = ctx.words.group("student_status")
    level_words = ctx.words.group("student_levels")
    ordered = sorted(ctx.in_order(cv.data.students), key=lambda s: LEVELS.index(s.level))
    groups = []
    for status, members in grouped_by(ordered, lambda s: s.status, STATUSES):
        status_id = ctx.ids(f"students-{status}")
        by_level = [
            Group(
                level_words[level.value],
                [student_entry(ctx, student) for student in run],
                id=ctx.ids(f"{status_id}-{level.value}"),
            )
            for level, run in groupby(members, lambda s: s.level)
        ]
        groups.append(Group(status_words[status], id=status_id, groups=by_level))
    return groups
