"""`cvgen latex`: the source it writes, and the CV's date from the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cvgen.build.presentation import name_style
from cvgen.cli import main
from cvgen.load.cv import load_or_fail
from tests.support.rendering import render


def test_the_cv_date_from_the_command_line(small_sources, tmp_path: Path) -> None:
    out = tmp_path / "cv.tex"
    args = ["latex", "--cv", str(small_sources.cv), "--as-of", "2024-05", "-o", str(out)]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert r"\newcommand*{\cvupdated}{Updated May 2024}" in out.read_text(encoding="utf-8")


def test_latex_command_writes_the_source(small_sources, tmp_path: Path) -> None:
    out = tmp_path / "cv.tex"
    args = ["latex", "--cv", str(small_sources.cv), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    cv = load_or_fail(small_sources)[0]
    assert out.read_text(encoding="utf-8") == render(cv, "latex", names=name_style(cv))
