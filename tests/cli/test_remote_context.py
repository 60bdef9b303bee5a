"""What `cvgen import`, `sync` and `metrics` share (cli/remote_context.py): the inputs found
from --cv/--bib, the contact address, and the progress bar."""

from __future__ import annotations

import io
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cvgen.cli.remote_context import PROGRESS_FROM, RemoteContext, import_options, progress


@click.command()
@import_options
def context_of(context: RemoteContext, dry_run: bool, include_preprints: bool) -> None:
    click.echo(
        f"{context.cv_path} {context.bib_path} {context.owner} {dry_run} {include_preprints}"
    )


def test_the_bib_is_the_one_cv_yaml_names_beside_it(tmp_path: Path) -> None:
    cv = tmp_path / "cv.yaml"
    cv.write_text("person: {name: Ada Example}\npublications: {bib: mine.bib}\n", "utf-8")
    result = CliRunner().invoke(context_of, ["--cv", str(cv), "--dry-run"])
    assert result.output == f"{cv} {tmp_path / 'mine.bib'} Ada Example True False\n"


def test_without_cv_yaml_only_a_bib_may_be_imported_into(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(context_of, ["--bib", "x.bib"])
    assert result.output == "cv.yaml x.bib None False False\n"
    result = CliRunner().invoke(context_of, [])
    assert result.exit_code == 1
    assert (
        "cv.yaml not found here or in a folder above: give --cv PATH, run `cvgen init` to "
        "start one, or give --bib FILE to import without it"
    ) in str(result.exception)


def test_a_cv_without_an_email_is_told_its_requests_are_anonymous(capsys) -> None:
    context = RemoteContext(Path("cv.yaml"), None, Path("x.bib"))
    assert context.is_own() is None and context.sources.dblp is None
    with context.client():
        pass
    assert "no person.email in cv.yaml" in capsys.readouterr().err


@pytest.mark.parametrize("count", [PROGRESS_FROM - 1, PROGRESS_FROM + 2])
def test_progress_yields_every_item_with_a_bar_only_for_many(count: int, monkeypatch) -> None:
    stderr = io.StringIO()
    monkeypatch.setattr("sys.stderr", stderr)
    items = list(range(count))
    assert list(progress(items, "Fetching")) == items
    assert ("Fetching" in stderr.getvalue()) == (count >= PROGRESS_FROM)
