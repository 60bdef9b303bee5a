"""PDF by the best engine available: TeX (via the LaTeX backend), else weasyprint.

`options.extra["engine"]` is auto, pdflatex, lualatex, xelatex or weasyprint. With auto and
no TeX installed, the HTML CV is printed by weasyprint instead, with a notice saying so.
"""

from __future__ import annotations

import io

import click

from cvgen.backends import RenderOptions, get_backend
from cvgen.backends.tex_engine import ENGINES as TEX_ENGINES
from cvgen.backends.tex_engine import TexNotFound, run_tex
from cvgen.model import CV

ENGINES = ("auto", *TEX_ENGINES, "weasyprint")


def _weasyprint(cv: CV, options: RenderOptions) -> bytes:
    pdf = get_backend("weasyprint").render(cv, options)
    assert isinstance(pdf, bytes)
    return pdf


def typeset(cv: CV, options: RenderOptions) -> tuple[bytes, str]:
    """The PDF and a few words on how it was made (engine and TeX passes)."""
    engine = options.extra.get("engine") or "auto"
    if engine == "weasyprint":
        return _weasyprint(cv, options), "weasyprint"
    tex = get_backend("latex").render(cv, options)
    assert isinstance(tex, str)
    try:
        result = run_tex(tex, engine)
    except TexNotFound as missing:
        if engine != "auto":
            raise
        click.echo(f"{missing.message}\nUsing the weasyprint engine instead.", err=True)
        return _weasyprint(cv, options), "weasyprint"
    return result.pdf, f"{result.engine}, {result.passes} passes"


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


class PdfBackend:
    name = "pdf"
    suffix = ".pdf"

    def render(self, cv: CV, options: RenderOptions) -> bytes:
        return typeset(cv, options)[0]


BACKEND = PdfBackend()
