"""`cvgen schema`: the JSON Schema of cv.yaml, so editors autocomplete and flag mistakes."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.targets import Target
from cvgen.cli.output import write_output
from cvgen.cli.source_options import default_cv
from cvgen.load.sources import CV_FILE, Sources


@click.command(name="schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default=Path("-"),
    metavar="FILE",
    help="Write to FILE, e.g. cv.schema.json beside cv.yaml [default: stdout].",
)
@click.option(
    "--cv",
    "cv_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Your themes/ and words/ are those beside this file [default: cv.yaml here or in the "
    "nearest folder above].",
)
def command(output: Path, cv_path: Path | None) -> None:
    """Print the JSON Schema of cv.yaml; save it as cv.schema.json beside cv.yaml (the first
    line of cv.yaml points editors to it). Your own themes and languages are among the values
    it accepts: write it again after adding one."""
    from cvgen.build.schema import schema_text

    cv = cv_path or default_cv()
    sources = Sources(cv or Path(CV_FILE))  # what -o must not overwrite: cv.yaml, its themes
    write_output(Target(output), schema_text(cv.parent if cv else None), sources, None)
