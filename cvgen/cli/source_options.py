"""The --cv/--bib/--no-cache/--quiet options every data-reading command takes.

Kept free of heavy imports so that `cvgen build` can find nothing changed in a few milliseconds.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from cvgen.cli.progress import progress_line
from cvgen.files.shipped import example_dir
from cvgen.load.sources import Sources


def _sources(cv: Path | None, bib: Path | None, use_cache: bool, skip_bad: bool) -> Sources:
    """--cv, else ./cv.yaml, else (with a notice) the embedded example researcher."""
    if cv is None:
        cv = Path("cv.yaml")
        if not cv.exists() and bib is None:
            click.echo(
                "note: no ./cv.yaml here, so this uses the embedded example researcher "
                "(run `cvgen init DIR` to start your own)",
                err=True,
            )
            cv = example_dir() / "cv.yaml"
    return Sources(cv=cv, bib=bib, use_cache=use_cache, skip_bad_entries=skip_bad)


def source_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add --cv/--bib to a command and hand it a `sources: Sources` argument instead; its
    slow steps show on a progress line (on a terminal, unless --quiet)."""

    @click.option(
        "--cv",
        "cv_path",
        type=click.Path(path_type=Path),
        help="The career data [default: ./cv.yaml].",
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
    @click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="No progress line for slow steps (shown only on a terminal, after 2 s).",
    )
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        cv_path: Path | None,
        bib_path: Path | None,
        no_cache: bool,
        skip_bad_entries: bool,
        quiet: bool,
        **kwargs: Any,
    ) -> Any:
        sources = _sources(cv_path, bib_path, not no_cache, skip_bad_entries)
        with progress_line(quiet):
            return func(*args, sources=sources, **kwargs)

    return wrapper
