"""Writers lay the document tree out in one format each; `WriteOptions` is what they may be
asked beyond the tree.

A writer has `write(document, options) -> str | bytes`; it maps the tree to its markup and
escapes its own strings, and decides nothing about content. Which writer writes which format
is the table in cvgen/formats.py, which imports a writer only when its format is used, so heavy
libraries (pylatex, weasyprint) never load for `cvgen --help` or for another format.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from cvgen.errors import CvgenError
from cvgen.formats import PAPERS, Paper
from cvgen.themes import Theme, load_theme

if TYPE_CHECKING:
    from cvgen.document import Document


@dataclass(frozen=True)
class WriteOptions:
    """What a writer may be asked beyond the tree; each writer reads what it knows."""

    source_dir: str | None = None  # folder of cv.yaml, for user template overrides
    paper: Paper | None = None  # None: the writer's default (A4)
    engine: str = "auto"  # pdf: auto, pdflatex, lualatex, xelatex, typst or weasyprint
    fragment: bool = False  # html: only the <article>, for a site's own layout
    theme: Theme | None = None  # None: classic (resolved by the plan, build/plan.py)
    font_size: Literal[10, 11, 12] | None = None  # points; None: the theme's
    accent: str | None = None  # '#rrggbb'; None: the theme's
    reference_docx: str | None = None  # docx: the Word file whose styles and page to take
    missing_characters: Literal["error", "warn"] | None = None  # pdf; None: error

    def __post_init__(self) -> None:
        if self.paper is None:
            return
        paper = str(self.paper).lower()
        if paper not in PAPERS:
            raise CvgenError(f"unknown paper size {self.paper!r}; use one of: {', '.join(PAPERS)}")
        object.__setattr__(self, "paper", paper)


def theme_of(options: WriteOptions) -> Theme:
    """The theme a writer lays the tree out in: the one asked for, else classic."""
    return options.theme if options.theme is not None else load_theme()


class Writer(Protocol):
    def write(self, document: Document, options: WriteOptions) -> str | bytes: ...
