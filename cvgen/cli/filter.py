"""`cvgen filter`: the selected publications (or --sections) as a list for a form or a tool."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.plan import load_plan
from cvgen.build.request import Request
from cvgen.cli.options import document_options, locale_option
from cvgen.cli.report import echo_warnings
from cvgen.files.atomic import write_atomic
from cvgen.formats import LISTING_FORMATS, format_of_path
from cvgen.load.sources import Sources
from cvgen.select import PUBLICATION_SECTIONS


@click.command(name="filter")
@locale_option
@document_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(LISTING_FORMATS),
    help="Output format [default: from the -o suffix, else text].",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write to FILE."
)
def command(sources: Sources, request: Request, fmt: str | None, output: Path | None) -> None:
    """Print the selected publications, formatted as in the CV (or BibTeX, JSON,
    CSL-JSON, RIS or MEDLINE for NIH's My Bibliography; BibTeX is what ORCID imports).

    With --sections, print those sections instead, in that order. Examples:

    \b
      cvgen filter --since 2017
      cvgen filter --tag erc --format bibtex -o erc.bib
      cvgen filter --variant erc --sections grants,publications --format markdown
    """
    fmt = fmt or (format_of_path(output, LISTING_FORMATS, "text") if output else "text")
    plan = load_plan(sources, request, PUBLICATION_SECTIONS)
    echo_warnings(plan.warnings)
    text = plan.listing(fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"Wrote {write_atomic(output, text)}", err=True)
