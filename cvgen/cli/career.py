"""What `cvgen import orcid --career`, `cvgen import jsonresume` and `cvgen init --from-orcid`
share: adding a proposal to cv.yaml (or starting one), saying what was added and what not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
import yaml

from cvgen.errors import CvgenError
from cvgen.files.atomic import write_atomic
from cvgen.load.cv_additions import Result, add_to_cv_yaml

NEW_CV_HEADER = (
    "# yaml-language-server: $schema=./cv.schema.json\n"
    "# Your career, once. Every section is optional except `person`; run `cvgen check` after "
    "edits.\n"
)
# The order a new cv.yaml lists its sections in, as the starter does.
ORDER = (
    "person bio research_interests research_statement education appointments awards grants "
    "students teaching service talks press custom publications"
).split()


def ordered(proposal: dict) -> dict:
    rank = {name: index for index, name in enumerate(ORDER)}
    return dict(sorted(proposal.items(), key=lambda pair: rank.get(pair[0], len(ORDER))))


def _say_result(result: Result, where: str, notes: list[str]) -> None:
    for note in notes:
        click.echo(f"note: {note}", err=True)
    for refused in result.refused:
        click.echo(f"warning: not added: {refused}", err=True)
    already = f"; {result.already} already there" if result.already else ""
    click.echo(f"{where}: {len(result.added)} additions{already}", err=True)


def add_to_cv(cv_path: Path, proposal: dict, source: str, notes: list[str], dry_run: bool) -> None:
    """Add what cv.yaml lacks of `proposal`; with `dry_run`, print it instead (YAML on stdout)."""
    try:
        text = cv_path.read_text(encoding="utf-8")
    except OSError as error:
        raise CvgenError(f"cannot read {cv_path}: {error.strerror}") from None
    comment = f"Added by `{source}` on {date.today().isoformat()}"
    result = add_to_cv_yaml(text, ordered(proposal), comment)
    _say_result(result, str(cv_path), notes)
    if dry_run:
        for item in result.added:
            click.echo(f"# {item.describe()}")
            click.echo(yaml.safe_dump(item.value, allow_unicode=True, sort_keys=False), nl=False)
        click.echo(f"Dry run: {cv_path} not changed.", err=True)
        return
    if result.added:
        write_atomic(cv_path, result.text)


def new_cv(
    cv_path: Path, proposal: dict, source: str, notes: list[str], dry_run: bool = False
) -> None:
    """Write a new cv.yaml holding `proposal` (which must name the person); with `dry_run`,
    print it."""
    person = proposal.get("person")
    if not isinstance(person, dict) or not person.get("name"):  # before cv.yaml's own check
        raise CvgenError(f"{source} gave no person's name to start a cv.yaml with")
    comment = f"From `{source}` on {date.today().isoformat()}"
    result = add_to_cv_yaml("", ordered(proposal), comment)
    _say_result(result, str(cv_path), notes)
    text = NEW_CV_HEADER + result.text.lstrip("\n")
    if dry_run:
        click.echo(text, nl=False)
        click.echo(f"Dry run: {cv_path} not written.", err=True)
        return
    write_atomic(cv_path, text)
    click.echo(f"Wrote {cv_path}", err=True)
