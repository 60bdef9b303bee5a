"""`cvgen pdf`: the CV typeset by TeX, or by weasyprint when asked or when TeX is missing."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.backends import RenderOptions
from cvgen.backends.tex_engine import ENGINES as TEX_ENGINES
from cvgen.backends.tex_engine import TexNotFound, run_tex
from cvgen.build import load_tailored, presentation, render_document
from cvgen.commands.options import PAPER_OPTION, document_options, echo_warnings
from cvgen.load.cv import Sources
from cvgen.model import CV
from cvgen.select import Selection
from cvgen.write import write_atomic

ENGINES = ("auto", *TEX_ENGINES, "weasyprint")


def _weasyprint(cv: CV, options: RenderOptions) -> bytes:
    """The HTML CV printed through its print stylesheet (cvgen/backends/weasy.py)."""
    pdf = render_document(cv, "weasyprint", options)
    assert isinstance(pdf, bytes)
    return pdf


def typeset(cv: CV, options: RenderOptions, engine: str) -> tuple[bytes, str]:
    """The PDF and a few words on how it was made (engine and passes)."""
    if engine == "weasyprint":
        return _weasyprint(cv, options), "weasyprint"
    tex = render_document(cv, "latex", options)
    assert isinstance(tex, str)
    try:
        result = run_tex(tex, engine)
    except TexNotFound as missing:
        if engine != "auto":
            raise
        click.echo(f"{missing.message}\nUsing the weasyprint engine instead.", err=True)
        return _weasyprint(cv, options), "weasyprint"
    return result.pdf, f"{result.engine}, {result.passes} passes"


@click.command(name="pdf")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("output/cv.pdf"),
    show_default=True,
    help="Where to write the PDF.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="auto",
    show_default=True,
    help="auto: pdflatex, or lualatex when the data has scripts pdflatex cannot set "
    "(Greek, Hebrew, CJK); weasyprint typesets the HTML CV instead of using TeX.",
)
@PAPER_OPTION
@document_options
def command(sources: Sources, selection: Selection, output: Path, engine: str, paper: str) -> None:
    """Typeset the CV as a PDF. On a TeX error the previous PDF is left untouched."""
    cv, resolved, warnings = load_tailored(sources, selection)
    echo_warnings(warnings)
    base = RenderOptions(source_dir=str(sources.cv.parent), extra={"paper": paper.lower()})
    options = presentation(resolved, base)
    pdf, how = typeset(cv, options, engine)
    write_atomic(output, pdf)
    click.echo(f"Wrote {output} ({how})")
