"""Every bad input in tests/data/bad gives its exact located message, the right exit status,
and never a traceback. Each case folder holds cv.yaml and/or publications.bib (the missing one
is a valid default) and expected.txt: an optional 'exit: N' line, then message lines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main

BAD = Path(__file__).parent / "data" / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())


def _prepare(case: str, tmp_path: Path) -> tuple[list[str], int]:
    source = BAD / case
    for item in source.iterdir():
        target = tmp_path / item.name
        if item.is_dir():
            shutil.copytree(item, target)
        else:
            shutil.copy(item, target)
    if not (tmp_path / "cv.yaml").exists():
        shutil.copy(BAD / "_valid.yaml", tmp_path / "cv.yaml")
    if not (tmp_path / "publications.bib").exists():
        shutil.copy(BAD / "_valid.bib", tmp_path / "publications.bib")
    lines = (source / "expected.txt").read_text(encoding="utf-8").splitlines()
    exit_code = 1
    if lines and lines[0].startswith("exit:"):
        exit_code = int(lines.pop(0).split(":")[1])
    return lines, exit_code


def test_corpus_is_substantial() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_reported_exactly(case: str, tmp_path: Path, monkeypatch) -> None:
    expected, exit_code = _prepare(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    bib_args = [] if case == "bib_missing_file" else ["--bib", "publications.bib"]
    result = CliRunner().invoke(main, ["check", "--cv", "cv.yaml", *bib_args])
    output = result.output
    assert result.exit_code == exit_code, output
    assert "Traceback" not in output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    for line in expected:
        assert line in output, f"expected {line!r} in:\n{output}"
    if exit_code == 1:
        assert "nothing was written" in output
