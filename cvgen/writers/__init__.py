"""The writer registry: format name -> the object that writes a Document in that format.

A writer has `name`, `suffix` and `write(document, options) -> str | bytes`; it maps the tree
to its markup and escapes its own strings, and decides nothing about content. Modules are
imported only when their format is used, so heavy libraries (pylatex, weasyprint) never load
for `cvgen --help` or for another format. Adding a format is one module and one line here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from cvgen.document import Document
    from cvgen.themes import Theme

REGISTRY: dict[str, str] = {
    "latex": "cvgen.writers.latex.writer:WRITER",
    "html": "cvgen.writers.html.writer:WRITER",
    "pdf": "cvgen.writers.pdf.writer:WRITER",
    "weasyprint": "cvgen.writers.pdf.weasy:WRITER",
    "typst": "cvgen.writers.typst.writer:WRITER",
    "markdown": "cvgen.writers.lists:MARKDOWN",
    "text": "cvgen.writers.lists:TEXT",
    "html-list": "cvgen.writers.lists:HTML_LIST",
    "latex-list": "cvgen.writers.lists:LATEX_LIST",
    "document": "cvgen.writers.document_json:WRITER",
    "docx": "cvgen.writers.docx.writer:WRITER",
}
PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class WriteOptions:
    """What a writer may be asked beyond the tree; each writer reads what it knows."""

    source_dir: str | None = None  # folder of cv.yaml, for user template overrides
    paper: Literal["a4", "letter"] | None = None  # None: the writer's default (A4)
    engine: str = "auto"  # pdf: auto, pdflatex, lualatex, xelatex, typst or weasyprint
    fragment: bool = False  # html: only the <article>, for a site's own layout
    theme: Theme | None = None  # None: classic (cvgen.themes; resolved in pipeline.py)
    font_size: Literal[10, 11, 12] | None = None  # points; None: the theme's
    accent: str | None = None  # '#rrggbb'; None: the theme's
    reference_docx: str | None = None  # docx: the Word file whose styles and page to take
    missing_characters: Literal["error", "warn"] | None = None  # pdf; None: error

    def __post_init__(self) -> None:
        if self.paper is None:
            return
        paper = str(self.paper).lower()
        if paper not in PAPERS:
            from cvgen.errors import CvgenError

            raise CvgenError(f"unknown paper size {self.paper!r}; use one of: {', '.join(PAPERS)}")
        object.__setattr__(self, "paper", paper)


def theme_of(options: WriteOptions) -> Theme:
    """The theme a writer lays the tree out in: the one asked for, else classic."""
    if options.theme is not None:
        return options.theme
    from cvgen.themes import load_theme

    return load_theme()


class Writer(Protocol):
    name: str
    suffix: str

    def write(self, document: Document, options: WriteOptions) -> str | bytes: ...


def get_writer(name: str) -> Writer:
    if name not in REGISTRY:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(sorted(REGISTRY))}")
    module, attribute = REGISTRY[name].split(":")
    return getattr(importlib.import_module(module), attribute)
