"""`cvgen export <site>`: publication data for static site generators (Jekyll for now)."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build import build_document
from cvgen.commands.options import document_options
from cvgen.commands.sources import echo_warnings
from cvgen.select import Selection
from cvgen.sources import Sources


@click.group(name="export")
def command() -> None:
    """Export publications as a data file for a static site generator."""


@command.command(name="jekyll")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("output/_data/publist.yml"),
    show_default=True,
    help="Where to write; point it at your site's _data/ folder.",
)
@document_options
def jekyll(sources: Sources, selection: Selection, output: Path) -> None:
    """Write the publications as a Jekyll data file (site.data.publist).

    Each entry has title, authors, venue, year, kind, link (url, display), links, tags,
    description and citation; text is HTML-escaped, ready for a Liquid layout.
    """
    path, warnings = build_document(sources, "jekyll", output, selection)
    echo_warnings(warnings)
    click.echo(f"Wrote {path}")
