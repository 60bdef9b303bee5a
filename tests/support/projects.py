"""Projects made for a test in its own folder: the small researcher with extra cv.yaml lines,
a reference library, templates of one's own; and what a test counts in the load cache."""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.library import write_library
from cvgen.load.sources import Sources
from tests.support.paths import DATA

SMALL = DATA / "small"

# The outputs of the build tests: every kind (a page, a bio, a listing of a variant, a source
# file in a folder of its own, a PDF from the fast engine).
OUTPUTS = """
variants:
  recent: {since: 2016, types: [journal, conference]}
outputs:
  - html
  - {format: bio, words: 60}
  - {format: markdown, variant: recent}
  - {format: latex, path: source/cv.tex}
  - {format: pdf, engine: pdflatex}
"""


def small_project(folder: Path, small_sources: Sources, design: str = "") -> Path:
    """The small researcher copied into `folder`, `design` (cv.yaml lines) added; its cv.yaml."""
    text = small_sources.cv.read_text(encoding="utf-8") + design
    (folder / "cv.yaml").write_text(text, encoding="utf-8")
    (folder / "publications.bib").write_bytes(small_sources.bib.read_bytes())
    return folder / "cv.yaml"


def designed(folder: Path, small_sources: Sources, design: str) -> Sources:
    """small_project's sources, read without the cache."""
    return Sources(cv=small_project(folder, small_sources, design), use_cache=False)


def copy_small(folder: Path, extra: str = "") -> Path:
    """The small researcher's two files in `folder`, `extra` added to cv.yaml; the folder."""
    shutil.copy(SMALL / "publications.bib", folder / "publications.bib")
    text = (SMALL / "cv.yaml").read_text(encoding="utf-8") + extra
    (folder / "cv.yaml").write_text(text, encoding="utf-8")
    return folder


def override_template(folder: Path, text: str, name: str = "header.html") -> Path:
    """A user's HTML template beside cv.yaml (templates/html/NAME)."""
    target = folder / "templates" / "html" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def library(folder: Path, entries: int) -> Sources:
    """A whole reference library as the .bib (benchmarks/library.py)."""
    return write_library(folder, entries)


def cache_entries(folder: Path) -> list[Path]:
    return sorted((folder / "cache").glob("*.json"))


def count_loads(monkeypatch) -> list[int]:
    """A list that grows by one each time the CV is loaded afresh (not from the cache)."""
    from cvgen.load import cv as cv_module

    calls: list[int] = []
    real = cv_module._load

    def counted(sources):
        calls.append(1)
        return real(sources)

    monkeypatch.setattr(cv_module, "_load", counted)
    return calls
