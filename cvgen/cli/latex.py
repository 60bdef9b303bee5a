"""`cvgen latex`: the CV as LaTeX source, for users who edit or typeset it themselves."""

from __future__ import annotations

import click

from cvgen.build.plan import produce
from cvgen.build.request import Request
from cvgen.build.targets import Target
from cvgen.cli.options import PAPER_OPTION, document_options, output_option, presentation_options
from cvgen.cli.report import echo_warnings
from cvgen.load.sources import Sources


@click.command(name="latex")
@output_option("output/cv.tex", "Where to write the .tex file.")
@PAPER_OPTION
@presentation_options
@document_options
def command(sources: Sources, request: Request, output: Target) -> None:
    """Write the CV as a LaTeX document (pdflatex, lualatex or xelatex can typeset it)."""
    path, plan = produce(sources, request, "latex", output)
    echo_warnings(plan.warnings)
    click.echo(f"Wrote {path}")
