"""The weasyprint engine: a PDF from the HTML print stylesheet, with paper size and page numbers."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from rendering import reference, render

from cvgen.build.plan import load_plan
from cvgen.build.request import Request
from cvgen.errors import CvgenError
from cvgen.model import CV
from cvgen.writers.pdf.weasy import html_to_pdf

A4 = (595, 842)
LETTER = (612, 792)


def pdf(cv: CV, **extra) -> PdfReader:
    data = render(cv, "weasyprint", **extra)
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def squeeze(text: str) -> str:
    """Text without any whitespace: line breaks in a PDF may add or drop spaces."""
    return re.sub(r"\s+", "", text)


def page_size(reader: PdfReader, index: int = 0) -> tuple[int, int]:
    box = reader.pages[index].mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.fixture(scope="module")
def example_pdf(example_cv: CV) -> PdfReader:
    return pdf(example_cv)


def test_example_pdf_is_a4_with_page_numbers_and_all_content(example_cv, example_pdf):
    pages = len(example_pdf.pages)
    assert pages > 1 and page_size(example_pdf) == A4
    texts = [page.extract_text() for page in example_pdf.pages]
    for number, text in enumerate(texts, start=1):
        assert f"{number} / {pages}" in text
    everything = re.sub(r"\s+", " ", " ".join(texts))
    assert example_cv.data.person.name in everything
    for pub in example_cv.publications:
        words = pub.title.split()[:3]  # line breaks fall anywhere after that
        assert " ".join(words) in everything, pub.key


def test_no_publication_is_split_across_pages(example_cv, example_pdf):
    """Each entry's whole citation text is found on a single page."""
    pages = [squeeze(page.extract_text()) for page in example_pdf.pages]
    for pub in example_cv.publications:
        citation = squeeze(reference(pub))
        assert any(citation in page for page in pages), pub.key


def test_letter_paper(small_cv: CV):
    reader = pdf(small_cv, paper="letter")
    assert all(page_size(reader, i) == LETTER for i in range(len(reader.pages)))


def test_unknown_paper_is_a_clear_error(small_cv: CV):
    with pytest.raises(CvgenError, match="paper size"):
        pdf(small_cv, paper="tabloid")


def test_html_to_pdf_for_other_documents():
    html = "<style>@page { size: A5 }</style><h1>Biosketch</h1><p>Åsa &amp; Zoë</p>"
    reader = PdfReader(io.BytesIO(html_to_pdf(html)))
    assert page_size(reader) == (420, 595)
    assert "Åsa & Zoë" in reader.pages[0].extract_text()


def test_remote_resources_are_never_fetched():
    html = '<img src="https://example.invalid/x.png" alt="remote"><p>still renders</p>'
    reader = PdfReader(io.BytesIO(html_to_pdf(html)))
    assert "still renders" in reader.pages[0].extract_text()


def test_the_plan_renders_the_pdf(small_sources):
    assert load_plan(small_sources, Request()).render("weasyprint").startswith(b"%PDF-")
