"""Word numbering (writers/docx/numbering.py): real numbered paragraphs that show the tree's
numbers, counting down as well as up, and bullets."""

from __future__ import annotations

from cvgen.document import Span
from cvgen.writers.docx.numbering import Numbering, number_paragraph
from tests.support.word_body import finished, new_body
from tests.support.word_doc import num_id, paragraphs, shown_numbers


def test_numbers_counting_down_and_gaps_show_as_the_tree_has_them() -> None:
    body = new_body()
    body.numbered([(5, [Span("e")]), (4, [Span("d")]), (None, [Span("x")]), (2, [Span("b")])],
                  "CV Publication")  # fmt: skip
    doc = finished(body)
    assert [(p.text, n) for p, n in shown_numbers(doc)] == [("e", 5), ("d", 4), ("b", 2)]


def test_a_paragraph_joins_a_list_by_its_instance() -> None:
    body = new_body()
    numbering = Numbering(body.doc)
    instance = numbering.bullets(12.0, 6.0, "000000")
    paragraph = body.paragraph([Span("item")], "CV Bullet")
    number_paragraph(paragraph, instance)
    assert num_id(paragraph) == instance
    assert [num_id(p) for p in paragraphs(finished(body)) if p.text == "item"] == [instance]
