"""`cvgen latex`: the CV as LaTeX source, for users who edit or typeset it themselves."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.request import Request
from cvgen.cli.options import PAPER_OPTION, document_options, output_option, presentation_options
from cvgen.cli.output import output_target, produce
from cvgen.load.sources import Sources


@click.command(name="latex")
@output_option("cv.tex", "Where to write the .tex file.")
@PAPER_OPTION
@presentation_options
@document_options
def command(sources: Sources, request: Request, output: Path | None) -> None:
    """Write the CV as a LaTeX document (pdflatex, lualatex or xelatex can typeset it)."""
    produce(sources, request, "latex", output_target(output, sources, "cv.tex"))
