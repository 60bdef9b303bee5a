"""The engine's string back into styled Spans with the CV's marks (citations/decode.py)."""

from __future__ import annotations

from cvgen.citations.csl_json import csl_item
from cvgen.citations.decode import Quotes, decode
from cvgen.citations.formatter import Formatter
from cvgen.citations.items import engine_item, marks_of
from cvgen.document import plain_text
from tests.support.citing import APA, PAPER, apa


def test_authors_get_their_marks_and_styles_their_flags_and_the_doi_its_link() -> None:
    (text,) = apa().format([engine_item(csl_item(PAPER), PAPER, "k")])
    spans = decode(text, marks_of(PAPER, csl_item(PAPER)), apa().quotes)
    assert plain_text(spans) == APA + "https://doi.org/10.1234/x"
    first, *_ = spans
    assert (first.text, first.bold, first.mark) == ("Amos, A.", True, "self")
    student = next(s for s in spans if s.mark == "student")
    assert (student.text, student.underline) == ("van Lee, B.", True)
    assert any(s.text == "*" and s.mark == "equal" for s in spans)
    assert [s.text for s in spans if s.italic] == ["J. Rivers", "3"]
    assert spans[-1].href == "https://doi.org/10.1234/x"


def test_a_comma_after_a_closing_quote_moves_inside_in_american_punctuation() -> None:
    marks = marks_of(PAPER, csl_item(PAPER))
    raw = "“Title”, next"
    assert plain_text(decode(raw, marks, Quotes("“", "”"))) == "“Title,” next"
    assert plain_text(decode(raw, marks, None)) == "“Title”, next"
    assert plain_text(decode(str(Formatter.Bold("x")), marks, None)) == "x"
