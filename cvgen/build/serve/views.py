"""What one build makes for the preview: the CV's web page, then its PDF and the PDF's pages
as images; or, for a bio or a funder's biosketch, its text.

The pages are shown as images so that the page needs no PDF viewer (none works headless, and
a viewer's own scroll position cannot be kept across a reload): Typst draws them itself, as
SVG, before it writes the PDF from the same (memoised) layout, so the pane changes as soon as
it can; for a TeX or weasyprint PDF, poppler's pdftoppm renders PNGs, in a temporary folder
removed at once.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cvgen.bio.markup import bio_text, sketch_text
from cvgen.bio.profile import load_profile
from cvgen.bio.shortbio import DEFAULT_WORDS, over_limit, short_bio
from cvgen.bio.sketch import build_sketch
from cvgen.build.plan import Plan
from cvgen.build.serve.choice import BIO_VIEW
from cvgen.build.serve.state import Blob
from cvgen.document import Document
from cvgen.errors import Problem, Severity
from cvgen.writers.typst.writer import typst_pages

RASTER_DPI = 96
RASTER_SECONDS = 60


@dataclass(frozen=True)
class PdfPane:
    """What the PDF pane shows: the PDF (its link), its pages, and a note when there are none."""

    pdf: Blob
    pages: tuple[Blob, ...]
    note: str = ""


def web_page(plan: Plan, document: Document) -> Blob:
    html = plan.render("html", document)
    assert isinstance(html, str)
    return Blob(html.encode("utf-8"), "text/html; charset=utf-8", "html")


def pages_first(plan: Plan, document: Document) -> tuple[Blob, ...] | None:
    """Typst's pages, drawn before the PDF is written (the pane shows the pages; the PDF is a
    link, written next from the same layout); None for another engine."""
    if plan.options.engine != "typst":
        return None
    return _svg_pages(plan, document)


def _svg_pages(plan: Plan, document: Document) -> tuple[Blob, ...]:
    pages = typst_pages(document, plan.options)
    return tuple(Blob(page, "image/svg+xml", "svg", "pages") for page in pages)


def typeset(plan: Plan, document: Document, pages: tuple[Blob, ...] | None = None) -> PdfPane:
    """The PDF by the plan's engine, and its pages as images (those given, drawn already), or
    a note saying why there are none."""
    pdf = plan.render("pdf", document)
    assert isinstance(pdf, bytes)
    blob = Blob(bytes(pdf), "application/pdf", "pdf")
    if pages is not None:
        return PdfPane(blob, pages)
    if getattr(pdf, "how", "") == "typst":  # auto, without TeX
        return PdfPane(blob, _svg_pages(plan, document))
    images = rasterised(bytes(pdf))
    if images is None:
        note = "Install poppler-utils (pdftoppm) to see this engine's pages here."
        return PdfPane(blob, (), note)
    return PdfPane(blob, tuple(Blob(p, "image/png", "png", "pages") for p in images))


def rasterised(pdf: bytes) -> list[bytes] | None:
    """Each page of `pdf` as a PNG, by pdftoppm; None when it is not installed or fails."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    with tempfile.TemporaryDirectory(prefix="cvgen-serve-") as folder:
        root = Path(folder) / "page"
        command = [tool, "-png", "-r", str(RASTER_DPI), "-", str(root)]
        try:
            subprocess.run(
                command, input=pdf, capture_output=True, check=True, timeout=RASTER_SECONDS
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return [path.read_bytes() for path in sorted(Path(folder).glob("page-*.png"))]


def text_of(view: str, plan: Plan, cv_path: Path) -> tuple[str, list[Problem]]:
    """The bio (cv.yaml's handwritten one, else generated to the usual word limit) or the
    biosketch of a built-in profile, as text, with what is over a limit as warnings."""
    if view == BIO_VIEW:
        bio = short_bio(plan.cv, words=DEFAULT_WORDS)
        return bio_text(bio.text, "text"), over_limit(bio, DEFAULT_WORDS, str(cv_path))
    profile = load_profile(view)
    settings = plan.settings
    sketch = build_sketch(plan.cv, profile, today=settings.today, settings=settings)
    said = [*sketch.violations, *sketch.notes, *([profile.notice] if profile.notice else [])]
    warnings = [Problem(str(cv_path), None, "", text, Severity.WARNING) for text in said]
    return sketch_text(sketch, "text"), warnings
