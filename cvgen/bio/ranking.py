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

Across kinds, `WEIGHTS` below: the n-th fact of a kind weighs `base + n * step`, and facts are
dropped from the heaviest up, one at a time, until the bio fits. So the current posts, the
leadership held now and the highest degree come before a second distinction, which comes before
a third interest, a membership or a course taught; the identity sentence (position and
affiliation) is never dropped.

However long the limit, a bio names at most `MAX_ITEMS` of each kind: a list of nine prizes
reads as a CV pasted into prose, not as a biography.
"""

from __future__ import annotations

import re

from cvgen.model import Appointment, Award, Degree, Grant, GrantRole, Person

# kind: (weight of its first fact, added for each further one)
WEIGHTS: dict[str, tuple[int, int]] = {
    "identity": (0, 0),
    "current": (2, 3),
    "leadership": (2, 4),
    "award": (3, 5),
    "degree": (4, 5),
    "interest": (5, 4),
    "supervision": (6, 0),
    "grant": (7, 6),
    "position": (8, 4),
    "affiliation": (9, 5),
    "certification": (9, 6),
    "future": (10, 6),
    "editorial": (13, 7),
    "membership": (14, 6),
    "advisor": (15, 0),
    "visit": (16, 7),
    "industry": (17, 6),
    "keynote": (18, 8),
    "placement": (19, 0),
    "service": (20, 7),
    "teaching": (22, 0),
}
MAX_ITEMS: dict[str, int] = {
    "current": 4,
    "affiliation": 3,
    "interest": 6,
    "degree": 4,
    "award": 4,
    "grant": 3,
    "position": 5,
    "leadership": 3,
    "future": 2,
    "visit": 3,
    "industry": 3,
    "editorial": 3,
    "keynote": 2,
    "certification": 4,
    "membership": 4,
    "service": 3,
}
# What a leadership post is called, in the languages cvgen speaks: the highest first.
LEADERSHIP_WORDS: tuple[tuple[str, ...], ...] = (
    ("president", "provost", "rector", "chancellor", "präsident", "rektor", "président",
     "recteur", "presidente", "rettore", "rector", "voorzitter", "נשיא", "רקטור"),
    ("vice-president", "vice president", "vice-provost", "vice provost", "vizepräsident",
     "vice-président", "vicepresidente", "vicerrector", "prorektor", "סגן נשיא"),
    ("dean", "dekan", "doyen", "decano", "preside", "decaan", "דיקן"),
    ("director", "direktor", "directeur", "directrice", "direttore", "directora", "diretor",
     "diretora", "מנהל", "מנהלת"),
    ("head", "chair", "chairman", "chairperson", "founder", "leiter", "leiterin", "vorsitz",
     "gründer", "chef", "fondateur", "fondatrice", "jefe", "fundador", "capo", "fondatore",
     "hoofd", "oprichter", "ראש", "יו\"ר", "מייסד"),
)  # fmt: skip
_LEADERSHIP = [
    re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I)
    for words in LEADERSHIP_WORDS
]
# Vice-president before president; German compounds ('Gruppenleiter') and Chinese titles.
_CHECK_ORDER = (1, 0, 2, 3, 4)
_COMPOUND_LEAD = re.compile(r"\w+(leiter|leiterin|direktor|direktorin)\b|(主任|院长|所长)", re.I)
_NAMED_CHAIR = re.compile(
    r"\bChair\s+(in|for)\b|(?!(Department|Committee|Deputy|Vice|Program|Programme|Session|"
    r"Track|Area|General|Co)\b)[A-Z][\w.'-]+\s+Chair$"
)
_ASSISTING = re.compile(r"\bassistant\b", re.I)
_OFFICE_OF = re.compile(r"\b(head|chair|director|dean)\s+of\b", re.I)


def leadership_rank(title: str) -> int | None:
    """How high an office its title names (0: president, provost...; 4: head, chair,
    founder), None if it names none: 'Associate Department Head' and 'Co-Director' are
    offices; 'Head Teaching Assistant' and a named chair ('Pearl Seiden Chair in Sciences')
    are not."""
    if _ASSISTING.search(title) and not _OFFICE_OF.search(title):
        return None
    plain = _NAMED_CHAIR.sub("", title)
    for rank in _CHECK_ORDER:
        if _LEADERSHIP[rank].search(plain):
            return rank
    return 4 if _COMPOUND_LEAD.search(plain) else None


def importance(kind: str, index: int) -> int:
    """Position of a fact in the drop order: lower is more important."""
    base, step = WEIGHTS.get(kind, (len(WEIGHTS), 8))
    return base + index * step


_STAGE = {
    "senior": 0, "faculty": 1, "mid-career": 1, "early-career": 2, "postdoc": 2, None: 3,
    "student": 4,
}  # fmt: skip
_AWARD_KIND = {"prize": 0, "fellowship": 1, "award": 2, "honour": 3}
_ROLE = {role: i for i, role in enumerate(GrantRole)}
_DOCTORATE = re.compile(
    r"^(habil|ph\.?\s?d|d\.?\s?phil|sc\.?\s?d|d\.?\s?sc|ed\.?\s?d|m\.?\s?d\b|dr|doct|dott|"
    r"dout|promotion)|博士$",
    re.I,
)
_MASTER = re.compile(r"^(m\.?\s?(sc|a|s|phil|eng|res|math|ba)\b|master|mag)|硕士$", re.I)
_BACHELOR = re.compile(r"^(b\.?\s?(sc|a|s|eng|math)\b|bachelor|licen)|学士$", re.I)
_NOT_A_POST = re.compile(
    r"\b(intern|internship|student|trainee|teaching assistant|attendant|tutor)\b|实习", re.I
)
_VISITING = re.compile(r"\b(visiting|visitor|sabbatical)\b", re.I)


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
        if pattern.search(degree.degree.strip()):
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


_CERTIFICATION_ORDER = (
    re.compile(r"\bboard[- ]certifi", re.I),
    re.compile(r"\b(medical|nursing|physician)\b.*\blicen[cs]e|\bregistration\b|\bboard\b", re.I),
    re.compile(r"\b(teaching|professional|chartered|clinical|specialist)\b", re.I),
)


def certification_rank(name: str) -> int:
    """Board certifications, then medical licences, then teaching and professional ones; the
    rest (a pilot's or a radio licence) last."""
    for rank, pattern in enumerate(_CERTIFICATION_ORDER):
        if pattern.search(name):
            return rank
    return len(_CERTIFICATION_ORDER)
