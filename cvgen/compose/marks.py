"""The marks after author names (* equal contribution, † corresponding author, ...) and the
legend that explains the ones a list shows, in the words of the CV's language.

A mark's meaning comes from cv.yaml (`publications: marks:`) over the words table's defaults;
a mark nobody explained still gets a legend line (and a warning at load, see
load/bibtex/checks.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from cvgen.document import Span
from cvgen.model import Publication
from cvgen.model.marks import DEFAULT_MEANINGS, EQUAL_MARK, ORDER
from cvgen.words import Words

DEFAULT_PHRASES = {symbol: f"legend.{meaning}" for symbol, meaning in DEFAULT_MEANINGS.items()}


def mark_span(symbol: str) -> Span:
    return Span(symbol, superscript=True, mark="equal" if symbol == EQUAL_MARK else None)


def symbols_used(pubs: Iterable[Publication]) -> set[str]:
    used: set[str] = set()
    for pub in pubs:
        for author in pub.authors:
            if author.equal_contribution:
                used.add(EQUAL_MARK)
            used.update(author.marks)
    return used


def legend_for(
    symbols: Iterable[str], words: Words, configured: Mapping[str, str] | None = None
) -> list[list[Span]]:
    """One legend line per mark, in a fixed order: '* Equal contribution', ..."""
    present = set(symbols)
    ordered = [s for s in ORDER if s in present] + sorted(present - set(ORDER))
    lines = []
    for symbol in ordered:
        mark = mark_span(symbol)
        if configured and symbol in configured:
            meaning = configured[symbol].rstrip(".")
            lines.append(words.spans("legend.mark_means", mark=mark, meaning=meaning))
        else:
            phrase = DEFAULT_PHRASES.get(symbol, "legend.marked")
            lines.append(words.spans(phrase, mark=mark))
    return lines
