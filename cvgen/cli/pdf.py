"""`cvgen pdf`: the CV typeset by TeX, or by Typst when asked or when TeX is missing."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.plan import load_plan
from cvgen.build.request import Request
from cvgen.cli.options import PAPER_OPTION, document_options, output_option, presentation_options
from cvgen.cli.report import echo_warnings
from cvgen.files.atomic import write_atomic
from cvgen.formats import ENGINES
from cvgen.load.sources import Sources


@click.command(name="pdf")
@output_option("output/cv.pdf", "Where to write the PDF.")
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="auto",
    show_default=True,
    help="auto: pdflatex, or lualatex when the data has scripts pdflatex cannot set "
    "(Greek, Hebrew, CJK), or typst when TeX is not installed; typst needs no install and "
    "is the fastest; weasyprint prints the HTML CV instead.",
)
@PAPER_OPTION
@click.option(
    "--missing-characters",
    type=click.Choice(["error", "warn"]),
    help="A character no font of the engine has (it would print blank or as a box): stop "
    "without writing the PDF, or write it with a warning [default: design.missing_characters "
    "in cv.yaml, else error].",
)
@click.option(
    "--keep-source",
    is_flag=True,
    help="Also write the engine's input beside the PDF, to adjust and typeset yourself: "
    "NAME.tex for TeX; for Typst NAME.typ and the data it reads, NAME-data.json "
    "(`typst compile NAME.typ`).",
)
@presentation_options
@document_options
def command(sources: Sources, request: Request, output: Path, keep_source: bool) -> None:
    """Typeset the CV as a PDF. On a TeX error the previous PDF is left untouched."""
    plan = load_plan(sources, request)
    echo_warnings(plan.warnings)
    pdf = plan.render("pdf")
    kept = pdf.source.files(output) if keep_source else {}
    if keep_source and not kept:
        click.echo("note: weasyprint prints the web page, which `cvgen html` writes", err=True)
    for path, text in kept.items():
        write_atomic(path, text)
    write_atomic(output, pdf)
    click.echo(f"Wrote {output} ({pdf.how})")
    for path in kept:
        click.echo(f"Wrote {path}")
