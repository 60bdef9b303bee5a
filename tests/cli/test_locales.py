"""`cvgen locales`: each language with its name in itself and in English, and its direction;
the user's own words files too, checked before they are read."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cvgen.cli import main
from cvgen.words import shipped_languages


def _rows(output: str) -> dict[str, list[str]]:
    return {line.split()[0]: line.split() for line in output.splitlines()}


def test_cvgen_locales_lists_each_shipped_language_with_its_direction(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["locales", "--cv", str(tmp_path / "cv.yaml")])
    assert result.exit_code == 0, result.output
    rows = _rows(result.output)
    assert sorted(rows) == shipped_languages()
    assert len(rows) >= 22
    assert rows["he"][-1] == "rtl" and rows["ar"][-1] == "rtl" and rows["fa"][-1] == "rtl"
    assert rows["de"][1:] == ["Deutsch", "German", "ltr"]
    assert "עברית" in rows["he"]


def test_a_users_words_file_is_listed_and_checked(tmp_path: Path) -> None:
    words = tmp_path / "words"
    words.mkdir()
    (words / "eo.yaml").write_text("language: eo\nsections: {education: Edukado}\n", "utf-8")
    result = CliRunner().invoke(main, ["locales", "--cv", str(tmp_path / "cv.yaml")])
    assert result.exit_code == 0, result.output
    assert "eo" in _rows(result.output)
    (words / "xx.yaml").write_text("language: xx\nsections: {no_such_section: X}\n", "utf-8")
    result = CliRunner().invoke(main, ["locales", "--cv", str(tmp_path / "cv.yaml")])
    assert result.exit_code == 1
    assert "xx.yaml" in result.output
