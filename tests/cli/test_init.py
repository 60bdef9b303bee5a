"""`cvgen init`: a valid starter that never overwrites."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cvgen.cli import main


def test_init_writes_valid_starter_and_refuses_to_overwrite(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "mycv"
    assert runner.invoke(main, ["init", str(target)]).exit_code == 0
    check = runner.invoke(main, ["check", "--cv", str(target / "cv.yaml")])
    assert check.exit_code == 0, check.output
    again = runner.invoke(main, ["init", str(target)])
    assert again.exit_code == 1
    assert "not overwriting" in again.output
