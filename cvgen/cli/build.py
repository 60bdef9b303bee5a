"""`cvgen build`: every output cv.yaml configures, from one load, skipping unchanged ones."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.freshness import all_fresh, fingerprint_before_load
from cvgen.cli.report import echo_warnings, note
from cvgen.cli.source_options import source_options
from cvgen.errors import CvgenError, data_error
from cvgen.files.project import default_path
from cvgen.load.sources import Sources


def _announce(jobs: list) -> None:
    slow = [str(job.path) for job in jobs if job.spec.format == "pdf"]
    if slow:
        note(f"typesetting {', '.join(slow)} …")


def run_build(sources: Sources, out_dir: Path, force: bool) -> bool:
    """Build and report; True when every output is good. Shared with `cvgen watch`.

    When nothing changed since the last good build this answers from the manifest alone,
    without loading the model (see freshness.py).
    """
    outcomes = None if force else all_fresh(sources, out_dir)
    if outcomes is None:
        from cvgen.build.outputs import build_all
        from cvgen.build.plan import load_checked
        from cvgen.build.presentation import check_designs

        before = fingerprint_before_load(sources, out_dir)
        cv, warnings = load_checked(sources)
        designs = check_designs(cv.data, sources)  # every output's, before any is written
        if designs:
            raise data_error([*warnings, *designs])
        echo_warnings(warnings)
        outcomes = build_all(cv, sources, out_dir, before=before, force=force, on_start=_announce)
    for outcome in outcomes:
        click.echo(outcome.line())
    return all(o.status != "failed" for o in outcomes)


def out_dir_for(given: Path | None, sources: Sources) -> Path:
    """--out-dir as typed, else output/ beside cv.yaml, which (not being typed) must not be a
    link out of cv.yaml's folder (ConfinementError)."""
    if given is not None:
        return given
    return default_path(sources.output_dir, "the output folder", sources.output_dir.parent)


OUT_DIR_OPTION = click.option(
    "--out-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the outputs [default: output/ beside cv.yaml].",
)


@click.command(name="build")
@OUT_DIR_OPTION
@click.option("--force", is_flag=True, help="Rebuild every output, even unchanged ones.")
@source_options
def command(sources: Sources, out_dir: Path | None, force: bool) -> None:
    """Build every output cv.yaml lists under `outputs:` (default: the PDF, the HTML page and
    the bio, plus a PDF per variant), loading the data once and skipping unchanged outputs."""
    if not run_build(sources, out_dir_for(out_dir, sources), force):
        raise CvgenError("some outputs failed; their previous versions were kept.")
