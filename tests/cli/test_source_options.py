"""--cv, --bib, --no-cache and --skip-bad-entries (cli/source_options.py)."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from cvgen.cli.source_options import source_options
from tests.support.paths import ROOT


@click.command()
@source_options
def sources_of(sources) -> None:
    click.echo(f"{sources.cv} {sources.bib} {sources.use_cache} {sources.skip_bad_entries}")


def test_given_files_and_switches_become_the_sources() -> None:
    args = ["--cv", "a/cv.yaml", "--bib", "b.bib", "--no-cache", "--skip-bad-entries"]
    result = CliRunner().invoke(sources_of, args)
    assert result.output == "a/cv.yaml b.bib False True\n"


def test_cv_yaml_here_is_used_else_the_example_with_a_notice(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(sources_of, [])
    assert result.stdout.split()[0] == str(ROOT / "cv.yaml")
    assert "Example CV — run `cvgen init` to start your own (no cv.yaml in this folder" in (
        result.stderr
    )
    (tmp_path / "cv.yaml").write_text("person: {name: A}\n", encoding="utf-8")
    result = CliRunner().invoke(sources_of, [])
    assert result.stdout.split()[0] == "cv.yaml" and result.stderr == ""
