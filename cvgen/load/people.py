"""Recognise the researcher and their students in author lists, whatever the spelling.

"Daniel Soudry", "D. Soudry", "Soudry, D." and "Soudry, Daniel S." are one person: we compare
accent-folded surnames (with any von-particle, capitalised ones too) and require the given
names to agree as far as both spellings go: initials with initials or names, full names with
full names ("Ji-Hoon" is not "Ji-Woo"). Explicit name variants cover maiden names and other
scripts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bibtexparser.middlewares.names import parse_single_name_into_parts

from cvgen.model import Author, Publication, Student
from cvgen.util.dates import Date
from cvgen.util.names import fold, given_tokens

# Particles BibTeX takes for given names when they are capitalised ("Pieter Van Dijk").
PARTICLES = frozenset(
    "van von de der den del della delle dei degli di da das dos do du des la le lo ten ter te "
    "het op zu zur af av bin ibn al el ben".split()
)


def _given_agree(mine: str, theirs: str) -> bool:
    """Two given names, full or initials, that can be one person's: full names must be equal
    (or one a shortening of the other of three letters or more, Alex for Alexander)."""
    if mine == theirs:
        return True
    if len(mine) == 1 or len(theirs) == 1:
        return mine[0] == theirs[0]
    short, long = sorted((mine, theirs), key=len)
    return long.startswith(short) and len(short) >= 3


@dataclass(frozen=True)
class NameKey:
    """What identifies a person in an author list: folded surname (with the particles BibTeX
    took for given names as another reading of it) and given names."""

    surnames: tuple[str, ...]
    given: tuple[str, ...]

    @property
    def surname(self) -> str:
        return self.surnames[0] if self.surnames else ""

    @classmethod
    def from_parts(cls, first: str, von: str, last: str) -> NameKey:
        return _key_from_parts(first, von, last)

    @classmethod
    def from_text(cls, name: str) -> NameKey:
        """Parse 'First Last' or 'Last, First' the way BibTeX does."""
        parts = parse_single_name_into_parts(name, strict=False)
        return cls.from_parts(" ".join(parts.first), " ".join(parts.von), " ".join(parts.last))

    def agreement(self, other: NameKey) -> int:
        """0 when the two cannot be one person; else how closely they agree (given names
        compared as far as both go, full names counting more than initials)."""
        if not self.surname or not set(self.surnames) & set(other.surnames):
            return 0
        score = 1
        for mine, theirs in zip(self.given, other.given, strict=False):
            if not _given_agree(mine, theirs):
                return 0
            score += 3 if mine == theirs and len(mine) > 1 else 1
        return score

    def matches(self, other: NameKey) -> bool:
        return self.agreement(other) > 0


@lru_cache(maxsize=16384)
def _key_from_parts(first: str, von: str, last: str) -> NameKey:
    surname = fold(f"{von}{last}")
    words = first.split()
    cut = len(words)
    while cut > 1 and words[cut - 1].lower() in PARTICLES:  # "Pieter Van" + "Dijk"
        cut -= 1
    if cut == len(words):
        return NameKey((surname,), given_tokens(first))
    moved = fold("".join(words[cut:]))
    return NameKey((surname, moved + surname), given_tokens(" ".join(words[:cut])))


_HONORIFIC = re.compile(r"^((dr|prof|professor|mr|mrs|ms|mx)\.?\s+)+", re.I)


def keys_for(name: str, variants: list[str]) -> tuple[NameKey, ...]:
    """Keys of a name and its variants; a title before a name ('Dr. Omri Katz') is no
    given name, so it is dropped. A name written 'Given Surname' in cv.yaml may have a
    surname of several words ('Daniel J. Short Gianotti', 'Myo Minn Oo'), which BibTeX cannot
    tell: each longer surname is another key, which only an author field writing that whole
    surname ('Short Gianotti, Daniel J') matches."""
    keys: list[NameKey] = []
    for text in (_HONORIFIC.sub("", n.strip()) for n in (name, *variants)):
        if not text:
            continue
        keys.append(NameKey.from_text(text))
        words = text.split() if "," not in text else []
        for cut in range(len(words) - 2, 0, -1):
            keys.append(NameKey.from_parts(" ".join(words[:cut]), "", " ".join(words[cut:])))
    return tuple(dict.fromkeys(keys))


@dataclass(frozen=True)
class StudentWindow:
    """A student's keys and the years in which co-authored papers underline them."""

    keys: tuple[NameKey, ...]
    first_year: int
    last_year: int | None  # None: still a student

    def covers(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)


def student_windows(students: list[Student], grace_years: int) -> list[StudentWindow]:
    """From the start (without one: from the first paper) to `grace_years` after the end (a
    current student: to now). A past student with neither date has no window."""
    windows = []
    for student in students:
        if student.start is None and student.end is None and student.status != "current":
            continue
        end: Date | None = student.end if student.status != "current" else None
        last = None if end is None or end.present else end.year + grace_years
        start_year = student.start.year if student.start else 0
        windows.append(
            StudentWindow(keys_for(student.name, student.name_variants), start_year, last)
        )
    return windows


class RoleMarker:
    """Sets is_self / is_student on the authors (and editors) of publications. Each distinct
    name is compared with the researcher's once: co-authors recur across a bibliography (a
    reference library of 50,000 entries names some 20,000 people 200,000 times).

    Namesakes share a surname (Park, Ji-Hoon and Park, Ji-Woo): unless `every_match`, only the
    author who agrees best with the researcher's names is marked in each list."""

    def __init__(
        self,
        self_keys: tuple[NameKey, ...],
        students: list[StudentWindow],
        every_match: bool = False,
    ):
        self.self_keys = self_keys
        self.every_match = every_match
        self.students_by_surname = _students_by_surname(tuple(students))
        self._names: dict[tuple[str, str, str], tuple[NameKey, int]] = {}
        self._marked: dict[tuple, Author] = {}

    def _reading(self, author: Author) -> tuple[NameKey, int]:
        """The author's key, and how well it agrees with the researcher's names (0: not)."""
        name = (author.first, author.von, author.last)
        reading = self._names.get(name)
        if reading is None:
            key = NameKey.from_parts(*name)
            score = self._agreement(key)
            if not score and not author.first and " " in author.last.strip():
                score = self._agreement(NameKey.from_text(author.last))  # {Pieter van Dijk}
            reading = self._names[name] = (key, score)
        return reading

    def _agreement(self, key: NameKey) -> int:
        return max((mine.agreement(key) for mine in self.self_keys), default=0)

    def _swapped(self, person: Author) -> bool:
        """The researcher written surname first without a comma ('Caffo B', RePEc's 'Koeniger
        Winfried') or given name and surname the wrong way round ('Ross, Dunne')."""
        if not person.first or person.von or person.jr:
            return False
        return self._agreement(NameKey.from_parts(person.last, "", person.first)) > 0

    def mark(self, pub: Publication) -> Publication:
        """The publication with its people's roles set (the same object when no role changes,
        as for most entries of a reference library)."""
        authors = self._marked_list(pub.authors, pub.year)
        editors = pub.editors
        if editors and not any(a.is_self for a in authors):  # once per entry: an author first
            editors = self._marked_list(editors, pub.year)
        if authors is pub.authors and editors is pub.editors:
            return pub
        return pub.model_copy(update={"authors": authors, "editors": editors})

    def _marked_list(self, people: list[Author], year: int) -> list[Author]:
        readings = [self._reading(person) for person in people]
        best = max((score for _, score in readings), default=0)
        owner = next((i for i, (_, score) in enumerate(readings) if score == best), None)
        if not best:  # nobody matches: the researcher's name the wrong way round?
            owner = next((i for i, person in enumerate(people) if self._swapped(person)), None)
            if owner is not None:  # shown the right way round
                person = people[owner]
                people = list(people)
                people[owner] = person.model_copy(
                    update={"first": person.last, "last": person.first}
                )
                readings[owner] = (readings[owner][0], 1)
        marked: list[Author] = []
        changed = owner is not None and not best
        for index, (person, (key, score)) in enumerate(zip(people, readings, strict=True)):
            is_self = score > 0 and (self.every_match or index == owner)
            is_student = not is_self and self._is_student(key, year)
            if is_self != person.is_self or is_student != person.is_student:
                person = self._with_roles(person, is_self, is_student)
                changed = True
            marked.append(person)
        return marked if changed else people

    def _is_student(self, key: NameKey, year: int) -> bool:
        students = [w for s in key.surnames for w in self.students_by_surname.get(s, ())]
        return any(w.covers(year) and any(k.matches(key) for k in w.keys) for w in students)

    def _with_roles(self, author: Author, is_self: bool, is_student: bool) -> Author:
        """The author with these roles: one object however many papers they are on."""
        key = (*author.model_dump().values(), is_self, is_student)
        marked = self._marked.get(key)
        if marked is None:
            update = {"is_self": is_self, "is_student": is_student}
            marked = self._marked[key] = author.model_copy(update=update)
        return marked


@lru_cache(maxsize=4)
def _students_by_surname(
    students: tuple[StudentWindow, ...],
) -> dict[str, tuple[StudentWindow, ...]]:
    """Compare a co-author only with the students who share their surname."""
    found: dict[str, list[StudentWindow]] = {}
    for window in students:
        for surname in dict.fromkeys(s for key in window.keys for s in key.surnames):
            found.setdefault(surname, []).append(window)
    return {surname: tuple(windows) for surname, windows in found.items()}
