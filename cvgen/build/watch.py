"""`cvgen watch`: rebuild on every save of cv.yaml, the .bib, a template, theme or words file.

We watch the folder holding cv.yaml (editors often save by writing a new file and renaming it,
which a watch on the file itself would lose) and keep only the events on the inputs, so the
outputs we write never trigger a rebuild. Errors are reported and the watch goes on. A save
made while a build runs (before the watcher starts, for the first one) is caught by comparing
the inputs' fingerprint before and after each build.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import click
from watchfiles import Change, watch

from cvgen.errors import CvgenError
from cvgen.build.freshness import fingerprint
from cvgen.sources import Sources

DEBOUNCE_MS = 300


def _bib_from_yaml(sources: Sources) -> Path:
    """The .bib to watch: --bib, else cv.yaml's `publications.bib`, else the default name."""
    if sources.bib is not None:
        return sources.bib
    from cvgen.load.yaml_cv import load_cv_yaml

    data, _ = load_cv_yaml(sources.cv)
    return sources.bib_path(data)


class Inputs:
    """The files a build reads; recomputed after each build, as cv.yaml may name another .bib."""

    def __init__(self, sources: Sources) -> None:
        self.sources = sources
        here = sources.cv.parent
        self.folders = [(here / name).resolve() for name in ("templates", "themes", "words")]
        self.refresh()

    def refresh(self) -> None:
        self.bib = _bib_from_yaml(self.sources)
        self.files = {self.sources.cv.resolve(), self.bib.resolve()}

    def fingerprint(self) -> str | None:
        return fingerprint(self.sources, self.bib)

    def __contains__(self, path: str) -> bool:
        changed = Path(path).resolve()
        if changed in self.files or any(folder in changed.parents for folder in self.folders):
            return True
        return changed.suffix == ".yaml" and changed.parent == self.sources.cv.parent.resolve()


def watch_and_build(
    sources: Sources,
    build: Callable[[], object],
    stop: threading.Event | None = None,
) -> None:
    """Build now, then after every change to an input, until `stop` is set or Ctrl-C."""
    inputs = Inputs(sources)
    folders = {path.parent for path in inputs.files}

    def run() -> str | None:
        """Build until the inputs stay as they were during a build; their fingerprint then."""
        while True:
            before = inputs.fingerprint()
            try:
                build()
            except CvgenError as error:
                error.show()
            inputs.refresh()
            if inputs.fingerprint() == before:
                break
            click.echo("an input changed during the build: building again", err=True)
        click.echo("watching for changes (Ctrl-C to stop) …", err=True)
        return before

    built = run()
    for changes in watch(
        *folders,
        watch_filter=lambda change, path: change != Change.deleted and path in inputs,
        debounce=DEBOUNCE_MS,
        stop_event=stop,
        raise_interrupt=False,
    ):
        if built is not None and inputs.fingerprint() == built:
            continue  # a save the last build already caught (it came during that build)
        names = ", ".join(sorted({Path(path).name for _, path in changes}))
        click.echo(f"changed: {names}", err=True)
        built = run()
