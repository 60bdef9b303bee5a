"""`cvgen watch`: rebuild on every save of cv.yaml, the .bib or a template.

We watch the folder holding cv.yaml (editors often save by writing a new file and renaming it,
which a watch on the file itself would lose) and keep only the events on the inputs, so the
outputs we write never trigger a rebuild. Errors are reported and the watch goes on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import click
from watchfiles import Change, watch

from cvgen.errors import CvgenError
from cvgen.sources import Sources

DEBOUNCE_MS = 300


def _bib_from_yaml(sources: Sources) -> Path:
    """The .bib to watch: --bib, else cv.yaml's `publications.bib`, else the default name."""
    if sources.bib is not None:
        return sources.bib
    from cvgen.load.yaml_cv import load_cv_yaml

    data, _ = load_cv_yaml(sources.cv)
    return sources.bib_path(data)


def is_input(sources: Sources, path: str) -> bool:
    """Is this changed file one of the build's inputs?"""
    changed = Path(path).resolve()
    templates = (sources.cv.parent / "templates").resolve()
    inputs = {sources.cv.resolve(), _bib_from_yaml(sources).resolve()}
    return changed in inputs or templates in changed.parents


def watch_and_build(
    sources: Sources,
    build: Callable[[], object],
    stop: threading.Event | None = None,
) -> None:
    """Build now, then after every change to an input, until `stop` is set or Ctrl-C."""
    folders = {sources.cv.parent.resolve(), _bib_from_yaml(sources).parent.resolve()}

    def run() -> None:
        try:
            build()
        except CvgenError as error:
            error.show()
        click.echo("watching for changes (Ctrl-C to stop) …", err=True)

    run()
    for changes in watch(
        *folders,
        watch_filter=lambda change, path: change != Change.deleted and is_input(sources, path),
        debounce=DEBOUNCE_MS,
        stop_event=stop,
        raise_interrupt=False,
    ):
        names = ", ".join(sorted({Path(path).name for _, path in changes}))
        click.echo(f"changed: {names}", err=True)
        run()
