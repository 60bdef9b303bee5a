"""`cvgen init`'s starter shows every section with one example, and is valid as written and
with every example uncommented; in an empty folder, init, check and pdf all succeed."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from cvgen.cli import main
from cvgen.files.shipped import starter_dir
from cvgen.load.cv_yaml import load_cv_yaml
from cvgen.model import SECTION_NAMES

# A commented example: '# ' before a key or a list item (prose comments are sentences).
_EXAMPLE = re.compile(r"^(\s*)# (?=\s*(?:- |[a-z_]+:))")
STARTER = starter_dir() / "cv.yaml"


def uncommented(text: str) -> str:
    return "\n".join(_EXAMPLE.sub(r"\1", line) for line in text.splitlines()) + "\n"


def _check(folder: Path) -> str:
    result = CliRunner().invoke(main, ["check", "--cv", str(folder / "cv.yaml")])
    assert result.exit_code == 0, result.output
    return result.output


def _started(tmp_path: Path) -> Path:
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    return tmp_path


def test_the_starter_checks_clean_as_written(tmp_path: Path) -> None:
    output = _check(_started(tmp_path))
    assert "warning" not in output


def test_the_starter_checks_clean_with_every_example_uncommented(tmp_path: Path) -> None:
    folder = _started(tmp_path)
    text = uncommented((folder / "cv.yaml").read_text(encoding="utf-8"))
    assert text.count("\n# ") < 12  # what is left commented is prose
    (folder / "cv.yaml").write_text(text, encoding="utf-8")
    output = _check(folder)
    assert [
        line for line in output.splitlines() if "warning" in line and "passed" not in line
    ] == []
    data, _ = load_cv_yaml(folder / "cv.yaml")
    assert data is not None
    empty = [name for name in SECTION_NAMES if name != "personal_details" and not _has(data, name)]
    assert empty == []


def _has(data, name: str) -> bool:
    if name in ("publications", "patents"):
        return data.publications.bib is not None
    if name == "administration":
        return any(job.kind == "administrative" for job in data.appointments)
    return bool(getattr(data, name))


def test_each_section_has_exactly_one_example() -> None:
    keys = re.findall(r"^#? ?([a-z_]+):", STARTER.read_text(encoding="utf-8"), flags=re.M)
    shown = [name for name in SECTION_NAMES if name not in ("personal_details", "administration")]
    shown = [name for name in shown if name not in ("publications", "patents")]
    assert [name for name in shown if keys.count(name) != 1] == []


def test_init_check_and_pdf_in_an_empty_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["init"]).exit_code == 0
    check = runner.invoke(main, ["check"])
    assert check.exit_code == 0, check.output
    pdf = runner.invoke(main, ["pdf"])
    assert pdf.exit_code == 0, pdf.output
    assert (tmp_path / "output" / "cv.pdf").read_bytes().startswith(b"%PDF")
