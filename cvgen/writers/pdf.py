"""PDF by the best engine available: TeX (via the LaTeX writer), else Typst.

`options.engine` is auto, pdflatex, lualatex, xelatex, typst or weasyprint. With auto and no
TeX installed, the CV is typeset by Typst (a Python package, always there) instead, with a
notice saying so; weasyprint prints the HTML CV's look, when asked for.
"""

from __future__ import annotations

import io

import click

from cvgen.compose.document import Document
from cvgen.writers import WriteOptions, get_writer
from cvgen.writers.tex_engine import ENGINES as TEX_ENGINES
from cvgen.writers.tex_engine import TexNotFound, run_tex

ENGINES = ("auto", *TEX_ENGINES, "typst", "weasyprint")


def _pdf(engine: str, document: Document, options: WriteOptions) -> bytes:
    pdf = get_writer(engine).write(document, options)
    assert isinstance(pdf, bytes)
    return pdf


def typeset(document: Document, options: WriteOptions) -> tuple[bytes, str]:
    """The PDF and a few words on how it was made (engine and TeX passes)."""
    engine = options.engine
    if engine in ("typst", "weasyprint"):
        return _pdf(engine, document, options), engine
    tex = get_writer("latex").write(document, options)
    assert isinstance(tex, str)
    try:
        result = run_tex(tex, engine)
    except TexNotFound as missing:
        if engine != "auto":
            raise
        click.echo(f"{missing.message}\nUsing the Typst engine instead.", err=True)
        return _pdf("typst", document, options), "typst"
    return result.pdf, f"{result.engine}, {result.passes} passes"


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


class PdfWriter:
    name = "pdf"
    suffix = ".pdf"

    def write(self, document: Document, options: WriteOptions) -> bytes:
        return typeset(document, options)[0]


WRITER = PdfWriter()
