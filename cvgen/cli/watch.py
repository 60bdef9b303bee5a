"""`cvgen watch`: `cvgen build` again on every save of an input."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.cli.build import OUT_DIR_OPTION, out_dir_for, run_build
from cvgen.cli.report import show_error
from cvgen.cli.source_options import source_options
from cvgen.load.sources import Sources


@click.command(name="watch")
@OUT_DIR_OPTION
@source_options
def command(sources: Sources, out_dir: Path | None) -> None:
    """Build every output now and again whenever cv.yaml, the .bib or a template is saved.
    Errors are shown and the watch goes on; only changed outputs are rebuilt."""
    from cvgen.build.watch import watch_and_build

    folder = out_dir_for(out_dir, sources)
    watch_and_build(sources, lambda: run_build(sources, folder, force=False), show_error)
