"""`cvgen docx`: the CV as a Word document, in cvgen's styles or a template's."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.request import Request
from cvgen.cli.options import document_options, output_option, paper_option, presentation_options
from cvgen.cli.output import output_target, produce
from cvgen.load.sources import Sources


@click.command(name="docx")
@output_option("cv.docx", "Where to write the Word file.")
@click.option(
    "--reference-docx",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    metavar="FILE",
    help="A Word file or template (.docx, .dotx) whose styles, page set-up, header and footer "
    "the CV takes, as pandoc's --reference-doc; its content is not copied.",
)
@paper_option(
    "Paper size [default: design.paper in cv.yaml, else the reference document's, else A4]."
)
@presentation_options
@document_options
def command(sources: Sources, request: Request, output: Path | None) -> None:
    """Write the CV as a Word document (.docx) for forms and offices that ask for Word.

    Sections are Word headings (the navigation pane and a table of contents use them),
    publications numbered lists, grants a table; restyle it in Word's styles pane, or give
    your institution's template with --reference-docx.
    """
    produce(sources, request, "docx", output_target(output, sources, "cv.docx"))
