"""`cvgen init DIR`: start a new CV from small, valid starter files."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.cli.report import note
from cvgen.errors import CvgenError
from cvgen.files.atomic import write_atomic
from cvgen.files.shipped import starter_dir

STARTER_FILES = ("cv.yaml", "publications.bib")


@click.command(name="init")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), default=".")
def command(directory: Path) -> None:
    """Write a starter cv.yaml, publications.bib and cv.schema.json into DIRECTORY."""
    from cvgen.build.schema import schema_text

    existing = [name for name in STARTER_FILES if (directory / name).exists()]
    if existing:
        raise CvgenError(
            f"{', '.join(str(directory / n) for n in existing)} already exist; "
            "not overwriting them."
        )
    for name in STARTER_FILES:
        write_atomic(directory / name, (starter_dir() / name).read_text(encoding="utf-8"))
    write_atomic(directory / "cv.schema.json", schema_text(directory))
    note(f"Wrote {', '.join(STARTER_FILES)} and cv.schema.json into {directory}/.")
    click.echo(
        f"Next: cd {directory} && cvgen check" if directory != Path() else "Next: cvgen check"
    )
