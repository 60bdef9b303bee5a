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
from cvgen.util.languages import (
    language_code,
    language_of_script,
    same_language,
    script_languages,
    script_of,
    writes_in_script,
)
from cvgen.words import Words, load_words, shipped_languages

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

    def language_of(self, named: str | None, *texts: str | None) -> str | None:
        """The language of an item where it is not the CV's (None where it is): the one it
        names (a .bib's langid or language, cv.yaml's `language:`) where its text is in that
        language's script, else the one its script stands for when the CV's language is not
        written in that script (Latin is English: an English title in a Hebrew CV); else the
        CV's."""
        own = self.words.language
        text = " ".join(t for t in texts if t)
        found = language_code(named)
        if found is None or not writes_in_script(found, text):  # a Hebrew talk's English title
            if writes_in_script(own, text):
                return None
            found = language_of_script(text)
        return None if found is None or same_language(found, own) else found

    def language_of_sentence(self, text: str) -> str | None:
        """The language of a sentence the user wrote (a note) when none of its letters is in
        the CV's script ('Director of the lab since 2019' in a Hebrew CV: English); None when
        it may be in the CV's language, or mixes it with another script (a label and a title)."""
        own = self.words.language
        if not text or writes_in_script(own, text):
            return None
        if script_of(own) in script_languages(text):
            return None
        return self.language_of(None, text)

    def is_own_language(self, named: str) -> bool:
        """Whether a language named in cv.yaml ('Hebrew', 'he') is the CV's."""
        code = language_code(named)
        return code is not None and same_language(code, self.words.language)

    def words_in(self, language: str | None) -> Words:
        """The words of an item in `language` (a reference's 'vol.', 'pp.', 'and'): the CV's
        for its own language, else the shipped table of that language, else English's, as
        biblatex falls back to english.lbx."""
        if language is None:
            return self.words
        return _shipped_words(language)

    def in_order(self, items: Iterable[T]) -> list[T]:
        """Dated items newest or oldest first, as the CV's design says."""
        return chronological(items, self.settings.order)


def _shipped_words(language: str) -> Words:
    shipped = {code.lower(): code for code in shipped_languages()}
    code = shipped.get(language.lower()) or shipped.get(language.split("-")[0].lower())
    return load_words(code or "en")
