"""Author marks and their legend (compose/marks.py)."""

from __future__ import annotations

from cvgen.compose.marks import DEFAULT_PHRASES, legend_for, mark_span, symbols_used
from cvgen.document import plain_text
from cvgen.model import Author, PubKind, Publication
from cvgen.words import load_words
from tests.support.rendering import WORDS


def _pub(*authors: Author) -> Publication:
    return Publication(key="k", entry_type="article", kind=PubKind.JOURNAL, title="T",
                       authors=list(authors), year=2020)  # fmt: skip


def test_a_mark_is_a_superscript_that_says_what_it_means() -> None:
    span = mark_span("*")
    assert (span.text, span.superscript, span.mark) == ("*", True, "equal")
    assert mark_span("‡").mark is None  # its meaning is cv.yaml's, told in the legend


def test_the_symbols_used_are_the_stars_and_the_other_marks() -> None:
    pub = _pub(Author(last="A", equal_contribution=True), Author(last="B", marks=("†", "‡")))
    assert symbols_used([pub]) == {"*", "†", "‡"}
    assert symbols_used([_pub(Author(last="C"))]) == set()


def test_the_legend_is_in_a_fixed_order_in_the_cvs_language() -> None:
    lines = legend_for({"†", "*"}, WORDS, {"‡": "Senior author"})
    assert [plain_text(line) for line in lines] == [
        "* Equal contribution",
        "† Corresponding author",
    ]
    german = [plain_text(line) for line in legend_for({"*"}, load_words("de"))]
    assert german == ["* Gleichwertiger Beitrag"] and DEFAULT_PHRASES["*"] == "legend.equal"
    assert [plain_text(x) for x in legend_for({"‡"}, WORDS, {"‡": "Senior author"})] == [
        "‡ Senior author"
    ]
