"""`cvgen docx`: the CV as a Word document, in cvgen's styles or a template's."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.pipeline import build_document
from cvgen.cli.options import design_options, document_options, output_option
from cvgen.cli.report import echo_warnings
from cvgen.load.sources import Sources
from cvgen.select import Selection
from cvgen.writers import WriteOptions


@click.command(name="docx")
@output_option("output/cv.docx", "Where to write the Word file.")
@click.option(
    "--reference-docx",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    metavar="FILE",
    help="A Word file or template (.docx, .dotx) whose styles, page set-up, header and footer "
    "the CV takes, as pandoc's --reference-doc; its content is not copied.",
)
@click.option(
    "--paper",
    type=click.Choice(["a4", "letter"], case_sensitive=False),
    help="Paper size [default: design.paper in cv.yaml, else the reference document's, else A4].",
)
@design_options
@document_options
def command(
    sources: Sources,
    selection: Selection,
    output: Path,
    reference_docx: Path | None,
    paper: str | None,
) -> None:
    """Write the CV as a Word document (.docx) for forms and offices that ask for Word.

    Sections are Word headings (the navigation pane and a table of contents use them),
    publications numbered lists, grants a table; restyle it in Word's styles pane, or give
    your institution's template with --reference-docx.
    """
    if reference_docx is not None and reference_docx.resolve() == output.resolve():
        raise click.BadParameter("would overwrite the reference document", param_hint="'-o'")
    options = WriteOptions(
        source_dir=str(sources.cv.parent),
        paper=paper.lower() if paper else None,
        reference_docx=str(reference_docx) if reference_docx else None,
    )
    path, warnings = build_document(sources, "docx", output, selection, options)
    echo_warnings(warnings)
    click.echo(f"Wrote {path}")
