"""`cvgen html`: the page and its fragment, with templates beside cv.yaml."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from cvgen.cli import main
from tests.support.html_doc import parse


def test_cli_writes_page_and_fragment(small_sources, tmp_path: Path, monkeypatch):
    runner = CliRunner()
    shutil.copy(small_sources.cv, tmp_path / "cv.yaml")
    shutil.copy(small_sources.bib, tmp_path / "publications.bib")
    monkeypatch.chdir(tmp_path)
    with runner.isolated_filesystem(temp_dir=tmp_path):
        result = runner.invoke(main, ["html", "--cv", "../cv.yaml"])
        assert result.exit_code == 0, result.output
        page = Path("../output/cv.html").read_text(encoding="utf-8")  # beside cv.yaml
        assert page.startswith("<!DOCTYPE html>")
        result = runner.invoke(
            main, ["html", "--cv", str(small_sources.cv), "--fragment", "-o", "-"]
        )
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("<article")
        args = ["html", "--cv", str(small_sources.cv), "-o", "x/cv.html", "--sections", "talks"]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        sections = [s.get("id") for s in parse(Path("x/cv.html").read_text()).iter("section")]
        assert sections == ["talks"]


def test_cli_uses_templates_next_to_cv_yaml(small_sources, tmp_path: Path):
    for source in (small_sources.cv, small_sources.bib):
        shutil.copy(source, tmp_path / source.name)
    (tmp_path / "templates" / "html").mkdir(parents=True)
    (tmp_path / "templates" / "html" / "cv.css").write_text("body { color: rebeccapurple; }\n")
    out = tmp_path / "cv.html"
    args = ["html", "--cv", str(tmp_path / "cv.yaml"), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "rebeccapurple" in out.read_text() and "prefers-color-scheme" not in out.read_text()
