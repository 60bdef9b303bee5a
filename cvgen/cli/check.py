"""`cvgen check`: validate both inputs, list every problem, print a summary."""

from __future__ import annotations

import click

from cvgen.build.plan import load_checked
from cvgen.build.presentation import check_designs, fallback_notes
from cvgen.build.request import Presentation, Request
from cvgen.build.summary import summarize
from cvgen.cli.options import locale_option
from cvgen.cli.report import echo_warnings
from cvgen.cli.source_options import source_options
from cvgen.errors import fail_on_errors
from cvgen.load.metrics import metrics_for
from cvgen.load.sources import Sources


@click.command(name="check")
@source_options
@locale_option
def command(sources: Sources, locale: str | None) -> None:
    """Validate cv.yaml and the .bib; print a summary, or every problem with file:line.

    Texts given per language ({en: ..., he: ...}) that have none in the CV's language (or
    --locale's) are listed with the language they fall back to."""
    cv, warnings = load_checked(sources)
    _, metrics_problems = metrics_for(sources.cv, cv.data)
    fail_on_errors([*metrics_problems, *check_designs(cv.data, sources)])
    request = Request(presentation=Presentation(locale=locale)).resolved(cv.data)
    warnings = warnings + metrics_problems + fallback_notes(request, cv, sources)
    echo_warnings(warnings)
    click.echo(summarize(cv))
    left_out = {w.field.split(".")[0] for w in warnings if w.message.endswith("entry left out")}
    broken = f"{len(left_out)} broken entr{'y' if len(left_out) == 1 else 'ies'}"
    verdict = f"loaded; {broken} left out" if left_out else "are valid"
    notes = f" ({len(warnings)} warning{'s' if len(warnings) != 1 else ''})" if warnings else ""
    bib = sources.bib_path(cv.data)
    checked = f"{sources.cv} and {bib} {verdict}" if bib.exists() else f"{sources.cv} is valid"
    click.echo(f"\nOK: {checked}{notes}.")
