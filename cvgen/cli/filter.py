"""`cvgen filter`: the selected publications (or --sections) as a list for a form or a tool."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.pipeline import DATA_FORMATS, LIST_FORMATS, load_tailored, render_listing
from cvgen.cli.options import document_options, locale_option
from cvgen.cli.report import echo_warnings
from cvgen.files.atomic import write_atomic
from cvgen.load.sources import Sources
from cvgen.select import PUBLICATION_SECTIONS, Selection, shown_sections

FORMATS = (*LIST_FORMATS, *DATA_FORMATS)
SUFFIX_FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".tex": "latex",
    ".bib": "bibtex",
    ".json": "json",
}


@click.command(name="filter")
@locale_option
@document_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Output format [default: from the -o suffix, else text].",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write to FILE."
)
def command(sources: Sources, selection: Selection, fmt: str | None, output: Path | None) -> None:
    """Print the selected publications, formatted as in the CV (or BibTeX, JSON, CSL-JSON).

    With --sections, print those sections instead, in that order. Examples:

    \b
      cvgen filter --since 2017
      cvgen filter --tag erc --format bibtex -o erc.bib
      cvgen filter --variant erc --sections grants,publications --format markdown
    """
    fmt = fmt or (SUFFIX_FORMATS.get(output.suffix.lower(), "text") if output else "text")
    tailored = load_tailored(sources, selection, PUBLICATION_SECTIONS)
    echo_warnings(tailored.warnings)
    sections = shown_sections(tailored.cv, tailored.selection, PUBLICATION_SECTIONS)
    text = render_listing(tailored.cv, fmt, sections, tailored.settings)
    if output is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"Wrote {write_atomic(output, text)}", err=True)
