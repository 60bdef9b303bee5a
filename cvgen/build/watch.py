"""`cvgen watch`: rebuild on every save of cv.yaml, the .bib, a template, theme or words file.

We watch the folder holding cv.yaml (editors often save by writing a new file and renaming it,
which a watch on the file itself would lose) and keep only the events on the inputs, so the
outputs we write never trigger a rebuild. Errors are reported and the watch goes on. A save
made while a build runs (before the watcher starts, for the first one) is caught by comparing
the inputs' fingerprint before and after each build.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from watchfiles import Change, watch

from cvgen.build.freshness import fingerprint
from cvgen.errors import CvgenError
from cvgen.files.project import INPUT_FOLDERS
from cvgen.load.sources import Sources

DEBOUNCE_MS = 300
logger = logging.getLogger(__name__)


class Inputs:
    """The files a build reads; recomputed after each build, as cv.yaml may name another .bib."""

    def __init__(self, sources: Sources) -> None:
        self.sources = sources
        here = sources.cv.parent
        self.folders = [(here / name).resolve() for name in INPUT_FOLDERS]
        self.refresh()

    def refresh(self) -> None:
        """The .bib (--bib, else cv.yaml's `publications.bib`, else the default name) and the
        Word reference documents cv.yaml's outputs name."""
        from cvgen.load.cv_yaml import load_cv_yaml

        data, _ = load_cv_yaml(self.sources.cv)
        try:
            self.bib = self.sources.bib_path(data)
        except CvgenError:  # a .bib out of the project: each build says so; watch cv.yaml
            self.bib = self.sources.cv
        here = self.sources.cv.parent
        references = [
            here / o.reference_docx for o in (data.outputs if data else []) if o.reference_docx
        ]
        self.files = {path.resolve() for path in (self.sources.cv, self.bib, *references)}

    def fingerprint(self) -> str | None:
        return fingerprint(self.sources, self.bib)

    def __contains__(self, path: str) -> bool:
        changed = Path(path).resolve()
        if changed in self.files or any(folder in changed.parents for folder in self.folders):
            return True
        beside = changed.parent == self.sources.cv.parent.resolve()
        return beside and changed.suffix in (".yaml", ".csl")  # metrics, a words file, a style


def watch_and_build(
    sources: Sources,
    build: Callable[[], object],
    on_error: Callable[[CvgenError], None],
    stop: threading.Event | None = None,
) -> None:
    """Build now, then after every change to an input, until `stop` is set or Ctrl-C; an
    error of a build goes to `on_error` and the watch goes on."""
    inputs = Inputs(sources)
    folders = {path.parent for path in inputs.files}

    def run() -> str | None:
        """Build until the inputs stay as they were during a build; their fingerprint then."""
        while True:
            before = inputs.fingerprint()
            try:
                build()
            except CvgenError as error:
                on_error(error)
            inputs.refresh()
            if inputs.fingerprint() == before:
                break
            logger.info("an input changed during the build: building again")
        logger.info("watching for changes (Ctrl-C to stop) …")
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
        logger.info("changed: %s", names)
        built = run()
