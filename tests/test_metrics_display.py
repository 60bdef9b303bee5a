"""Citation metrics in the CV: off by default; when cv.yaml asks, a dated line under the header
and each paper's count, from metrics.yaml (never fetched at render time)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from html_doc import parse, visible_text

from cvgen.cli import main

SMALL = Path(__file__).resolve().parent / "data" / "small"
METRICS = """source: OpenAlex
fetched: 2026-11-20
citations: 12345
h_index: 45
papers: {aberg2020learning: 120}
"""


def _project(tmp_path: Path, switches: str) -> Path:
    for name in ("cv.yaml", "publications.bib"):
        shutil.copy(SMALL / name, tmp_path / name)
    cv = tmp_path / "cv.yaml"
    cv.write_text(cv.read_text(encoding="utf-8") + switches, encoding="utf-8")
    (tmp_path / "metrics.yaml").write_text(METRICS, encoding="utf-8")
    return cv


def _page(cv: Path, tmp_path: Path) -> str:
    out = tmp_path / "cv.html"
    result = CliRunner().invoke(main, ["html", "--cv", str(cv), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return visible_text(parse(out.read_text(encoding="utf-8")))


def test_metrics_are_off_by_default(tmp_path: Path) -> None:
    text = _page(_project(tmp_path, ""), tmp_path)
    assert "h-index" not in text and "120 citations" not in text


def test_the_header_line_and_per_paper_counts_when_asked(tmp_path: Path) -> None:
    cv = _project(tmp_path, "publications: {metrics: {header: true, per_paper: true}}\n")
    text = " ".join(_page(cv, tmp_path).split())
    assert "Citations 12,345 · h-index 45 — OpenAlex, November 2026" in text
    assert "Impact factor 8.1, 120 citations" in text
