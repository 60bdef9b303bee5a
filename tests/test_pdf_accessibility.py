"""Every PDF engine's output for readers who do not see the page: a bookmark per section, the
document's language, tags (where the engine can: Typst and weasyprint; Debian's TeX Live 2022
cannot tag this CV), and text that copies as written, math symbols and other scripts included.
"""

from __future__ import annotations

import io
import subprocess

import pypdf
import pytest
from rendering import document, render
from test_latex import latin_only, with_coauthors

from cvgen.model import CV
from cvgen.writers.pdf.tex import run_tex

ENGINES = ["pdflatex", "lualatex", "typst", "weasyprint"]
TAGGING = {"typst", "weasyprint"}
NAMES = (("Γιώργος", "Παπαδόπουλος"), ("דנה", "רוזן"))


def typeset(cv: CV, engine: str, **options) -> bytes:
    """The CV's PDF from `engine`, with write options (a theme) by keyword."""
    if engine in ("pdflatex", "lualatex"):
        return run_tex(render(cv, "latex", **options), engine).pdf
    return render(cv, engine, **options)


def poppler_text(pdf: bytes) -> str:
    """What a reader copies: poppler (Evince, Okular, pdftotext) honours /ActualText."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def with_coauthors_on_math(cv: CV) -> CV:
    """The small researcher's paper on ℓ₁, written with a Greek and a Hebrew co-author."""
    (paper,) = [p for p in cv.publications if "ℓ" in p.title]
    return with_coauthors(cv.model_copy(update={"publications": [paper]}), *NAMES)


@pytest.fixture(scope="module", params=ENGINES)
def example(request, example_cv: CV, small_cv: CV) -> tuple[str, CV, bytes]:
    # The example has a Greek co-author, which pdflatex cannot set: it typesets the small one.
    cv = latin_only(small_cv) if request.param == "pdflatex" else example_cv
    return request.param, cv, typeset(cv, request.param)


def test_a_bookmark_per_section_and_the_language(example: tuple[str, CV, bytes]) -> None:
    engine, cv, pdf = example
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    headings = [section.heading for section in document(cv).sections]
    assert [item.title for item in reader.outline if not isinstance(item, list)] == headings
    assert reader.trailer["/Root"]["/Lang"] == "en"
    marked = reader.trailer["/Root"].get("/MarkInfo", {}).get("/Marked", False)
    assert bool(marked) == (engine in TAGGING)
    if engine in TAGGING:
        assert "/StructTreeRoot" in reader.trailer["/Root"]


@pytest.mark.parametrize("engine", ENGINES)
def test_math_and_other_scripts_copy_as_written(small_cv: CV, engine: str) -> None:
    cv = small_cv if engine == "pdflatex" else with_coauthors_on_math(small_cv)
    pdf = typeset(cv, engine)
    text = poppler_text(pdf)
    assert "ℓ₁" in text  # "On ℓ₁ …" in the small researcher's .bib (decoded from $\ell_1$)
    if engine != "pdflatex":
        assert "Γιώργος Παπαδόπουλος" in text
        assert "דנה רוזן" in text or "ןזור הנד" in text  # logical or visual order
        # pypdf ignores /ActualText; without it, TeX's math ℓ used to copy as "`"
        assert "ℓ" in "\n".join(
            page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
        )


def test_the_latex_fragment_for_users_needs_no_cvgen_macro() -> None:
    from cvgen.document import Span
    from cvgen.writers.latex.markup import spans_to_latex

    assert spans_to_latex([Span("ℓ₁ ≤ α")]).startswith(r"\cvmath{2113}{\ensuremath{\ell}}")
    assert spans_to_latex([Span("ℓ₁ ≤ α")], fragment=True) == (
        r"\ensuremath{\ell}\textsubscript{1} \ensuremath{\leq} \ensuremath{\alpha}"
    )
