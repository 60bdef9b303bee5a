"""Options shared by every command that reads the user's data (--cv, --bib)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from cvgen.load.cv import Sources
from cvgen.resources import example_dir
from cvgen.select import Selection


def _sources(cv: Path | None, bib: Path | None) -> Sources:
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
    return Sources(cv=cv, bib=bib)


def source_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add --cv/--bib to a command and hand it a `sources: Sources` argument instead."""

    @click.option(
        "--cv",
        "cv_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="The career data [default: ./cv.yaml].",
    )
    @click.option(
        "--bib",
        "bib_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="The BibTeX file [default: publications.bib beside cv.yaml, or as cv.yaml says].",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, cv_path: Path | None, bib_path: Path | None, **kwargs: Any) -> Any:
        return func(*args, sources=_sources(cv_path, bib_path), **kwargs)

    return wrapper


def echo_warnings(problems: list) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def document_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--cv/--bib plus the selection options; the command receives `sources` and `selection`.

    Every command that renders the CV (pdf, latex, html, bio, filter) uses this decorator, so
    a new selection option added here reaches all of them at once.
    """

    @click.option(
        "--sections",
        "sections",
        help="Comma-separated sections to include, in order (e.g. education,publications).",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, sections: str | None, **kwargs: Any) -> Any:
        names = tuple(s.strip() for s in (sections or "").split(",") if s.strip())
        return func(*args, selection=Selection(sections=names), **kwargs)

    return source_options(wrapper)
