"""`cvgen export <target>`: publication data for static sites, and the document tree as JSON."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.commands.options import document_options, locale_option
from cvgen.commands.source_options import echo_warnings
from cvgen.pipeline import build_document
from cvgen.select import Selection
from cvgen.sources import Sources


@click.group(name="export")
def command() -> None:
    """Export publications for a static site, or the CV's document tree as JSON."""


@command.command(name="jekyll")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("output/_data/publist.yml"),
    show_default=True,
    help="Where to write; point it at your site's _data/ folder.",
)
@locale_option
@document_options
def jekyll(sources: Sources, selection: Selection, output: Path) -> None:
    """Write the publications as a Jekyll data file (site.data.publist).

    Each entry has title, authors, venue, year, kind, link (url, display), links, tags,
    description and citation; text is HTML-escaped, ready for a Liquid layout.
    """
    path, warnings = build_document(sources, "jekyll", output, selection)
    echo_warnings(warnings)
    click.echo(f"Wrote {path}")


@command.command(name="document")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("output/cv.json"),
    show_default=True,
    help="Where to write the JSON.",
)
@locale_option
@document_options
def document(sources: Sources, selection: Selection, output: Path) -> None:
    """Write the CV's document tree as JSON: its sections, groups and entries, worded and
    numbered as every cvgen output prints them, for your own templates or tools."""
    path, warnings = build_document(sources, "document", output, selection)
    echo_warnings(warnings)
    click.echo(f"Wrote {path}")
