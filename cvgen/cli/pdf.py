"""`cvgen pdf`: the CV typeset by TeX, or by Typst when asked or when TeX is missing."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.pipeline import load_tailored
from cvgen.cli.options import PAPER_OPTION, design_options, document_options, output_option
from cvgen.cli.report import echo_warnings
from cvgen.compose import compose
from cvgen.files.atomic import write_atomic
from cvgen.load.sources import Sources
from cvgen.select import Selection
from cvgen.writers import WriteOptions
from cvgen.writers.pdf.writer import ENGINES, typeset


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
@design_options
@document_options
def command(
    sources: Sources,
    selection: Selection,
    output: Path,
    engine: str,
    paper: str | None,
    missing_characters: str | None,
) -> None:
    """Typeset the CV as a PDF. On a TeX error the previous PDF is left untouched."""
    tailored = load_tailored(sources, selection)
    echo_warnings(tailored.warnings)
    given = WriteOptions(paper=paper, engine=engine, missing_characters=missing_characters)  # type: ignore[arg-type]
    options = tailored.write_options(given)
    document = compose(tailored.cv, tailored.settings)
    del tailored  # the model's memory is free again for the PDF engine (5000 publications)
    pdf, how = typeset(document, options)
    write_atomic(output, pdf)
    click.echo(f"Wrote {output} ({how})")
