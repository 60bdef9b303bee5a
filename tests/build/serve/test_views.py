"""The preview's PDF pane: the PDF and its pages as images, by Typst itself or by pdftoppm."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from cvgen.build.plan import Plan, load_plan
from cvgen.build.request import Presentation, Request
from cvgen.build.serve import views
from cvgen.load.sources import Sources


@pytest.fixture(scope="module")
def typst_plan(example_sources: Sources):
    plan = load_plan(example_sources, Request(presentation=Presentation(engine="typst")))
    return plan, plan.document()


def test_typst_draws_each_page_of_its_pdf_as_svg(typst_plan) -> None:
    plan, document = typst_plan
    made = views.typeset(plan, document)
    pages = len(PdfReader(io.BytesIO(made.pdf.data)).pages)
    assert pages > 1 and len(made.pages) == pages and made.note == ""
    assert all(p.media == "image/svg+xml" and p.data.startswith(b"<svg") for p in made.pages)
    assert made.pdf.url.startswith("/cv/") and made.pages[0].url.startswith("/pages/")


def test_typst_s_pages_come_first_and_the_pdf_is_written_from_the_same_layout(
    typst_plan, example_sources: Sources
) -> None:
    plan, document = typst_plan
    pages = views.pages_first(plan, document)
    assert pages is not None and views.typeset(plan, document, pages).pages == pages
    other = load_plan(example_sources, Request(presentation=Presentation(engine="pdflatex")))
    assert views.pages_first(other, document) is None  # TeX's pages come from its PDF


def test_the_same_page_has_the_same_address(typst_plan) -> None:
    plan, document = typst_plan
    first, again = views.typeset(plan, document), views.typeset(plan, document)
    assert [p.url for p in first.pages] == [p.url for p in again.pages]
    assert len({p.url for p in first.pages}) == len(first.pages)


def test_another_engine_s_pdf_is_rasterised_leaving_no_file(
    typst_plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftoppm is missing; .ci/install-system installs poppler-utils")
        pytest.skip("pdftoppm is not installed (poppler-utils)")
    plan, document = typst_plan
    pdf = views.typeset(plan, document).pdf.data
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    images = views.rasterised(pdf)
    assert images is not None and len(images) == len(PdfReader(io.BytesIO(pdf)).pages)
    assert all(image.startswith(b"\x89PNG\r\n\x1a\n") for image in images)
    assert list(tmp_path.iterdir()) == []


def test_without_pdftoppm_the_pane_says_what_to_install(
    example_sources: Sources, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert views.rasterised(b"%PDF-1.7") is None
    plan = load_plan(example_sources, Request(presentation=Presentation(engine="weasyprint")))
    monkeypatch.setattr(Plan, "render", lambda self, fmt, document: b"%PDF-1.7 by weasyprint")
    made = views.typeset(plan, plan.document())
    assert made.pages == () and "poppler-utils" in made.note
    assert made.pdf.data == b"%PDF-1.7 by weasyprint"
