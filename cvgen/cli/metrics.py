"""`cvgen metrics`: fetch citation counts and the h-index from OpenAlex into metrics.yaml."""

from __future__ import annotations

import click

from cvgen.cli.remote_context import RemoteContext, remote_options
from cvgen.errors import CvgenError


def _author(context: RemoteContext) -> str:
    """The OpenAlex author id, else the ORCID iD that OpenAlex can look the author up by."""
    wanted = context.sources
    orcid = wanted.orcid or (context.data.person.orcid if context.data else None)
    if wanted.openalex:
        return wanted.openalex
    if orcid:
        return f"orcid:{orcid}"
    raise CvgenError(
        f"{context.cv_path} gives no OpenAlex author: set publications: sources: openalex: "
        "(or person.orcid, which OpenAlex can look you up by)"
    )


@click.command(name="metrics")
@click.option("--dry-run", is_flag=True, help="Print the metrics instead of writing the file.")
@remote_options
def command(context: RemoteContext, dry_run: bool) -> None:
    """Fetch citation counts and the h-index (OpenAlex) into metrics.yaml beside cv.yaml.

    A CV shows them only when cv.yaml says publications: metrics: {header: true} (the
    'Citations · h-index' line) or {per_paper: true}; a build never fetches anything.
    """
    from datetime import date

    from cvgen.files.atomic import write_atomic
    from cvgen.files.project import Project
    from cvgen.load.metrics import metrics_path
    from cvgen.remote.bibfile import read_bib
    from cvgen.remote.metrics import fetch_metrics, metrics_yaml

    if context.data is None:
        raise CvgenError(f"{context.cv_path} not found: metrics.yaml goes beside cv.yaml")
    bib = read_bib(context.bib_path)
    with context.client() as client:
        metrics = fetch_metrics(client, _author(context), bib, date.today())
    text = metrics_yaml(metrics)
    matched = f"citation counts for {len(metrics.papers)} of {len(bib.publications)} papers"
    if dry_run:
        click.echo(text, nl=False)
        return
    project = Project.of(context.cv_path)
    path = write_atomic(project.confined(metrics_path(context.cv_path), "metrics.yaml:"), text)
    from cvgen.compose.header import metrics_phrase
    from cvgen.words import load_words

    click.echo(f"Wrote {path}: {metrics_phrase(metrics, load_words())}; {matched}.")
