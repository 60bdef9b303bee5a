"""`cvgen filter`: the selected publications (or --sections) as a list for a form or a tool."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.plan import load_plan
from cvgen.build.request import Request
from cvgen.build.targets import Target
from cvgen.cli.options import document_options, locale_option
from cvgen.cli.output import STDOUT, check_output, is_stdout, write_output
from cvgen.cli.report import echo_warnings
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
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    metavar="FILE",
    help="Write to FILE [default: stdout].",
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
    named = output is not None and not is_stdout(output)
    fmt = fmt or (format_of_path(output, LISTING_FORMATS, "text") if named else "text")
    plan = load_plan(sources, request, PUBLICATION_SECTIONS)
    echo_warnings(plan.warnings)
    target = Target(output or Path(STDOUT))
    check_output(target, sources, plan.cv.data, request)
    write_output(target, plan.listing(fmt), sources, plan.cv.data, request)
