"""Where a command's output goes (cli/output.py): the file `-o` names, output/NAME beside
cv.yaml by default (checked: see build/targets.py), or stdout for `-o -`, binary included
when stdout is not a terminal; each file said on stderr, stdout left to the content."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.build.request import Request
from cvgen.build.targets import Target
from cvgen.cli import main
from cvgen.cli.output import is_stdout, output_target, produce
from cvgen.files.project import ConfinementError
from cvgen.load.sources import Sources
from tests.support.projects import small_project


def test_produce_writes_the_pdf(small_sources: Sources, tmp_path: Path) -> None:
    out = tmp_path / "cv.pdf"
    plan = produce(small_sources, Request(), "weasyprint", Target(out))
    assert out.read_bytes().startswith(b"%PDF-")
    assert plan.options.theme is not None and plan.options.theme.name == "classic"


def test_the_default_is_output_beside_cv_yaml_and_not_typed(tmp_path: Path) -> None:
    sources = Sources(cv=tmp_path / "mycv" / "cv.yaml")
    assert output_target(None, sources, "cv.pdf") == Target(
        tmp_path / "mycv" / "output" / "cv.pdf", typed=False
    )
    typed = output_target(Path("elsewhere.pdf"), sources, "cv.pdf")
    assert typed == Target(Path("elsewhere.pdf")) and not is_stdout(typed)
    assert is_stdout(output_target(Path("-"), sources, "cv.pdf"))


def test_a_default_output_linked_out_of_the_cvs_folder_is_refused(
    small_sources: Sources, tmp_path: Path
) -> None:
    project, away = tmp_path / "cv", tmp_path / "away"
    project.mkdir()
    away.mkdir()
    cv = small_project(project, small_sources)
    (project / "output").symlink_to(away, target_is_directory=True)
    with pytest.raises(ConfinementError, match="leads out of the folder of"):
        produce(Sources(cv=cv), Request(), "latex", output_target(None, Sources(cv=cv), "cv.tex"))
    assert list(away.iterdir()) == []


def test_dash_sends_text_and_binary_to_stdout_and_writes_nothing(
    small_sources: Sources, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    tex = runner.invoke(main, ["latex", "--cv", str(small_sources.cv), "-o", "-"])
    assert tex.exit_code == 0, tex.output
    assert tex.stdout.startswith("\\documentclass") and "Wrote" not in tex.stdout
    word = runner.invoke(main, ["docx", "--cv", str(small_sources.cv), "-o", "-"])
    assert word.exit_code == 0, word.output
    assert word.stdout_bytes.startswith(b"PK")  # stdout is no terminal here
    assert list(tmp_path.iterdir()) == []


def test_dash_never_overwrites_an_input_but_a_named_input_is_refused(
    small_sources: Sources, tmp_path: Path
) -> None:
    cv = small_project(tmp_path, small_sources)
    before = cv.read_bytes()
    result = CliRunner().invoke(main, ["html", "--cv", str(cv), "-o", str(cv)])
    assert result.exit_code == 1
    assert "would overwrite the CV data" in result.output
    assert cv.read_bytes() == before
