"""`cvgen styles`: the citation styles --style and `design: citation_style` accept."""

from __future__ import annotations

import click

from cvgen.citations.catalog import listing


@click.command(name="styles")
@click.option(
    "--all", "everything", is_flag=True, help="List every packaged CSL style (about 11,000)."
)
def command(everything: bool) -> None:
    """List citation styles, one per line: name, two spaces, title.

    Without --all, the styles CV guidelines ask for most. Any .csl file works too:
    `--style path/to/style.csl` or `design: {citation_style: style.csl}` in cv.yaml.
    """
    for name, title in listing(everything):
        click.echo(f"{name}  {title}")
