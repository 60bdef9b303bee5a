"""The Word files open cleanly: LibreOffice (headless) lays out the CV and a biosketch as PDF.

CI installs LibreOffice Writer (.ci/install-system); the test skips only where it is absent.
LibreOffice updates the footer's PAGE and NUMPAGES fields as Word does, so 'Page 1 of N'
with N the PDF's page count shows the fields work, and the text shows nothing was lost.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.compose import compose
from cvgen.model import CV
from tests.support.rendering import render

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
TIMEOUT_SECONDS = 180  # the first start on a machine creates its profile


def convert(files: list[Path], folder: Path) -> dict[str, bytes]:
    """Each .docx converted to PDF by LibreOffice, with a profile of its own (so a running
    LibreOffice, or a user's settings, play no part)."""
    profile = (folder / "profile").as_uri()
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    command += ["--convert-to", "pdf", "--outdir", str(folder), *map(str, files)]
    subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT_SECONDS)
    return {file.stem: (folder / f"{file.stem}.pdf").read_bytes() for file in files}


@pytest.fixture(scope="module")
def pdfs(example_cv: CV, example_sources, tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("libreoffice")
    (folder / "cv.docx").write_bytes(render(example_cv, "docx"))
    sketch = folder / "nih.docx"
    args = ["bio", "--cv", str(example_sources.cv), "--format", "nih", "--selected"]
    result = CliRunner().invoke(main, [*args, "-o", str(sketch)])
    assert result.exit_code == 0, result.output
    return convert([folder / "cv.docx", sketch], folder)


def _pages(pdf: bytes) -> list[str]:
    """Each page's text, by poppler's pdftotext (pypdf garbles some stacked accents)."""
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8").split("\f")[:-1]


def _flat(text: str) -> str:
    """Composed, without whitespace: text extraction adds spaces around underlined names
    and may decompose accents."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def test_libreoffice_lays_out_the_whole_cv(pdfs: dict[str, bytes], example_cv: CV) -> None:
    document = compose(example_cv)
    pages = _pages(pdfs["cv"])
    reader = pypdf.PdfReader(io.BytesIO(pdfs["cv"]))
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4
    text = _flat(" ".join(pages))
    assert pages[0].lstrip().startswith(document.header.name)
    for section in document.sections:
        assert _flat(section.heading).upper() in text.upper(), section.heading
    for entry in document.all_entries():
        title = "".join(span.text for span in entry.title)[:60].split()
        # A table row's cells are read line by line: a wrapped title has its row between.
        gaps = ".{0,120}?" if entry.cells else ""
        assert re.search(gaps.join(map(re.escape, map(_flat, title))), text), entry.id
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page


def test_libreoffice_lays_out_the_nih_sketch(pdfs: dict[str, bytes]) -> None:
    pages = _pages(pdfs["nih"])
    reader = pypdf.PdfReader(io.BytesIO(pdfs["nih"]))
    assert round(float(reader.pages[0].mediabox.width)) == 612  # US letter, as NIH asks
    text = _flat(" ".join(pages)).upper()
    for heading in ("IDENTIFYING INFORMATION", "PROFESSIONAL PREPARATION", "PRODUCTS", "HONORS"):
        assert _flat(heading) in text
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
