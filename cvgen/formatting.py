"""Backend-neutral formatting of CV values, so the PDF, the web page and every listing agree.

Each backend escapes the result its own way; these functions only decide the words and order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import groupby
from typing import TYPE_CHECKING, Any, TypeVar

from cvgen.dates import Date, format_range
from cvgen.sections import LEVEL_HEADINGS, STATUS_HEADINGS

if TYPE_CHECKING:
    from cvgen.model import Grant, Student, StudentLevel, Teaching

T = TypeVar("T")
CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}
_UNDATED = Date(1900)
# A course's date column is as narrow as "2019 – present": it holds at most two terms, each
# short enough for one line of it; longer lists go in the entry, the column keeps their span.
_COLUMN_TERMS = 2
_COLUMN_TERM_CHARS = 12
TERM_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")  # the year in 'Fall 2021', 'Spring 2019'.


def money(amount: float | None, currency: str | None) -> str:
    """'£298,400', '€1,497,500', 'CHF 12,000.50': symbols for the big three, else the ISO code;
    '' when there is no amount."""
    if amount is None:
        return ""
    number = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
    if currency in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[currency] + number
    return f"{currency} {number}" if currency else number


def totals_by_currency(grants: Iterable[Grant]) -> list[tuple[str | None, float]]:
    """(currency, total) of the grants' amounts, in order of first appearance: amounts in
    different currencies are never added up."""
    totals: dict[str | None, float] = {}
    for grant in grants:
        if grant.amount:
            totals[grant.currency] = totals.get(grant.currency, 0) + grant.amount
    return list(totals.items())


def course_period(course: Teaching) -> tuple[str, list[str]]:
    """A course's date column and the terms still to list in its entry.

    Its dates when it has them; else its terms if they fit the column ('Fall 2021, Fall 2022',
    kept whole by no-break spaces), else the span of the years they name ('2014 – 2026').
    """
    if course.start or course.end:
        return format_range(course.start, course.end), course.terms
    terms = course.terms
    if len(terms) <= _COLUMN_TERMS and all(len(term) <= _COLUMN_TERM_CHARS for term in terms):
        return ", ".join(term.replace(" ", "\u00a0") for term in terms), []
    years = [TERM_YEAR.findall(term) for term in terms]
    if not all(years):  # a term without a year: no span can be trusted
        return "", terms
    flat = [int(year) for found in years for year in found]
    return format_range(Date(min(flat)), Date(max(flat))), terms


def grouped_by(
    items: Iterable[T], key: Callable[[T], object], order: Iterable[object]
) -> list[tuple[Any, list[T]]]:
    """(value, members) for each value of `order` that some item has, members in the items'
    order: how every backend splits a section (service by category, talks by kind, ...)."""
    items = list(items)
    groups = []
    for value in order:
        members = [item for item in items if key(item) == value]
        if members:
            groups.append((value, members))
    return groups


def student_groups(
    students: Iterable[Student],
) -> list[tuple[str, list[tuple[StudentLevel, list[Student]]]]]:
    """Students by status (current, completed, left), then by level, newest first within a
    level: the supervision section's order in every backend."""
    levels = list(LEVEL_HEADINGS)
    ordered = sorted(newest_first(students), key=lambda s: levels.index(s.level))
    return [
        (status, [(level, list(run)) for level, run in groupby(members, lambda s: s.level)])
        for status, members in grouped_by(ordered, lambda s: s.status, STATUS_HEADINGS)
    ]


def _when(item: Any) -> tuple[Date, Date]:
    """The date a CV sorts an item by: its date, else its start, else its end; then its end."""
    first = getattr(item, "date", None) or getattr(item, "start", None)
    end = getattr(item, "end", None)
    return (first or end or _UNDATED, end or _UNDATED)


def newest_first(items: Iterable[T]) -> list[T]:
    """Reverse chronological, as CVs list careers; undated items go last, in their own order."""
    return sorted(items, key=_when, reverse=True)


def sentence_case(text: str) -> str:
    """'with distinction' -> 'With distinction': a detail printed as a sentence starts with a
    capital; the rest is left alone ('PhD' must stay 'PhD')."""
    return text[:1].upper() + text[1:]
