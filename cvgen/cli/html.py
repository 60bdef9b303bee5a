"""`cvgen html`: the CV as a web page, or only its body for an existing site layout."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.request import Request
from cvgen.cli.options import document_options, presentation_options
from cvgen.cli.output import output_target, produce
from cvgen.load.sources import Sources


@click.command(name="html")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    metavar="FILE",
    help="Where to write; `-o -` writes to stdout [default: output/cv.html beside cv.yaml, or "
    "output/cv-fragment.html with --fragment].",
)
@click.option(
    "--fragment",
    is_flag=True,
    help="Write only the body content (no <html>, <head> or styles), to include in a site.",
)
@presentation_options
@document_options
def command(sources: Sources, request: Request, output: Path | None) -> None:
    """Write the CV as one self-contained, responsive HTML page that works offline.

    A templates/ folder next to cv.yaml overrides the shipped templates file by file.
    """
    fragment = request.presentation.fragment
    target = output_target(output, sources, "cv-fragment.html" if fragment else "cv.html")
    produce(sources, request, "html", target)
