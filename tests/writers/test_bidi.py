"""Right-to-left text in the writers: which way a run reads, and Hebrew phrases isolated inside
English text without letting any string escape LaTeX or HTML escaping."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from cvgen.document import Span
from cvgen.writers.bidi import phrases, reads_left_to_right
from cvgen.writers.html.markup import spans_to_html
from cvgen.writers.latex.markup import escape_latex, spans_to_latex

MIXED = st.text(alphabet=st.sampled_from("אבגדהוזחט׳״־ abcxyz0123456789.,:;–-/\\{}$%&#_^~<>\"'"))


@given(MIXED)
def test_phrases_cut_the_text_without_losing_any_of_it(text: str) -> None:
    pieces = phrases(text)
    assert "".join(piece for piece, _ in pieces) == text
    for piece, is_phrase in pieces:
        if is_phrase:  # from a right-to-left letter to the last letter or digit
            assert unicodedata.bidirectional(piece[0]) == "R"
            assert piece[-1] in "0123456789%" or unicodedata.bidirectional(piece[-1]) == "R"


def test_first_strong_letter_decides() -> None:
    assert reads_left_to_right("Journal, כרך 5")
    assert not reads_left_to_right("עבודת גמר: Sparse recovery")
    assert reads_left_to_right("+44 1632 960418")  # no letters: left to right


def test_a_hebrew_label_inside_an_english_reference_is_one_phrase() -> None:
    text = "Annals of Statistics, 49(5), עמ׳ 2685–2712, אוקטובר 2021."
    assert [p for p, is_phrase in phrases(text) if is_phrase] == ["עמ׳ 2685–2712", "אוקטובר 2021"]
    assert escape_latex(text, rtl=True).count(r"\cvrtl{") == 2
    assert spans_to_html([Span(text)], rtl=True).count('<span dir="rtl">') == 2


@given(MIXED)
def test_isolating_phrases_escapes_everything_still(text: str) -> None:
    latex = escape_latex(text, rtl=True)
    plain = latex.replace(r"\cvrtl{", "")
    for special in "$&#_%":
        assert plain.count(special) == plain.count("\\" + special)
    html = str(spans_to_html([Span(text)], rtl=True))
    assert "<" not in html.replace('<span dir="rtl">', "").replace("</span>", "")
    assert spans_to_latex([Span(text)], rtl=True) == latex
