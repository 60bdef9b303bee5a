"""The supervision section: students and postdocs by status, then by level, newest first."""

from __future__ import annotations

from itertools import groupby

from cvgen.compose.career import dates, details
from cvgen.compose.context import Context
from cvgen.compose.document import Entry, Group, Span
from cvgen.compose.order import grouped_by
from cvgen.model import CV, Student, StudentLevel

STATUSES = ("current", "completed", "left")
LEVELS = (StudentLevel.POSTDOC, StudentLevel.PHD, StudentLevel.MSC, StudentLevel.UNDERGRADUATE)


def tenure(ctx: Context, student: Student) -> str:
    """A current student's period runs to 'present' whatever their expected end."""
    if student.status == "current" and student.start:
        return dates(ctx, student.start, None) + " – " + ctx.words("present")
    return dates(ctx, student.start, student.end)


def student_entry(ctx: Context, student: Student) -> Entry:
    words = ctx.words
    project = "project" if student.level is StudentLevel.UNDERGRADUATE else "thesis"
    thesis = student.thesis and words.spans(project, title=Span(student.thesis, italic=True))
    cosupervised = student.co_supervisors and words.spans(
        "co_supervised", names=", ".join(student.co_supervisors)
    )
    expected = (
        student.status == "current"
        and student.expected_end
        and words.spans("expected_end", date=words.date(student.expected_end))
    )
    now = student.current_position and words.spans("now", position=student.current_position)
    return Entry(
        [Span(student.name)],
        when=tenure(ctx, student),
        details=details(thesis or [], cosupervised or [], expected or [], now or []),
    )


def students(cv: CV, ctx: Context) -> list[Group]:
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
