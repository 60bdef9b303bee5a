"""`cvgen pdf`: the CV typeset by TeX, or by Typst when asked or when TeX is missing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cvgen.build.plan import load_plan
from cvgen.build.request import Request
from cvgen.build.targets import Target
from cvgen.cli.options import PAPER_OPTION, document_options, output_option, presentation_options
from cvgen.cli.output import check_output, is_stdout, output_target, write_output
from cvgen.cli.report import echo_warnings, note
from cvgen.formats import ENGINES
from cvgen.load.sources import Sources

if TYPE_CHECKING:
    from cvgen.writers.pdf.writer import EngineSource


@click.command(name="pdf")
@output_option("cv.pdf", "Where to write the PDF.")
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
def command(sources: Sources, request: Request, output: Path | None, keep_source: bool) -> None:
    """Typeset the CV as a PDF. On a TeX error the previous PDF is left untouched."""
    target = output_target(output, sources, "cv.pdf")
    if keep_source and is_stdout(target):
        raise click.UsageError("--keep-source writes files beside the PDF: give -o FILE, not -o -")
    plan = load_plan(sources, request)
    echo_warnings(plan.warnings)
    check_output(target, sources, plan.cv.data, request)
    pdf = plan.render("pdf")
    kept = _kept(target, pdf.source) if keep_source else {}
    if keep_source and not kept:
        note("note: weasyprint prints the web page, which `cvgen html` writes")
    for path in kept:  # every file refused, if it must be, before any is written
        check_output(path, sources, plan.cv.data, request)
    for path, text in kept.items():
        write_output(path, text, sources, plan.cv.data, request)
    write_output(target, pdf, sources, plan.cv.data, request, how=pdf.how)


def _kept(pdf: Target, source: EngineSource) -> dict[Target, str]:
    """The engine's input to keep beside the PDF, each file checked as the PDF is (a default
    path stays inside cv.yaml's folder)."""
    return {Target(path, pdf.typed): text for path, text in source.files(pdf.path).items()}
