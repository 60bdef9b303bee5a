"""The one table of formats cvgen writes, and the paper sizes and PDF engines, defined once.

Every place that needs to know a format reads this table: the commands' --format choices, the
suffix of -o, `cvgen build`'s outputs and their default names, the cv.yaml validator and the
JSON Schema (pandoc's `writers` list and `formatFromFilePath`). A row names its writer as
"module:attribute", imported only when the format is used, so `cvgen --help` loads none of them
and this table imports nothing of cvgen.

Kinds: a *document* is the whole CV laid out (PDF, LaTeX, a web page, Word); a *listing* is
sections as lines (`cvgen filter`); *data* hands the tailored CV to another tool (BibTeX,
CSL-JSON); a *site* file is a website's data (`cvgen export`), a *folder* many pages in a
site. A document format may also write listings (`listing`): `filter --format html` is an HTML
fragment, not a page.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Kind = Literal["document", "listing", "data", "site", "folder"]

PAPERS = ("a4", "letter")
Paper = Literal["a4", "letter"]  # PAPERS, for type checkers and the JSON Schema
TEX_ENGINES = ("pdflatex", "lualatex", "xelatex")
ENGINES = ("auto", *TEX_ENGINES, "typst", "weasyprint")


@dataclass(frozen=True)
class Format:
    """One format: its name, file suffixes (the first is its own), kind, whether its content is
    bytes, its default file name in the output folder ({v}: "-VARIANT"; None: not a `cvgen
    build` output), its writer ("module:attribute") and, for a document format, the writer of
    its listings."""

    name: str
    suffixes: tuple[str, ...]
    kind: Kind
    writer: str
    binary: bool = False
    default_name: str | None = None
    listing: str | None = None
    description: str = ""

    @property
    def is_export(self) -> bool:
        """Written by an export, `export(cv, document, settings)`, rather than a writer of the
        tree, `write(document, options)`: it hands on the CV's data."""
        return self.kind in ("data", "site", "folder")

    def load(self, listing: bool = False) -> Any:
        """The writer object (or export function), imported now."""
        target = self.listing if listing else self.writer
        if target is None:
            raise KeyError(f"{self.name} writes no listing")
        module, attribute = target.split(":")
        return getattr(importlib.import_module(module), attribute)


def _row(*args: Any, **kwargs: Any) -> tuple[str, Format]:
    fmt = Format(*args, **kwargs)
    return fmt.name, fmt


FORMATS: dict[str, Format] = dict(
    [
        _row("pdf", (".pdf",), "document", "cvgen.writers.pdf.writer:WRITER", binary=True,
             default_name="cv{v}.pdf", description="the CV typeset as a PDF"),
        _row("latex", (".tex",), "document", "cvgen.writers.latex.writer:WRITER",
             default_name="cv{v}.tex", listing="cvgen.writers.lists:LATEX_LIST",
             description="the CV's LaTeX source"),
        _row("html", (".html", ".htm"), "document", "cvgen.writers.html.writer:WRITER",
             default_name="cv{v}.html", listing="cvgen.writers.lists:HTML_LIST",
             description="the CV as a web page"),
        _row("docx", (".docx",), "document", "cvgen.writers.docx.writer:WRITER", binary=True,
             default_name="cv{v}.docx", description="the CV as a Word document"),
        _row("typst", (".typ",), "document", "cvgen.writers.typst.writer:WRITER", binary=True,
             description="the CV typeset by Typst (a PDF engine)"),
        _row("weasyprint", (".pdf",), "document", "cvgen.writers.pdf.weasy:WRITER", binary=True,
             description="the web page printed by weasyprint (a PDF engine)"),
        _row("document", (".json",), "document", "cvgen.writers.document_json:WRITER",
             description="the document tree as JSON"),
        _row("text", (".txt",), "listing", "cvgen.writers.lists:TEXT",
             description="plain text, for pasting into forms"),
        _row("markdown", (".md", ".markdown"), "listing", "cvgen.writers.lists:MARKDOWN",
             default_name="publications{v}.md", description="Markdown"),
        _row("bibtex", (".bib",), "data", "cvgen.exports.bibtex:export",
             description="BibTeX that cvgen reads back"),
        _row("json", (".json",), "data", "cvgen.exports.model_json:export",
             description="the tailored CV's data as JSON"),
        _row("csl-json", (".json",), "data", "cvgen.exports.csl_json:export",
             description="CSL-JSON for Zotero, Mendeley and pandoc"),
        _row("ris", (".ris",), "data", "cvgen.exports.ris:export",
             description="RIS for reference managers and NIH's My Bibliography"),
        _row("medline", (".nbib", ".medline"), "data", "cvgen.exports.medline:export",
             description="MEDLINE (PubMed's .nbib) for NIH's My Bibliography"),
        _row("jsonresume", (".json",), "data", "cvgen.exports.jsonresume:export",
             description="JSON Resume (resume.json), for al-folio's CV page and resume-cli"),
        _row("jekyll", (".yml", ".yaml"), "site", "cvgen.exports.jekyll:export",
             description="a Jekyll site's _data/publist.yml"),
        _row("al-folio", (".bib",), "site", "cvgen.exports.al_folio:export",
             description="al-folio's _bibliography/papers.bib"),
        _row("hugo", (), "folder", "cvgen.exports.hugo:export",
             description="a page bundle per publication in a Hugo Blox site"),
        _row("academicpages", (), "folder", "cvgen.exports.academicpages:export",
             description="a page per publication in an academicpages site"),
        # A site's other sections (`cvgen export SITE --section talks|students|alumni`).
        _row("jekyll-talks", (".yml", ".yaml"), "site", "cvgen.exports.site_talks:jekyll",
             description="a Jekyll site's _data/talks.yml"),
        _row("jekyll-team", (".yml", ".yaml"), "site", "cvgen.exports.site_people:team",
             description="a lab site's _data/team_members.yml: you and your group"),
        _row("jekyll-alumni", (".yml", ".yaml"), "site", "cvgen.exports.site_people:alumni",
             description="a lab site's _data/alumni_members.yml"),
        _row("hugo-events", (), "folder", "cvgen.exports.site_talks:hugo",
             description="a Hugo Blox event page per talk"),
        _row("hugo-authors", (), "folder", "cvgen.exports.site_people:hugo",
             description="a Hugo Blox author profile per member of your group"),
        _row("academicpages-talks", (), "folder", "cvgen.exports.site_talks:academicpages",
             description="an academicpages page per talk"),
    ]
)  # fmt: skip

# What cv.yaml's `outputs:` and `cvgen build` make: the formats with a default name, and the
# bio, a document of its own whose form follows its path's suffix (BIO_FORMS).
BIO = "bio"
BIO_DEFAULT_NAME = "bio{v}.txt"
BIO_FORMS = ("text", "markdown", "html", "latex", "docx")
_BUILT = [f for f in FORMATS.values() if f.default_name]
BUILD_FORMATS = (
    *(f.name for f in _BUILT if f.kind == "document"),
    BIO,
    *(f.name for f in _BUILT if f.kind != "document"),
)
# What `cvgen filter` prints: listings, the document formats' fragments, then data.
LISTING_FORMATS = (
    *(f.name for f in FORMATS.values() if f.kind == "listing"),
    *(f.name for f in FORMATS.values() if f.listing is not None),
    *(f.name for f in FORMATS.values() if f.kind == "data"),
)


def get_format(name: str) -> Format:
    if name not in FORMATS:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(sorted(FORMATS))}")
    return FORMATS[name]


def format_of_path(path: Path | str, among: tuple[str, ...], default: str) -> str:
    """The format among `among` that a file name's suffix names (the first that has it),
    else `default`: `-o erc.bib` is BibTeX, `-o list.txt` text."""
    suffix = Path(path).suffix.lower()
    return next((name for name in among if suffix in FORMATS[name].suffixes), default)


def default_name(fmt: str, variant: str | None) -> str:
    """The file a build output writes when cv.yaml gives it no path: cv-erc.pdf."""
    template = BIO_DEFAULT_NAME if fmt == BIO else FORMATS[fmt].default_name
    assert template is not None, fmt
    return template.format(v=f"-{variant}" if variant else "")
