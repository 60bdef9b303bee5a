"""PDF through Typst: the document tree handed to a Typst template as JSON data.

The `typst` package from PyPI bundles the compiler and its fonts, so this engine needs no
system install, and it typesets a long CV in a fraction of TeX's or weasyprint's time. The
template never sees user text as markup: the whole tree travels in `sys.inputs` as JSON and
the template only places its strings as text, so no escaping is needed and none can fail.
The PDF is tagged (PDF/UA-1), with one bookmark per section and the CV's language.
"""

from __future__ import annotations

import datetime as dt
import json
import string
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cvgen.document import Document, to_json
from cvgen.errors import CvgenError
from cvgen.util.progress import step
from cvgen.writers import WriteOptions, theme_of
from cvgen.writers.date_column import date_sample
from cvgen.writers.pdf.tex import source_date_epoch
from cvgen.writers.typst.sections import TypstSections

PAPERS = {"a4": "a4", "letter": "us-letter"}
STANDARDS = ["ua-1"]


def template_path(options: WriteOptions) -> Path:
    """The theme's Typst template; themes without one of their own take classic's, which lays
    out any theme from its `typst:` block (theme_style)."""
    return theme_of(options).file("typst.typ")


def page_of_parts(template: str) -> list[dict[str, str]]:
    """'Page {page} of {pages}' as literal texts and named fields, for the footer."""
    parts: list[dict[str, str]] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            parts.append({"text": literal})
        if name:
            parts.append({"field": name})
    return parts


# Where the theme's own fonts lack a script: Noto and DejaVu (fonts-noto-core, -cjk).
SCRIPT_FONTS = ("Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif", "DejaVu Serif")


def theme_style(options: WriteOptions) -> dict[str, Any]:
    """The look the template lays out: the theme's `typst:` block (fonts, page margins in
    points, where the dates stand, the headings), its colours with the design's accent, and
    the font size (the design's, else the theme's)."""
    config = theme_of(options).config
    block = config.typst
    accent = options.accent or config.colours.accent
    return {
        **block.model_dump(exclude={"margins", "fonts"}),
        "fonts": [*block.fonts, config.fonts.hebrew, config.fonts.arabic, *SCRIPT_FONTS],
        "margins": block.margins.points(),
        "font_size": options.font_size or config.font_size,
        "colours": {**config.colours.model_dump(), "accent": accent},
    }


def template_data(document: Document, options: WriteOptions) -> dict[str, Any]:
    """Everything the template reads: the tree (without the web page's JSON-LD, half its
    size at 5000 publications), its sections as the walk set them, the paper, the theme's
    look, the footer's parts and the widest date (the date column's width, as in the LaTeX
    themes)."""
    tree = to_json(replace(document, schema_org={}))
    sections = TypstSections(document, tree)
    sections.walk(document.sections)
    return {
        "document": tree,
        "sections": sections.sections,
        "paper": PAPERS[options.paper or "a4"],
        "style": theme_style(options),
        "page_of": page_of_parts(document.furniture["page_of"]),
        "date_sample": date_sample(document),
    }


# The template's one line that reads the data cvgen hands it; a kept source reads a file instead.
DATA_LINE = "#let data = json(bytes(sys.inputs.cvgen))"


@dataclass(frozen=True)
class TypstSource:
    """The exact input of a Typst PDF: the theme's template and the JSON data it reads."""

    template: Path
    data: str

    def compile(self) -> bytes:
        """The PDF; a Typst error (a bug in a template, never in the data) as a CvgenError.

        PDF/UA-1 refuses a character no installed font has (an emoji, say): such a CV is
        still typeset, tagged, without the PDF/UA claim."""
        import typst

        stamp = dt.datetime.fromtimestamp(int(source_date_epoch()), dt.UTC)
        compiler = typst.Compiler(
            self.template, root=self.template.parent, sys_inputs={"cvgen": self.data}
        )
        try:
            try:
                with step("Typesetting with Typst"):
                    pdf = compiler.compile(format="pdf", pdf_standards=STANDARDS, timestamp=stamp)
            except typst.TypstError as error:
                if "PDF/UA" not in error.message:
                    raise
                pdf = compiler.compile(format="pdf", timestamp=stamp)
        except typst.TypstError as error:
            raise CvgenError(f"Typst could not typeset the CV: {error.message}") from None
        assert isinstance(pdf, bytes)
        return pdf

    def files(self, pdf: Path) -> dict[Path, str]:
        """The source to keep beside `pdf` (`cvgen pdf --keep-source`): the template as
        NAME.typ, reading its data from NAME-data.json beside it instead of from cvgen, so
        that `typst compile NAME.typ` typesets the same PDF on its own."""
        text = self.template.read_text(encoding="utf-8")
        if DATA_LINE not in text:
            raise CvgenError(
                f"{self.template} does not read its data with `{DATA_LINE}`, so its source "
                "cannot be kept to compile on its own"
            )
        data = pdf.with_name(f"{pdf.stem}-data.json")
        reads = f"#let data = json({json.dumps(data.name, ensure_ascii=False)})"
        return {pdf.with_suffix(".typ"): text.replace(DATA_LINE, reads, 1), data: self.data}


def typst_source(document: Document, options: WriteOptions) -> TypstSource:
    """The template of the options' theme and the tree's data for it."""
    data = json.dumps(template_data(document, options), ensure_ascii=False)
    return TypstSource(template_path(options), data)


class TypstWriter:
    walk = TypstSections

    def write(self, document: Document, options: WriteOptions) -> bytes:
        return typst_source(document, options).compile()


WRITER = TypstWriter()
