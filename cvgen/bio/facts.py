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
    Certification,
    Degree,
    Grant,
    Membership,
    Service,
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


def is_leadership(post: Appointment) -> bool:
    """An office held: its title names one (head, dean, director...), or an administrative
    post held now (a former 'Statistical Analyst' is a past post, not an office)."""
    return ranking.leadership_rank(post.title) is not None


def current_appointment(cv: CV) -> Appointment | None:
    """The post the first sentence names: the primary current one, else the one at the
    person's affiliation, else any current post (never an office: the leadership sentence
    names those)."""
    day = as_of_day(cv)
    held = [
        a
        for a in cv.data.appointments
        if a.current_on(day) and ranking.is_post(a) and not is_leadership(a)
    ]
    held = [a for a in held if a.kind != "administrative"] or held
    primary = [a for a in held if a.primary]
    here = [a for a in held if same_place(a.institution, cv.data.person.affiliation)]
    return (primary or here or held or [None])[0]


def same_place(institution: str | None, affiliation: str | None) -> bool:
    return bool(institution and affiliation) and institution.casefold() == affiliation.casefold()  # type: ignore[union-attr]


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


def _title_words(title: str) -> set[str]:
    return set(re.findall(r"\w+", title.casefold()))


def identity_post(cv: CV) -> Appointment | None:
    """The current post the first sentence names: the one person.position describes ('Lecturer
    (Assistant Professor)' for 'Assistant Professor (Lecturer)', 'Assistant Professor' for
    'Assistant Professor of Information Sciences'), else the current appointment; None when
    person.position names a post the appointments do not hold."""
    position, day = cv.data.person.position, as_of_day(cv)
    if not position:
        return current_appointment(cv)
    wanted = _title_words(position)
    for post in cv.data.appointments:
        words = _title_words(post.title)
        if post.current_on(day) and words and (words <= wanted or wanted <= words):
            return post
    return None


def _posts(cv: CV) -> dict[str, list[Appointment]]:
    """The posts a bio can name, by what it says of them: held now besides the first
    sentence's, to come, offices, past posts, industry and visits; each best first."""
    day, buckets = as_of_day(cv), {k: [] for k in ("current", "future", "leadership")}
    buckets |= {"affiliation": [], "position": [], "industry": [], "visit": []}
    named, home = identity_post(cv), home_institution(cv)
    for post in ranking.rank_positions(cv.data.appointments):
        if post is named:
            continue
        if post.start and post.start.after(day):
            buckets["future"].append(post)
        elif is_leadership(post) or (post.kind == "administrative" and post.current_on(day)):
            buckets["leadership"].append(post)
        elif post.current_on(day):
            side = post.kind in ("affiliate", "visiting") or ranking.is_visit(post)
            buckets["affiliation" if side else "current"].append(post)
        elif post.kind == "industry":
            buckets["industry"].append(post)
        elif ranking.is_visit(post) and not same_place(post.institution, home):
            buckets["visit"].append(post)
        else:
            buckets["position"].append(post)
    buckets["future"].sort(key=lambda a: a.start)  # type: ignore[arg-type, return-value]
    buckets["current"].sort(key=lambda a: (not a.primary, ranking.is_visit(a)))
    buckets["leadership"].sort(key=lambda a: _office_order(a, day))
    return buckets


def _office_order(post: Appointment, day: dt.date) -> tuple[bool, int, int]:
    """Offices held now first, then the highest (president, dean, director, head), newest."""
    rank = ranking.leadership_rank(post.title)
    return (
        not post.current_on(day),
        5 if rank is None else rank,
        -(post.start.year if post.start else 0),
    )


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


def _services(cv: CV) -> tuple[list[Service], list[Service]]:
    """(editorial roles, other service), each current first, then newest."""
    day = as_of_day(cv)
    ordered = sorted(
        cv.data.service, key=lambda s: (not s.current_on(day), -(s.start.year if s.start else 0))
    )
    editorial = [s for s in ordered if s.category is ServiceCategory.EDITORIAL]
    other = [s for s in ordered if s.category is not ServiceCategory.EDITORIAL]
    return editorial, other


def _certifications(cv: CV) -> list[list[Certification]]:
    """Board certifications together ('board certified in A, B and C' is one claim), then
    licences, teaching and professional ones; the rest (a pilot's licence) last; the newest
    first within each."""
    ranked = sorted(
        cv.data.certifications,
        key=lambda c: (ranking.certification_rank(c.name), -(c.date.year if c.date else 0)),
    )
    board = [c for c in ranked if ranking.certification_rank(c.name) == 0]
    return ([board] if board else []) + [[c] for c in ranked if c not in board]


def _memberships(cv: CV) -> list[Membership]:
    """Memberships with a grade or office (Fellow, Senior Member, Vice President) first."""
    return sorted(cv.data.memberships, key=lambda m: (m.role is None, m.role != "Fellow"))


def _held(award: Award, cv: CV) -> bool:
    """A fellowship the career already names as a post ('PIMS Postdoctoral Fellowship' and
    the post 'PIMS Postdoctoral Fellow'): said once, as the post."""
    name = re.sub(r"ship$", "", award.name.strip()).casefold()
    return any(post.title.casefold() == name for post in cv.data.appointments)


def _degrees(cv: CV) -> list[list[Degree]]:
    """The doctorates together (an MD and a PhD are one claim: the highest training), then
    each other degree, highest first."""
    ranked = ranking.rank_degrees(cv.data.education)
    top = [d for d in ranked if ranking.degree_level(d) == 0] or ranked[:1]
    return ([top] if top else []) + [[d] for d in ranked if d not in top]


def _advisors(cv: CV) -> list[Degree]:
    return [d for d in ranking.rank_degrees(cv.data.education) if d.advisor][:1]


def collect_facts(cv: CV) -> list[Fact]:
    """Every fact the bio could state, in no particular order (importance orders them)."""
    data = cv.data
    editorial, service = _services(cv)
    keynotes = sorted(
        (t for t in data.talks if t.kind is TalkKind.KEYNOTE), key=lambda t: t.date, reverse=True
    )
    groups: dict[str, list[Any]] = {
        **_posts(cv),
        "interest": list(data.research_interests),
        "degree": _degrees(cv),
        "advisor": _advisors(cv),
        "award": [a for a in ranking.bio_awards(data.awards, data.person) if not _held(a, cv)],
        "grant": ranking.bio_grants(data.grants),
        "certification": _certifications(cv),
        "membership": _memberships(cv),
        "editorial": editorial,
        "keynote": keynotes,
        "service": service,
        "teaching": [data.teaching] if data.teaching else [],
    }
    facts = [Fact("identity", 0, data.person)]
    for kind, items in groups.items():
        kept = items[: ranking.MAX_ITEMS.get(kind, 1)]
        facts.extend(Fact(kind, i, item) for i, item in enumerate(kept))
    record = _supervision(data.students, data.student_counts)
    if record.phd or record.postdoc or record.msc or record.undergraduate:
        facts.append(Fact("supervision", 0, record))
        if record.faculty:
            facts.append(Fact("placement", 0, record.faculty))
    return facts
