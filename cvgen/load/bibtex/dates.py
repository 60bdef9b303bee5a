"""The year and month of an entry, however its fields write them.

BibTeX's `year` holds anything from `2019` to `{\\noopsort{a}}2019a` or `Spring 2019`; biblatex's
`date` is ISO 8601 extended by EDTF: seasons (`2025-23`, 21-24 spring to winter, 25-41 the
extended ones), ranges (`2025-23/2026-22`, open `2019-04/` and `../2020`), approximate or
uncertain dates (`2021~`, `2021?`, `2021%`) and unspecified digits (`201X`). A CV dates a
paper by its year and, where the fields give one, its month: a season or a range's end is no
month, and nothing but 1 to 12 ever becomes one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cvgen.load.bibtex.values import MONTH_MACROS

_YEAR = re.compile(r"(?<!\d)(\d{4})(?:-(\d{1,2}))?(?!\d)")
_NOOPSORT = re.compile(r"\\noopsort\s*\{[^{}]*\}")  # BibTeX idiom: sort key, never printed
# One EDTF date: a year (four digits, or more after a 'Y'), then month or season, then day.
_EDTF = re.compile(r"^\s*[\[{]?\s*Y?(-?\d{4,})(?:-(\d{2})(?:-(\d{2}))?)?\s*[~?%]?\s*[\]}]?\s*$")
_MONTH_START = re.compile(r"\s*([0-9]{1,2}|[A-Za-z]{3,})(?![0-9])")
_MONTH_NUMBERS = {name: int(number) for name, number in MONTH_MACROS.items()}


class YearMonth(NamedTuple):
    year: int
    month: int | None


def _as_month(number: str | None) -> int | None:
    """A calendar month; seasons (21-41) and anything else are none."""
    return int(number) if number and 1 <= int(number) <= 12 else None


def date_field(raw: str) -> YearMonth | None:
    """biblatex's `date`: the start of a range (or its end, when the range is open at the
    start), as ISO 8601 and EDTF write it; None when it holds no year."""
    start, _, end = raw.replace("..", "").partition("/")
    for part in (start, end):
        match = _EDTF.match(part)
        if match and not match.group(1).startswith("-"):
            return YearMonth(int(match.group(1)), _as_month(match.group(2)))
    return year_field(raw)


def year_field(raw: str) -> YearMonth | None:
    """BibTeX's `year`: the first four-digit year in it (`2019a`, `Spring 2019`, `2019-04`),
    with the month that follows it when it is one; None when it holds no year."""
    match = _YEAR.search(_NOOPSORT.sub("", raw))
    if not match:
        return None
    return YearMonth(int(match.group(1)), _as_month(match.group(2)))


def month_field(raw: str) -> int | None:
    """The month a `month` value starts with: '6', 'jun', 'June', '6-8' (a range), '10~1'
    (with a day); None when it names none."""
    match = _MONTH_START.match(raw)
    if not match:
        return None
    word = match.group(1).lower()
    if word.isdigit():
        return _as_month(word)
    return _MONTH_NUMBERS.get(word[:3])


def has_year(raw: str) -> bool:
    return bool(_YEAR.search(raw))
