"""`cvgen themes`: the looks --theme and `design: theme` accept."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="themes")
@click.option(
    "--cv",
    "cv_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Your themes/ folder is the one beside this file [default: cv.yaml here or in the "
    "nearest folder above].",
)
def command(cv_path: Path | None) -> None:
    """List the themes, one per line: the name, then its description (aligned).

    Yours are listed too: a folder themes/NAME/ beside cv.yaml with a theme.yaml (copy one of
    cvgen's from cvgen/themes/ to start; it needs only what differs from classic).
    """
    from cvgen.load.sources import find_cv
    from cvgen.themes import listing

    cv_path = cv_path or find_cv(Path.cwd())
    rows = listing(cv_path.parent if cv_path else None)
    width = max(len(name) for name, _ in rows)
    for name, description in rows:
        click.echo(f"{name:<{width}}  {description}".rstrip())
