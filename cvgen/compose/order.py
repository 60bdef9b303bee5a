"""The CV's orders: which sections and in what sequence, and how entries are sorted."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from cvgen.model import Order, PubKind
from cvgen.util.dates import Date

T = TypeVar("T")
# Publication kinds under "Publications", in order; patents get a section of their own.
PUBLICATION_KINDS: tuple[PubKind, ...] = (
    PubKind.JOURNAL,
    PubKind.CONFERENCE,
    PubKind.BOOK,
    PubKind.CHAPTER,
    PubKind.PREPRINT,
    PubKind.REPORT,
    PubKind.THESIS,
    PubKind.OTHER,
)
SECTION_KINDS: dict[str, tuple[PubKind, ...]] = {
    "publications": PUBLICATION_KINDS,
    "patents": (PubKind.PATENT,),
}
_UNDATED = Date(1900)


def _when(item: Any) -> tuple[Date, Date]:
    """The date a CV sorts an item by: its date, else its start, else its end; then its end."""
    first = getattr(item, "date", None) or getattr(item, "start", None)
    end = getattr(item, "end", None)
    return (first or end or _UNDATED, end or _UNDATED)


def newest_first(items: Iterable[T]) -> list[T]:
    """Reverse chronological, as CVs list careers; undated items go last, in their own order."""
    return sorted(items, key=_when, reverse=True)


def chronological(items: Iterable[T], order: Order = "newest-first") -> list[T]:
    """Newest or oldest first, as the CV asks; undated items go last either way."""
    if order == "newest-first":
        return newest_first(items)
    items = list(items)
    dated = sorted((item for item in items if _when(item)[0] != _UNDATED), key=_when)
    return dated + [item for item in items if _when(item)[0] == _UNDATED]


def section_kinds(section: str, first: Iterable[PubKind] = ()) -> tuple[PubKind, ...]:
    """The publication kinds a section lists, in order: those named `first`, then the rest."""
    kinds = SECTION_KINDS.get(section, ())
    named = tuple(kind for kind in first if kind in kinds)
    return named + tuple(kind for kind in kinds if kind not in named)


def grouped_by(
    items: Iterable[T], key: Callable[[T], object], order: Iterable[object]
) -> list[tuple[Any, list[T]]]:
    """(value, members) for each value of `order` that some item has, members in the items'
    order: how a section splits (service by category, talks by kind, ...)."""
    items = list(items)
    groups = []
    for value in order:
        members = [item for item in items if key(item) == value]
        if members:
            groups.append((value, members))
    return groups
