"""The pipeline (build/pipeline.py) renders a tailored document to its file."""

from __future__ import annotations

from pathlib import Path

from cvgen.build.pipeline import build_document
from cvgen.select import Selection


def test_build_document_writes_the_pdf(small_sources, tmp_path: Path):
    out = tmp_path / "cv.pdf"
    path, _ = build_document(small_sources, "weasyprint", out, Selection())
    assert path == out and out.read_bytes().startswith(b"%PDF-")
