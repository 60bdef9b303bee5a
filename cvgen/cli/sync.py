"""`cvgen sync`: import from every source cv.yaml configures; `--check` only reports (for CI)."""

from __future__ import annotations

import click

from cvgen.cli.remote_context import RemoteContext, import_options, progress, run_import
from cvgen.errors import CvgenError
from cvgen.util.characters import terminal_safe


def configured_sources(context: RemoteContext) -> list:
    from cvgen.remote.dblp import DblpSource
    from cvgen.remote.openalex import OpenAlexSource
    from cvgen.remote.orcid import OrcidSource

    wanted = context.sources
    sources = []
    if wanted.dblp:
        sources.append(DblpSource(wanted.dblp, context.is_own()))
    if wanted.orcid:
        sources.append(OrcidSource(wanted.orcid, context.owner))
    if wanted.openalex:
        sources.append(OpenAlexSource(wanted.openalex))
    if not sources:
        raise CvgenError(
            f"{context.cv_path} configures no sources: add, for example, "
            "publications: sources: {dblp: 71/8342, orcid: 0000-0002-1825-0097}"
        )
    return sources


@click.command(name="sync")
@click.option(
    "--check",
    is_flag=True,
    help="Only list the papers the sources know and the .bib lacks; exit 1 if there are any.",
)
@import_options
def command(context: RemoteContext, check: bool, dry_run: bool, include_preprints: bool) -> None:
    """Add the papers that the sources under publications: sources: know and the .bib lacks."""
    sources = configured_sources(context)
    if not check:
        run_import(context, sources, "cvgen sync", dry_run, include_preprints)
        return
    from cvgen.remote.bibfile import read_bib
    from cvgen.remote.dedup import IgnoreList, Verdict
    from cvgen.remote.importing import survey
    from cvgen.remote.report import missing_lines

    bib = read_bib(context.bib_path)
    ignore = IgnoreList(context.sources.ignore)
    with context.client() as client:
        surveys = survey(client, sources, bib, ignore, include_preprints, progress)
    for line in missing_lines(surveys, bib.path.name):
        click.echo(terminal_safe(line))
    if any(s.having(Verdict.NEW) for s in surveys):
        raise SystemExit(1)
