"""The --cv/--bib/--no-cache options every data-reading command takes.

Kept free of heavy imports so that `cvgen build` can find nothing changed in a few milliseconds.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from cvgen.cli.progress import progress_line
from cvgen.cli.report import detail, is_quiet, warn
from cvgen.files.project import default_path
from cvgen.files.shipped import example_dir
from cvgen.load.sources import CV_FILE, EXAMPLE_NOTICE, Sources, find_cv

EXAMPLE_WARNING = (
    f"{EXAMPLE_NOTICE} (no cv.yaml in this folder or any folder above it, so this shows "
    "a fictional researcher)"
)


def default_cv() -> Path | None:
    """cv.yaml here or in the nearest folder above (find_cv), or None. Not being typed, it must
    not be a link out of its folder (ConfinementError)."""
    found = find_cv(Path.cwd())
    if found is None:
        return None
    what = "./cv.yaml" if found.parent == Path() else "the cv.yaml found above,"
    return default_path(found, what, found.parent)


def discover(cv: Path | None, bib: Path | None) -> tuple[Path, bool]:
    """(the cv.yaml to read, whether it is the embedded example): --cv, else cv.yaml here or
    in the nearest folder above (see find_cv), else the example, announced on stderr before
    anything else is printed. With --bib alone, a cv.yaml is still looked for, never the
    example's (a missing one is reported)."""
    if cv is not None:
        return cv, False
    found = default_cv()
    if found is not None:
        if found.parent != Path():
            detail(f"reading {found} (the nearest cv.yaml above this folder)")
        return found, False
    if bib is not None:
        return Path(CV_FILE), False
    warn(EXAMPLE_WARNING)
    return example_dir() / CV_FILE, True


def _sources(cv: Path | None, bib: Path | None, use_cache: bool, skip_bad: bool) -> Sources:
    path, example = discover(cv, bib)
    return Sources(
        cv=path, bib=bib, use_cache=use_cache, skip_bad_entries=skip_bad, example=example
    )


def source_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add --cv/--bib to a command and hand it a `sources: Sources` argument instead; its
    slow steps show on a progress line (on a terminal, unless --quiet, the one every
    command takes: cvgen/cli/__init__.py)."""

    @click.option(
        "--cv",
        "cv_path",
        type=click.Path(path_type=Path),
        help="The career data [default: cv.yaml here or in the nearest folder above].",
    )
    @click.option(
        "--bib",
        "bib_path",
        type=click.Path(path_type=Path),
        help="The BibTeX file [default: publications.bib beside cv.yaml, or as cv.yaml says].",
    )
    @click.option(
        "--no-cache",
        is_flag=True,
        help="Parse and validate the inputs afresh instead of using the cache.",
    )
    @click.option(
        "--skip-bad-entries",
        is_flag=True,
        help="Leave out .bib entries that have errors (listed as warnings) instead of stopping.",
    )
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        cv_path: Path | None,
        bib_path: Path | None,
        no_cache: bool,
        skip_bad_entries: bool,
        **kwargs: Any,
    ) -> Any:
        sources = _sources(cv_path, bib_path, not no_cache, skip_bad_entries)
        with progress_line(is_quiet()):
            return func(*args, sources=sources, **kwargs)

    return wrapper
