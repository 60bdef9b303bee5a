"""`cvgen themes`: the looks --theme and `design: theme` accept."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="themes")
@click.option(
    "--cv",
    "cv_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("cv.yaml"),
    help="Your themes/ folder is the one beside this file [default: ./cv.yaml].",
)
def command(cv_path: Path) -> None:
    """List the themes, one per line: name, two spaces, description.

    Yours are listed too: a folder themes/NAME/ beside cv.yaml with a theme.yaml (copy one of
    cvgen's from cvgen/themes/ to start; it needs only what differs from classic).
    """
    from cvgen.themes import listing

    for name, description in listing(cv_path.parent):
        click.echo(f"{name}  {description}")
