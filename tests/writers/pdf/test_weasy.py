"""The weasyprint engine (writers/pdf/weasy.py): a PDF from the HTML print stylesheet, with
paper size and page numbers, fetching only files of the CV's folder."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from cvgen.errors import CvgenError
from cvgen.model import CV
from cvgen.writers.pdf.weasy import html_to_pdf
from tests.support.deadline import deadline
from tests.support.projects import override_template
from tests.support.rendering import reference, render

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


def _print(cv: CV, folder: Path) -> bytes:

    return render(cv, "weasyprint", source_dir=str(folder))


def test_weasyprint_embeds_files_of_the_cv_folder_only(small_cv: CV, tmp_path_factory) -> None:
    """`<link rel="attachment">` makes weasyprint embed a file in the PDF: from the CV's own
    folder it may, from anywhere else (a builder's secrets, in CI) it must not."""
    import io

    import pypdf

    folder, elsewhere = tmp_path_factory.mktemp("cv"), tmp_path_factory.mktemp("home")
    (folder / "data.csv").write_text("year,papers\n2020,3\n")
    (elsewhere / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY-----")
    links = "".join(
        f'<link rel="attachment" href="{uri}">'
        for uri in ("data.csv", (elsewhere / "id_rsa").as_uri(), "../" + elsewhere.name + "/id_rsa")
    )
    override_template(folder, "<header>" + links + "</header>\n")
    pdf = pypdf.PdfReader(io.BytesIO(_print(small_cv, folder)))
    assert list(pdf.attachments) == ["data.csv"]


def test_a_pipe_in_the_cv_folder_does_not_stop_the_print(small_cv: CV, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "photo.png")
    override_template(
        tmp_path, '<header><img src="photo.png"><img src="file:///dev/zero"></header>\n'
    )
    with deadline(60):
        assert _print(small_cv, tmp_path).startswith(b"%PDF")
