"""`cvgen watch`: rebuild on every save of cv.yaml, the .bib, a template, theme or words file.

We watch the folder holding cv.yaml (editors often save by writing a new file and renaming it,
which a watch on the file itself would lose), and the folders of templates, themes and words
files, each folder on its own (a link in the project is never followed), and keep only the
events on the inputs, so the outputs we write never trigger a rebuild. Errors are reported
and the watch goes on. A save made while a build runs (before the watcher starts, for the
first one) is caught by comparing the inputs' fingerprint before and after each build.
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from watchfiles import Change, watch

from cvgen.build.freshness import fingerprint
from cvgen.errors import CvgenError
from cvgen.files.project import INPUT_FOLDERS
from cvgen.load.sources import Sources

DEBOUNCE_MS = 300
STEP_MS = 20  # a save is seen this long after its last write (watchfiles' default: 50)
MAX_FOLDERS = 1000  # under each of templates/, themes/, ...: more is not a project's
RETRY_SECONDS = 1.0
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
        if changed in self.files or changed in self.folders:  # a templates/ folder made, say
            return True
        if any(folder in changed.parents for folder in self.folders):
            return True
        beside = changed.parent == self.sources.cv.parent.resolve()
        return beside and changed.suffix in (".yaml", ".csl")  # metrics, a words file, a style


def _walkable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.R_OK | os.X_OK)


def watched_folders(inputs: Inputs) -> list[Path]:
    """The folders to watch, each on its own, never recursively (a link in the project to / or
    to a large disk must not be walked): those of the input files, and every folder under
    templates/, themes/, words/ and styles/ beside cv.yaml, links not followed."""
    folders = {path.parent for path in inputs.files}
    here = inputs.sources.cv.parent
    for name in INPUT_FOLDERS:
        root = here / name
        if not root.is_symlink():
            folders.update(Path(top) for top, _, _ in itertools.islice(os.walk(root), MAX_FOLDERS))
    return sorted(folder for folder in folders if _walkable(folder))


def input_changes(
    inputs: Inputs, stop: threading.Event | None = None, deleted: bool = False
) -> Iterator[list[str]]:
    """The names of the inputs changed, after each save (changes grouped over up to
    DEBOUNCE_MS), until `stop` is set or Ctrl-C. A deletion counts only if `deleted`: an
    editor's save often deletes before it writes, and `cvgen watch` would report the missing
    file; `cvgen serve` shows it (a .bib deleted is a mistake to see). When a folder to watch
    appears or goes (a new theme, cv.yaml naming a .bib elsewhere), the watch starts anew."""
    while not (stop and stop.is_set()):
        folders = watched_folders(inputs)
        try:
            for changes in watch(
                *folders,
                watch_filter=lambda change, path: (
                    (deleted or change != Change.deleted) and path in inputs
                ),
                debounce=DEBOUNCE_MS,
                step=STEP_MS,
                recursive=False,
                stop_event=stop,
                raise_interrupt=False,
            ):
                yield sorted({Path(path).name for _, path in changes})
                if watched_folders(inputs) != folders:
                    break
            else:
                return  # stopped, or Ctrl-C
        except OSError as error:  # a folder went away as the watch began: look again
            logger.warning("cannot watch the project's folders (%s); trying again", error)
            time.sleep(RETRY_SECONDS)


def build_until_settled(inputs: Inputs, build: Callable[[], object]) -> str | None:
    """Build (`build` reports its own errors) until the inputs stay as they were during a
    build, so that a save the watcher did not see (it was not yet listening) is caught; their
    fingerprint then."""
    while True:
        before = inputs.fingerprint()
        build()
        inputs.refresh()
        if inputs.fingerprint() == before:
            return before
        logger.info("an input changed during the build: building again")


def watch_and_build(
    sources: Sources,
    build: Callable[[], object],
    on_error: Callable[[CvgenError], None],
    stop: threading.Event | None = None,
) -> None:
    """Build now, then after every change to an input, until `stop` is set or Ctrl-C; an
    error of a build goes to `on_error` and the watch goes on."""
    inputs = Inputs(sources)

    def attempt() -> None:
        try:
            build()
        except CvgenError as error:
            on_error(error)

    def run() -> str | None:
        built = build_until_settled(inputs, attempt)
        logger.info("watching for changes (Ctrl-C to stop) …")
        return built

    built = run()
    for names in input_changes(inputs, stop):
        if built is not None and inputs.fingerprint() == built:
            continue  # a save the last build already caught (it came during that build)
        logger.info("changed: %s", ", ".join(names))
        built = run()
