"""`cvgen latex`: the CV as LaTeX source, for users who edit or typeset it themselves."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.pipeline import build_document
from cvgen.cli.options import PAPER_OPTION, design_options, document_options, output_option
from cvgen.cli.report import echo_warnings
from cvgen.load.sources import Sources
from cvgen.select import Selection
from cvgen.writers import WriteOptions


@click.command(name="latex")
@output_option("output/cv.tex", "Where to write the .tex file.")
@PAPER_OPTION
@design_options
@document_options
def command(sources: Sources, selection: Selection, output: Path, paper: str | None) -> None:
    """Write the CV as a LaTeX document (pdflatex, lualatex or xelatex can typeset it)."""
    options = WriteOptions(paper=paper)  # type: ignore[arg-type]
    path, warnings = build_document(sources, "latex", output, selection, options)
    echo_warnings(warnings)
    click.echo(f"Wrote {path}")
