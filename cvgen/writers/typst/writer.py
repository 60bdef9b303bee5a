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
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from cvgen.document import Document, to_json
from cvgen.errors import CvgenError
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


_IDLE: dict[Path, list[Any]] = {}  # compilers of each template, not in use
_IDLE_LOCK = threading.Lock()


@contextmanager
def _compiler(template: Path) -> Iterator[Any]:
    """A typst.Compiler of `template`, kept for the process and lent to one thread at a time:
    it loads the fonts once, re-reads any file that changed, and Typst's memoised layout makes
    the next compile of a slightly changed CV (`cvgen serve` on every save) or of the same CV
    in another form (its pages as images) a fraction of the first. Threads typesetting at once
    (`cvgen build`'s outputs) each get one of their own. Typst evicts old memoised results
    after each compile."""
    import typst

    with _IDLE_LOCK:
        idle = _IDLE.setdefault(template, [])
        compiler = idle.pop() if idle else None
    if compiler is None:
        compiler = typst.Compiler(template, root=template.parent)
    try:
        yield compiler
    finally:
        with _IDLE_LOCK:
            _IDLE[template].append(compiler)


def _compile(document: Document, options: WriteOptions, **how: Any) -> bytes | list[bytes]:
    """The document compiled by the theme's template, `how` as typst.Compiler.compile takes it;
    a Typst error (a bug in a template, never in the data) as a CvgenError."""
    import typst

    data = json.dumps(template_data(document, options), ensure_ascii=False)
    try:
        with _compiler(template_path(options)) as compiler:
            output = compiler.compile(sys_inputs={"cvgen": data}, **how)
    except typst.TypstError as error:
        raise CvgenError(f"Typst could not typeset the CV: {error.message}") from None
    assert output is not None
    return output


def typeset_typst(document: Document, options: WriteOptions) -> bytes:
    """The PDF, tagged (PDF/UA-1). PDF/UA-1 refuses a character no installed font has (an
    emoji, say): such a CV is still typeset, tagged, without the PDF/UA claim."""
    stamp = dt.datetime.fromtimestamp(int(source_date_epoch()), dt.UTC)
    try:
        pdf = _compile(document, options, format="pdf", pdf_standards=STANDARDS, timestamp=stamp)
    except CvgenError as error:
        if "PDF/UA" not in error.message:
            raise
        pdf = _compile(document, options, format="pdf", timestamp=stamp)
    assert isinstance(pdf, bytes)
    return pdf


def typst_pages(document: Document, options: WriteOptions) -> list[bytes]:
    """Each page as an SVG image, as the PDF shows it (for `cvgen serve`'s preview): right
    after typeset_typst of the same document this costs a tenth of it, the layout being
    memoised."""
    pages = _compile(document, options, format="svg")
    return pages if isinstance(pages, list) else [pages]


class TypstWriter:
    walk = TypstSections

    def write(self, document: Document, options: WriteOptions) -> bytes:
        return typeset_typst(document, options)


WRITER = TypstWriter()
