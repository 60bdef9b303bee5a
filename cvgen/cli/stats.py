"""`cvgen stats`: publications per year and type, as a table and optionally a bar chart."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.plan import load_plan
from cvgen.build.request import Request
from cvgen.build.targets import Target
from cvgen.cli.options import selection_options
from cvgen.cli.output import write_output
from cvgen.cli.report import echo_warnings
from cvgen.exports.stats import table, year_counts
from cvgen.load.sources import Sources
from cvgen.select import PUBLICATION_SECTIONS


@click.command(name="stats")
@selection_options
@click.option(
    "--plot",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE.svg|FILE.png",
    help="Also write a bar chart (SVG always works; PNG needs the `plot` extra).",
)
def command(sources: Sources, request: Request, plot: Path | None) -> None:
    """Publications per year and type (after any selection, e.g. --since 2015)."""
    plan = load_plan(sources, request, PUBLICATION_SECTIONS, with_design=False)
    cv, resolved = plan.cv, plan.request.selection
    echo_warnings(plan.warnings)
    stats = year_counts(cv.publications)
    if not stats.years:
        return
    chart_content = None
    if plot is not None:
        from cvgen.exports.stats.plot import chart

        chart_content = chart(stats, f"Publications per year — {cv.data.person.name}", plot)
    click.echo(f"Publications per year and type ({resolved.describe()})\n")
    click.echo(table(stats))
    if plot is not None and chart_content is not None:
        write_output(Target(plot), chart_content, sources, cv.data, plan.request)
