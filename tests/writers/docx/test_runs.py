"""Spans as Word runs (writers/docx/runs.py): text Word can hold, kept on one line where asked,
in its own direction."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cvgen.document import Span
from cvgen.writers.docx.runs import clean, is_rtl, unbreakable
from tests.support.word_body import finished, new_body
from tests.support.word_doc import paragraphs, plain


def test_control_characters_go_and_whitespace_becomes_spaces() -> None:
    assert clean("a\x07b\tc\nd\ud800") == "ab c d"


@given(st.text())
def test_clean_text_is_always_valid_in_word_xml(text: str) -> None:
    out = clean(text)
    assert all(c in "\t\n\r" or ord(c) >= 0x20 for c in out) and "\t" not in out


def test_a_range_stays_on_one_line_and_reads_back_as_written() -> None:
    kept = unbreakable("1–9 a-b")
    assert " " not in kept and "-" not in kept and plain(kept) == "1–9 a-b".replace(" ", "\u00a0")
    assert is_rtl("שלום עולם") and not is_rtl("hello") and not is_rtl("")


def test_styled_spans_become_runs_with_links() -> None:
    body = new_body()
    body.paragraph([Span("Ada", bold=True), Span(" and "), Span("doi", href="https://doi.org/1")])
    (paragraph,) = [p for p in paragraphs(finished(body)) if p.text]
    assert paragraph.runs[0].bold and paragraph.runs[0].text == "Ada"
    assert [link.url for link in paragraph.hyperlinks] == ["https://doi.org/1"]
