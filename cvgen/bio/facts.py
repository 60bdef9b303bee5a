"""The facts a short bio can state, each with its place in the drop order (see ranking.py).

A fact is one droppable unit: one degree, one award, one research interest, the supervision
record. Sentences are composed from whichever facts survive, so dropping a fact shortens a
list ('A, B and C' -> 'A and B') or removes a sentence, but never cuts one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from cvgen.bio import ranking
from cvgen.bio.english import abbreviation, without_abbreviation
from cvgen.model import (
    CV,
    Appointment,
    Award,
    Grant,
    ServiceCategory,
    Student,
    StudentCounts,
    StudentLevel,
    TalkKind,
)

_FACULTY = re.compile(r"\b(professor|lecturer|reader|faculty)\b", re.I)


@dataclass(frozen=True)
class Fact:
    kind: str
    index: int
    item: Any

    @property
    def importance(self) -> int:
        return ranking.importance(self.kind, self.index)


@dataclass(frozen=True)
class Supervision:
    phd: int
    postdoc: int
    faculty: int  # of those, now in faculty posts
    msc: int = 0
    undergraduate: int = 0
    stated: bool = False  # the researcher's own totals (student_counts), not completions


def as_of_day(cv: CV) -> dt.date:
    """The date the CV speaks from: design.as_of, else today."""
    as_of = cv.data.design.as_of
    return dt.date(as_of.year, as_of.month or 1, as_of.day or 1) if as_of else dt.date.today()


def current_appointment(cv: CV) -> Appointment | None:
    """The primary ongoing post, else the one at the person's affiliation, else any ongoing
    post (never an administrative one: the leadership sentence names those)."""
    ongoing = [
        a
        for a in cv.data.appointments
        if a.ongoing and ranking.is_post(a) and a.kind != "administrative"
    ]
    primary = [a for a in ongoing if a.primary]
    here = [a for a in ongoing if same_place(a.institution, cv.data.person.affiliation)]
    return (primary or here or ongoing or [None])[0]


def same_place(institution: str, affiliation: str | None) -> bool:
    return bool(affiliation) and institution.casefold() == affiliation.casefold()  # type: ignore[union-attr]


def home_institution(cv: CV) -> str | None:
    current = current_appointment(cv)
    return cv.data.person.affiliation or (current.institution if current else None)


def joined_year(cv: CV) -> int | None:
    """The year of the first post at the home institution ('before joining X in 2012')."""
    home = home_institution(cv)
    starts = [
        a.start.year
        for a in cv.data.appointments
        if home and same_place(a.institution, home) and a.start and ranking.is_post(a)
    ]
    return min(starts) if starts else None


def _previous_posts(cv: CV) -> tuple[list[Appointment], list[Appointment]]:
    """(regular posts held elsewhere before joining, visiting posts), best first."""
    home, joined = home_institution(cv), joined_year(cv)
    earlier, visits = [], []
    for post in ranking.rank_positions(cv.data.appointments):
        held = post.ongoing or post.current_on(as_of_day(cv))
        if held or same_place(post.institution, home) or post.kind == "administrative":
            continue
        if ranking.is_visit(post):
            visits.append(post)
        elif joined is None or (post.start and post.start.year <= joined):
            earlier.append(post)
    return earlier, visits


def _words(text: str) -> str:
    """' erc starting grant ' from 'ERC Starting-Grant': padded, so containment is word-wise."""
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def same_distinction(award: Award, grant: Grant) -> bool:
    """Whether an award records a grant the bio also names, so it is mentioned once.

    People list an ERC Starting Grant under both awards and grants. They match when the
    grant's programme, less the funder's name, is in the award's name ('Starting Grant' in
    'ERC Starting Grant') and the funder (its name or abbreviation) is in the award's name
    or organisation; case and punctuation do not matter.
    """
    if not grant.program:
        return False
    names = (abbreviation(grant.funder), without_abbreviation(grant.funder))
    funders = [words for words in map(_words, filter(None, names)) if words.strip()]
    core = _words(grant.program)
    for funder in funders:
        core = core.replace(funder, " ")
    core = _words(core)
    given_by = _words(f"{award.name} {award.organization or ''}")
    return bool(core.strip()) and core in _words(award.name) and any(f in given_by for f in funders)


def _supervision(students: list[Student], counts: StudentCounts | None) -> Supervision:
    """Completed PhD students and postdocs, or the totals the researcher states."""
    done = [s for s in students if s.status == "completed"]
    phd = [s for s in done if s.level is StudentLevel.PHD]
    postdoc = [s for s in done if s.level is StudentLevel.POSTDOC]
    faculty = sum(bool(_FACULTY.search(s.current_position or "")) for s in phd + postdoc)
    if counts and counts.given():
        stated = dict(counts.given())
        return Supervision(
            stated.get("phd", 0),
            stated.get("postdoc", 0),
            faculty,
            stated.get("msc", 0),
            stated.get("undergraduate", 0),
            stated=True,
        )
    return Supervision(len(phd), len(postdoc), faculty)


def leadership(cv: CV) -> list[Appointment]:
    """Administrative posts: current ones first (newest first), then past ones, newest first."""
    posts = [a for a in cv.data.appointments if a.kind == "administrative"]
    return sorted(posts, key=lambda a: (not a.ongoing, -(a.start.year if a.start else 0)))


def collect_facts(cv: CV) -> list[Fact]:
    """Every fact the bio could state, in no particular order (importance orders them)."""
    data = cv.data
    earlier, visits = _previous_posts(cv)
    editorial = sorted(
        (s for s in data.service if s.category is ServiceCategory.EDITORIAL),
        key=lambda s: (not s.ongoing, -(s.start.year if s.start else 0)),
    )
    keynotes = sorted(
        (t for t in data.talks if t.kind is TalkKind.KEYNOTE), key=lambda t: t.date, reverse=True
    )
    groups: dict[str, list[Any]] = {
        "interest": list(data.research_interests),
        "degree": ranking.rank_degrees(data.education),
        "award": ranking.bio_awards(data.awards, data.person),
        "grant": ranking.bio_grants(data.grants),
        "leadership": leadership(cv),
        "position": earlier,
        "visit": visits,
        "editorial": editorial,
        "keynote": keynotes,
    }
    facts = [Fact("identity", 0, data.person)]
    for kind, items in groups.items():
        kept = items[: ranking.MAX_ITEMS[kind]]
        facts.extend(Fact(kind, i, item) for i, item in enumerate(kept))
    record = _supervision(data.students, data.student_counts)
    if record.phd or record.postdoc or record.msc or record.undergraduate:
        facts.append(Fact("supervision", 0, record))
        if record.faculty:
            facts.append(Fact("placement", 0, record.faculty))
    return facts
