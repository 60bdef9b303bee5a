"""What composing one document needs at hand: the settings, the words and the element ids."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from cvgen.compose.names import DEFAULT_STYLE, NameStyle
from cvgen.compose.order import chronological
from cvgen.document import Span
from cvgen.model import DatePrecision, Metrics, Numbering, Order, PubKind
from cvgen.util.dates import Date
from cvgen.words import Words, load_words

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    """How to compose: the words of the CV's language, publication numbering and order, the
    CV's date. The pipeline decides them once from cv.yaml's `design:` and the command line."""

    words: Words = field(default_factory=load_words)
    numbering: Numbering = "per-type"
    reverse: bool = False  # count down, so the newest entry gets the highest number
    today: dt.date | None = None  # the date the CV speaks from (None: today)
    as_of: Date | None = None  # the CV's own date, printed as 'Updated ...' (None: undated)
    numbered_sections: bool = False
    order: Order = "newest-first"  # of dated entries and of each publication list
    publication_order: tuple[PubKind, ...] = ()  # kinds first in the publications; then the rest
    # Periods as written, with months, or years; None: as cv.yaml's design.dates says.
    dates: DatePrecision | None = None
    # Publications' references formatted by a citation style (cvgen.citations), by key; an
    # entry without one is formatted in cvgen's own style.
    references: dict[str, list[Span]] = field(default_factory=dict)
    # Citation metrics to show (from metrics.yaml), and where: the header, each paper.
    metrics: Metrics | None = None
    metrics_header: bool = False
    metrics_per_paper: bool = False
    # How authors' names print and how long a list prints whole (design.author_names and
    # design.max_authors).
    names: NameStyle = DEFAULT_STYLE
    # A line every output must carry, in its footer and metadata: the embedded example's.
    notice: str | None = None


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "x"


class Ids:
    """Hands out element ids, never the same one twice (BibTeX keys may slug alike)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, base: str) -> str:
        base = slug(base)
        candidate, count = base, 1
        while candidate in self.used:
            count += 1
            candidate = f"{base}-{count}"
        self.used.add(candidate)
        return candidate


@dataclass
class Context:
    """One composition's state: settings, words, ids, and publication numbers."""

    settings: Settings
    ids: Ids = field(default_factory=Ids)
    numbers: dict[str, int] = field(default_factory=dict)

    @property
    def words(self) -> Words:
        return self.settings.words

    @property
    def day(self) -> dt.date:
        """The date the CV speaks from (design.as_of, --as-of), else today: what is current,
        and which ends are still ahead."""
        return self.settings.today or dt.date.today()

    def in_order(self, items: Iterable[T]) -> list[T]:
        """Dated items newest or oldest first, as the CV's design says."""
        return chronological(items, self.settings.order)
