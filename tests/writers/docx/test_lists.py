"""The list writers' markup writing into Word (writers/docx/lists.py)."""

from __future__ import annotations

from cvgen.document import Span
from cvgen.writers.docx.lists import WordMarkup
from tests.support.word_body import finished, new_body
from tests.support.word_doc import heading_level, paragraphs, shown_numbers


def test_levels_headings_paragraphs_and_numbered_lines() -> None:
    body = new_body()
    markup = WordMarkup(body)
    markup.heading("Biosketch", 1)
    markup.heading("Products", 2)
    markup.paragraph([Span("A statement.")])
    markup.lines([(1, [Span("First")]), (2, [Span("Second")])])
    doc = finished(body)
    shown = [p for p in paragraphs(doc) if p.text]
    assert [heading_level(p) for p in shown[:2]] == [0, 1]  # the title, then Heading 1
    assert shown[2].text == "A statement."
    assert [(p.text, n) for p, n in shown_numbers(doc)] == [("First", 1), ("Second", 2)]
