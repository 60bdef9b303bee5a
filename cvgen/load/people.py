"""Recognise the researcher and their students in author lists, whatever the spelling.

"Daniel Soudry", "D. Soudry", "Soudry, D." and "Soudry, Daniel S." are one person: we compare
accent-folded surnames (with any von-particle) and require the given-name initials to agree as
far as both spellings go. Explicit name variants cover maiden names and other scripts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bibtexparser.middlewares.names import parse_single_name_into_parts

from cvgen.model import Author, Publication, Student
from cvgen.util.dates import Date


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case, accents removed, punctuation dropped: 'Lefèvre-Ngô' -> 'lefevrengo'."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", kept.casefold())


def _initials(given: str) -> tuple[str, ...]:
    """'Jean-Pierre A.' -> ('j', 'a'): one initial per space- or dot-separated given name."""
    tokens = [t for t in re.split(r"[\s.]+", given) if t]
    return tuple(fold(t)[:1] for t in tokens if fold(t))


@dataclass(frozen=True)
class NameKey:
    """What identifies a person in an author list: folded surname and given-name initials."""

    surname: str
    initials: tuple[str, ...]

    @classmethod
    def from_parts(cls, first: str, von: str, last: str) -> NameKey:
        return _key_from_parts(first, von, last)

    @classmethod
    def from_text(cls, name: str) -> NameKey:
        """Parse 'First Last' or 'Last, First' the way BibTeX does."""
        parts = parse_single_name_into_parts(name, strict=False)
        return cls.from_parts(" ".join(parts.first), " ".join(parts.von), " ".join(parts.last))

    def matches(self, other: NameKey) -> bool:
        if not self.surname or self.surname != other.surname:
            return False
        if not self.initials or not other.initials:
            return True
        shared = min(len(self.initials), len(other.initials))
        return self.initials[:shared] == other.initials[:shared]


@lru_cache(maxsize=16384)
def _key_from_parts(first: str, von: str, last: str) -> NameKey:
    return NameKey(fold(f"{von}{last}"), _initials(first))


_HONORIFIC = re.compile(r"^((dr|prof|professor|mr|mrs|ms|mx)\.?\s+)+", re.I)


def keys_for(name: str, variants: list[str]) -> tuple[NameKey, ...]:
    """Keys of a name and its variants; a title before a name ('Dr. Omri Katz') is no
    given name, so it is dropped."""
    names = (_HONORIFIC.sub("", n.strip()) for n in (name, *variants))
    return tuple(NameKey.from_text(n) for n in names if n)


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
    """Sets is_self / is_student on the authors of publications. Each distinct name is compared
    with the researcher's once: co-authors recur across a bibliography (a reference library of
    50,000 entries names some 20,000 people 200,000 times)."""

    def __init__(self, self_keys: tuple[NameKey, ...], students: list[StudentWindow]):
        self.self_keys = self_keys
        self.students_by_surname = _students_by_surname(tuple(students))
        self._names: dict[tuple[str, str, str], tuple[NameKey, bool]] = {}
        self._marked: dict[tuple, Author] = {}

    def _reading(self, author: Author) -> tuple[NameKey, bool]:
        """The author's key, and whether it is the researcher's."""
        name = (author.first, author.von, author.last)
        reading = self._names.get(name)
        if reading is None:
            key = NameKey.from_parts(*name)
            reading = self._names[name] = (key, any(k.matches(key) for k in self.self_keys))
        return reading

    def mark(self, pub: Publication) -> Publication:
        """The publication with its authors' roles set (the same object when no role changes,
        as for most entries of a reference library)."""
        authors: list[Author] = []
        changed = False
        for author in pub.authors:
            key, is_self = self._reading(author)
            students = self.students_by_surname.get(key.surname, ())
            is_student = (
                bool(students)
                and not is_self
                and any(
                    w.covers(pub.year) and any(k.matches(key) for k in w.keys) for w in students
                )
            )
            if is_self != author.is_self or is_student != author.is_student:
                author = self._with_roles(author, is_self, is_student)
                changed = True
            authors.append(author)
        return pub.model_copy(update={"authors": authors}) if changed else pub

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
        for surname in dict.fromkeys(key.surname for key in window.keys):
            found.setdefault(surname, []).append(window)
    return {surname: tuple(windows) for surname, windows in found.items()}
