"""Backend-neutral formatting of CV values, so the PDF, the web page and every listing agree.

Each backend escapes the result its own way; these functions only decide the words and order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from cvgen.dates import Date

T = TypeVar("T")
CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}
_UNDATED = Date(1900)


def money(amount: float | None, currency: str | None) -> str:
    """'£298,400', '€1,497,500', 'CHF 12,000.50': symbols for the big three, else the ISO code;
    '' when there is no amount."""
    if amount is None:
        return ""
    number = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
    if currency in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[currency] + number
    return f"{currency} {number}" if currency else number


def _when(item: Any) -> tuple[Date, Date]:
    """The date a CV sorts an item by: its date, else its start, else its end; then its end."""
    first = getattr(item, "date", None) or getattr(item, "start", None)
    end = getattr(item, "end", None)
    return (first or end or _UNDATED, end or _UNDATED)


def newest_first(items: Iterable[T]) -> list[T]:
    """Reverse chronological, as CVs list careers; undated items go last, in their own order."""
    return sorted(items, key=_when, reverse=True)
