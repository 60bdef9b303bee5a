"""Partial calendar dates as academics write them: 2019, 2019-06, 2019-06-15, or 'present'.

A CV rarely knows the day a grant started; comparing and printing must still work, so a Date
keeps only the precision it was given and orders by (year, month or 0, day or 0).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import total_ordering
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from cvgen.util.bounds import FIRST_YEAR, LAST_YEAR, within_years

TERM_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")  # the year in 'Fall 2021', 'Spring 2019'.
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# Two dates in one field: '2015-2019', '2015 – 2019', '2019-06 to present'.
_PERIOD_RE = re.compile(
    r"^(\d{4}(?:-\d{1,2})?)\s*(?:-|–|—|to|until)\s*(\d{4}(?:-\d{1,2})?|present|now)$", re.I
)


@total_ordering
@dataclass(frozen=True)
class Date:
    """A year with optional month and day; `present` marks an open end ('2019 – present')."""

    year: int
    month: int | None = None
    day: int | None = None
    present: bool = False

    @classmethod
    def today(cls, as_of: _dt.date | None = None) -> Date:
        d = as_of or _dt.date.today()
        return cls(d.year, d.month, d.day)

    @classmethod
    def parse(cls, value: Any) -> Date:
        """Accept what YAML gives us (int, str, datetime.date) and reject anything else clearly."""
        if isinstance(value, Date):
            return value
        if isinstance(value, bool):
            raise ValueError(f"expected a date such as 2019 or 2019-06, got {value!r}")
        if isinstance(value, _dt.date):  # YAML's own dates: 0001-01-01 is one too
            return cls._bounded(cls(value.year, value.month, value.day), value.isoformat())
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(f"expected a date such as 2019 or 2019-06, got {value!r}")
        text = value.strip()
        if text.lower() in {"present", "now", "ongoing", "today"}:
            today = _dt.date.today()
            return cls(today.year, today.month, today.day, present=True)
        match = _DATE_RE.match(text)
        period = _PERIOD_RE.match(text) if not match else None
        if period:
            first, last = period.groups()
            raise ValueError(
                f"{text!r} is a period, not one date: write start: {first} and end: {last.lower()}"
            )
        if not match:
            raise ValueError(f"expected a date such as 2019, 2019-06 or 'present', got {text!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} is not between 1 and 12 in {text!r}")
        if day is not None:
            try:
                _dt.date(year, month, day)  # type: ignore[arg-type]
            except ValueError:
                raise ValueError(f"{text!r} is not a calendar date") from None
        return cls._bounded(cls(year, month, day), text)

    @classmethod
    def _bounded(cls, date: Date, text: str) -> Date:
        if not within_years(date.year):
            raise ValueError(f"year {date.year} is outside {FIRST_YEAR}-{LAST_YEAR} in {text!r}")
        return date

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Date):
            return NotImplemented
        return self._key() < other._key()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Date):
            return NotImplemented
        return self._key() == other._key() and self.present == other.present

    def __hash__(self) -> int:
        return hash((self._key(), self.present))

    def after(self, day: _dt.date) -> bool:
        """Whether the date is certainly later than `day`: its first possible day is ('2027'
        is after 2026-12-08, but not after 2027-03-01). 'present' never is."""
        if self.present:
            return False
        return _dt.date(self.year, self.month or 1, self.day or 1) > day

    def iso(self) -> str:
        """The form the user wrote (or 'present'), used in JSON output and the schema."""
        if self.present:
            return "present"
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def __str__(self) -> str:
        return self.iso()


_YEAR = r"(19\d\d|2[01]\d\d|2200)"
_DAYS = (  # months of 31 days, of 30, and February (29 in any year: a leap-year rule is long)
    r"(0?[13578]|1[02])(-(0?[1-9]|[12]\d|3[01]))?",
    r"(0?[469]|11)(-(0?[1-9]|[12]\d|30))?",
    r"0?2(-(0?[1-9]|1\d|2\d))?",
)
DATE_PATTERN = rf"^({_YEAR}(-({'|'.join(_DAYS)}))?|present|now|ongoing|today)$"
_DATE_JSON_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
        {"type": "string", "pattern": DATE_PATTERN},
    ],
    "description": "A year (2019), year-month (2019-06), full date (2019-06-15) or 'present'.",
}

DateField = Annotated[
    Date,
    BeforeValidator(Date.parse),
    PlainSerializer(Date.iso, return_type=str),
    WithJsonSchema(_DATE_JSON_SCHEMA),
]


def first_valid(forms: Iterable[str | None]) -> str | int | None:
    """The first of `forms` ('2019-06-31', '2019-06', '2019') that is a date cvgen accepts, as
    cv.yaml writes it (a year as a number): an imported date keeps what is valid of it."""
    for form in forms:
        if not form:
            continue
        try:
            Date.parse(form)
        except ValueError:
            continue
        return int(form) if form.isdigit() else form
    return None
