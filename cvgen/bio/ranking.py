"""Which facts a short bio keeps, and which go first when the word limit is tight.

The rules (also in the README, "Bios and biosketches"):

Within each kind of fact
  * Distinctions (awards): a declined award is never named. `major: true` first; then awards
    from outside the researcher's own institution before internal ones; student awards last;
    then prizes, fellowships, awards, honours; then by career stage (senior, mid-career or
    faculty, early-career or postdoc, unknown); then the newest. Student awards are left out
    once the researcher has any later one.
  * Leadership: administrative posts (appointments of kind administrative), the current ones
    first, then the newest.
  * Grants: only competitive grants held as PI are named (as co-PI if there is no PI grant),
    never a declined one; amounts compared are one's own share where a grant gives it;
    the bio counts them all. Amounts are compared only within one currency (no exchange
    rates: they drift, and a table would silently rank by an invented number): the longest
    grant first, then the newest; then, among grants in the same currency, the larger takes
    the better of their places.
  * Degrees: doctorate, master's, bachelor's, other; then the newest.
  * Previous positions: regular posts before visiting ones; internships and student posts are
    never used; then the most recent.
  * Research interests: in the order cv.yaml lists them.

Across kinds, `TIERS` below: facts are dropped from the bottom of that list upwards, one at a
time, until the bio fits; facts not listed follow, their n-th item after all (n-1)-th items.
The identity sentence (position and affiliation) is never dropped.

However long the limit, a bio names at most `MAX_ITEMS` of each kind: a list of nine prizes
reads as a CV pasted into prose, not as a biography.
"""

from __future__ import annotations

import re

from cvgen.model import Appointment, Award, Degree, Grant, GrantRole, Person

TIERS: tuple[tuple[str, int], ...] = (
    ("identity", 0),
    ("interest", 0),
    ("degree", 0),
    ("award", 0),
    ("leadership", 0),
    ("grant", 0),
    ("position", 0),
    ("award", 1),
    ("interest", 1),
    ("supervision", 0),
    ("grant", 1),
    ("editorial", 0),
    ("keynote", 0),
    ("leadership", 1),
    ("award", 2),
    ("interest", 2),
    ("placement", 0),
    ("degree", 1),
    ("keynote", 1),
    ("position", 1),
    ("editorial", 1),
    ("visit", 0),
    ("degree", 2),
)
MAX_ITEMS: dict[str, int] = {
    "interest": 3,
    "degree": 3,
    "award": 4,
    "grant": 3,
    "position": 2,
    "leadership": 2,
    "visit": 2,
    "editorial": 2,
    "keynote": 2,
}
_KIND_ORDER = (
    "award", "grant", "interest", "keynote", "editorial", "leadership", "position", "degree",
    "visit",
)  # fmt: skip

_STAGE = {
    "senior": 0, "faculty": 1, "mid-career": 1, "early-career": 2, "postdoc": 2, None: 3,
    "student": 4,
}  # fmt: skip
_AWARD_KIND = {"prize": 0, "fellowship": 1, "award": 2, "honour": 3}
_ROLE = {role: i for i, role in enumerate(GrantRole)}
_DOCTORATE = re.compile(
    r"^(ph\.?\s?d|d\.?\s?phil|sc\.?\s?d|d\.?\s?sc|ed\.?\s?d|m\.?\s?d\b|dr|doctor)", re.I
)
_MASTER = re.compile(r"^(m\.?\s?(sc|a|s|phil|eng|res|math|ba)\b|master|mag)", re.I)
_BACHELOR = re.compile(r"^(b\.?\s?(sc|a|s|eng|math)\b|bachelor|licen)", re.I)
_NOT_A_POST = re.compile(r"\b(intern|internship|student|trainee)\b", re.I)
_VISITING = re.compile(r"\b(visiting|visitor|sabbatical)\b", re.I)


def importance(kind: str, index: int) -> int:
    """Position of a fact in the drop order: lower is more important."""
    try:
        return TIERS.index((kind, index))
    except ValueError:
        order = _KIND_ORDER.index(kind) if kind in _KIND_ORDER else len(_KIND_ORDER)
        return len(TIERS) + index * (len(_KIND_ORDER) + 1) + order


def _newest(start) -> int:
    return -(start.year * 100 + (start.month or 0)) if start else 0


def is_internal(award: Award, person: Person) -> bool:
    return bool(award.organization and person.affiliation) and (
        person.affiliation.casefold() in award.organization.casefold()  # type: ignore[union-attr]
    )


def rank_awards(awards: list[Award], person: Person) -> list[Award]:
    return sorted(
        awards,
        key=lambda a: (
            not a.major,
            is_internal(a, person),
            a.stage == "student",
            _AWARD_KIND[a.kind],
            _STAGE.get(a.stage, 3),
            _newest(a.start),
        ),
    )


def bio_awards(awards: list[Award], person: Person) -> list[Award]:
    """The awards a bio may name: never a declined one; student awards only when there is
    nothing later."""
    ranked = rank_awards([a for a in awards if not a.declined], person)
    later = [a for a in ranked if a.stage != "student"]
    return later or ranked


def _months(grant: Grant) -> int:
    """How long a grant runs (ongoing ones to today): the currency-free hint of its size."""
    if not (grant.start and grant.end):
        return 0
    end, start = grant.end, grant.start
    return (end.year - start.year) * 12 + (end.month or 12) - (start.month or 1) + 1


def rank_grants(grants: list[Grant]) -> list[Grant]:
    """Competitive first, then by role, then longest and newest; within one kind, role and
    currency the places are then handed out by amount, so NOK 8M is never weighed against
    EUR 2M."""
    order = sorted(
        grants,
        key=lambda g: (g.kind != "competitive", _ROLE[g.role_kind], -_months(g), _newest(g.start)),
    )
    places: dict[tuple[str, GrantRole | None, str | None], list[int]] = {}
    for place, grant in enumerate(order):
        currency = grant.currency if grant.amount is not None else None
        places.setdefault((grant.kind, grant.role_kind, currency), []).append(place)
    ranked = list(order)
    for group in places.values():
        by_amount = sorted((order[p] for p in group), key=lambda g: -(g.own_amount or 0))
        for place, grant in zip(group, by_amount, strict=True):
            ranked[place] = grant
    return ranked


def bio_grants(grants: list[Grant]) -> list[Grant]:
    """The grants a bio may name: competitive ones held as PI (else as co-PI), best first;
    never a declined one, nor internal funding."""
    competitive = [g for g in rank_grants(grants) if g.kind == "competitive" and not g.declined]
    for role in (GrantRole.PI, GrantRole.CO_PI):
        held = [g for g in competitive if g.role_kind is role]
        if held:
            return held
    return []


def degree_level(degree: Degree) -> int:
    for level, pattern in enumerate((_DOCTORATE, _MASTER, _BACHELOR)):
        if pattern.match(degree.degree.strip()):
            return level
    return 3


def rank_degrees(degrees: list[Degree]) -> list[Degree]:
    return sorted(degrees, key=lambda d: (degree_level(d), _newest(d.end or d.start)))


def is_post(appointment: Appointment) -> bool:
    """Internships and student jobs are training, not positions a bio should list."""
    return not _NOT_A_POST.search(appointment.title)


def is_visit(appointment: Appointment) -> bool:
    return appointment.kind == "visiting" or bool(_VISITING.search(appointment.title))


def rank_positions(appointments: list[Appointment]) -> list[Appointment]:
    posts = [a for a in appointments if is_post(a)]
    return sorted(posts, key=lambda a: (is_visit(a), _newest(a.start)))
