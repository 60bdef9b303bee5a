"""A Word document paragraph by paragraph (writers/docx/body.py)."""

from __future__ import annotations

from cvgen.document import Span
from cvgen.writers.docx.body import EM_PER_CHAR, text_points
from tests.support.word_body import finished, new_body
from tests.support.word_doc import footer_text, heading_level, paragraphs, shown_numbers


def test_text_width_is_estimated_generously() -> None:
    assert text_points("abc", 10) == 3 * EM_PER_CHAR * 10
    assert text_points("a b", 10) < text_points("abc", 10)


def test_headings_paragraphs_numbered_lists_and_the_footer() -> None:
    body = new_body()
    body.heading("Ada Example", 0)
    body.heading("Publications", 1)
    body.numbered([(2, [Span("Second paper")]), (1, [Span("First paper")])], "CV Publication")
    body.bullets([[Span("One")], [Span("Two")]])
    body.footer("Ada Example · Curriculum Vitae", "Page {page} of {pages}")
    doc = finished(body)
    shown = [p for p in paragraphs(doc) if p.text]
    assert [heading_level(p) for p in shown[:2]] == [0, 1]
    assert [n for _, n in shown_numbers(doc)][:2] == [2, 1]  # the tree's own numbers
    assert [p.style.name for p in shown[-2:]] == ["CV Bullet", "CV Bullet"]
    assert footer_text(doc).startswith("Ada Example · Curriculum Vitae")


def test_letter_paper_and_right_to_left_pages() -> None:
    doc = finished(new_body(paper="letter", rtl=True, lang="he"))
    section = doc.sections[0]
    assert round(section.page_width.inches, 1) == 8.5
    assert (
        section._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi")
        is not None
    )
