"""What `cvgen import`, `cvgen sync` and `cvgen metrics` share: the inputs, a polite HTTP
client, a progress bar, and the import itself (survey, report, append).

cv.yaml is optional for an import (`--bib` alone will do): it supplies the contact address for
the polite pool, the owner's name, and the configured sources.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from cvgen.cli.source_options import default_cv
from cvgen.errors import CvgenError, fail_on_errors
from cvgen.load.sources import CV_FILE, Sources
from cvgen.model import CvData, PublicationSources
from cvgen.remote.http import Client
from cvgen.remote.importing import Source
from cvgen.util.characters import terminal_safe

T = TypeVar("T")
PROGRESS_FROM = 3  # items: fewer finish before a bar would be seen


@dataclass(frozen=True)
class RemoteContext:
    cv_path: Path
    data: CvData | None
    bib_path: Path

    @property
    def sources(self) -> PublicationSources:
        return self.data.publications.sources if self.data else PublicationSources()

    @property
    def owner(self) -> str | None:
        return self.data.person.name if self.data else None

    def is_own(self):
        from cvgen.load.cv import authored_by

        return authored_by(self.data) if self.data else None

    def client(self) -> Client:
        email = self.data.person.email if self.data else None
        if not email:
            click.echo(
                "note: no person.email in cv.yaml, so requests go without a contact address "
                "(Crossref and OpenAlex serve those more slowly)",
                err=True,
            )
        return Client(email)


def context_for(cv: Path | None, bib: Path | None = None) -> RemoteContext:
    from cvgen.load.cv_yaml import load_cv_yaml

    cv_path = cv or default_cv() or Path(CV_FILE)
    if not cv_path.exists():
        if cv is not None or bib is None:
            raise CvgenError(
                f"{cv_path} not found here or in a folder above: give --cv PATH, run "
                "`cvgen init` to start one, or give --bib FILE to import without it"
            )
        return RemoteContext(cv_path, None, bib)
    data, problems = load_cv_yaml(cv_path)
    fail_on_errors(problems)
    assert data is not None
    return RemoteContext(cv_path, data, Sources(cv_path, bib).bib_path(data))


def remote_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--cv/--bib; the command receives `context: RemoteContext`."""

    @click.option(
        "--cv",
        "cv_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="The career data [default: cv.yaml here or in the nearest folder above].",
    )
    @click.option(
        "--bib",
        "bib_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="The BibTeX file [default: publications.bib beside cv.yaml, or as cv.yaml says].",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, cv_path: Path | None, bib_path: Path | None, **kwargs: Any) -> Any:
        return func(*args, context=context_for(cv_path, bib_path), **kwargs)

    return wrapper


def import_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--cv/--bib plus --dry-run and --include-preprints."""
    func = click.option(
        "--include-preprints",
        is_flag=True,
        help="Also add preprints whose published version is in the .bib or in this import.",
    )(func)
    func = click.option(
        "--dry-run", is_flag=True, help="Print the entries that would be added; change nothing."
    )(func)
    return remote_options(func)


def progress(items: Sequence[T], label: str) -> Iterator[T]:
    """A progress bar on stderr for the slow part of an import (one request per record)."""
    if len(items) < PROGRESS_FROM:
        yield from items
        return
    with click.progressbar(items, label=label, file=sys.stderr) as bar:
        yield from bar


def run_import(
    context: RemoteContext,
    sources: list[Source],
    heading: str,
    dry_run: bool,
    include_preprints: bool,
) -> None:
    """Survey the sources, report, and append the new entries (or print them, dry run)."""
    from datetime import date

    from cvgen.remote.bibfile import append_entries, read_bib
    from cvgen.remote.dedup import IgnoreList
    from cvgen.remote.importing import additions, entries_text, survey
    from cvgen.remote.report import addition_lines, preprint_lines, survey_line

    def say(line: str) -> None:  # a dry run's stdout is the BibTeX; titles are the services'
        click.echo(terminal_safe(line), err=dry_run)

    bib = read_bib(context.bib_path)
    if bib.unreadable:
        click.echo(
            f"warning: {bib.unreadable} entries of {bib.path} cannot be read (see cvgen check); "
            "duplicates of them are not recognised",
            err=True,
        )
    ignore = IgnoreList(context.sources.ignore)
    with context.client() as client:
        surveys = survey(client, sources, bib, ignore, include_preprints, progress)
        for found in surveys:
            say(survey_line(found, bib.path.name))
            for line in preprint_lines(found):
                say(line)
        added = additions(client, surveys, bib, progress)
    for source in sources:
        for warning in source.warnings:
            click.echo(terminal_safe(f"warning: {warning}"), err=True)
    for line in addition_lines(added):
        say(line)
    if not added:
        say(f"Nothing to add: {bib.path} already has every paper found.")
        return
    text = entries_text(added, f"Added by `{heading}` on {date.today().isoformat()}")
    count = f"{len(added)} entr{'y' if len(added) == 1 else 'ies'}"
    if dry_run:
        click.echo(terminal_safe(text), nl=False)
        say(f"Dry run: {bib.path} not changed ({count} would be added).")
        return
    append_entries(bib, text)
    say(f"Added {count} to {bib.path}.")
