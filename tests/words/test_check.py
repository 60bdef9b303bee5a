"""Words files checked (words/check.py): every shipped one complete and sound, a user's with
file and line."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.words import WORDS_DIR, flat, read_table, shipped_languages
from cvgen.words.check import check_words_file, reference
from tests.support.projects import small_project
from tests.support.tree_words import TRANSLATED


@pytest.mark.parametrize("code", shipped_languages())
def test_each_shipped_words_file_is_sound_and_complete(code: str) -> None:
    path = WORDS_DIR / f"{code}.yaml"
    assert check_words_file(path) == []
    own = {key for key, _ in flat(read_table(path))}
    missing = set(reference()) - own
    assert missing & TRANSLATED == set(), f"{code}.yaml lacks {sorted(missing & TRANSLATED)}"
    if missing:  # keys added to en.yaml since: they fall back to English until translated
        warnings.warn(f"{code}.yaml lacks {', '.join(sorted(missing))}", stacklevel=1)


def test_a_words_file_is_checked_with_file_and_line(tmp_path: Path, small_sources) -> None:
    cv = small_project(tmp_path, small_sources, "design: {locale: sv}\n")
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "sv.yaml").write_text(
        "language: sv\nsections:\n  educaton: Utbildning\n"
        "furniture:\n  page_of: 'Sida {page} av {total}'\ndirection: up\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["latex", "--cv", str(cv), "-o", str(tmp_path / "x.tex")])
    assert result.exit_code == 1
    assert "sv.yaml:3: sections.educaton: unknown key" in result.output
    assert "did you mean 'sections.education'?" in result.output
    assert "sv.yaml:5: furniture.page_of: must use {page}, {pages}" in result.output
    assert "sv.yaml:6: direction: must be ltr or rtl" in result.output
    assert not (tmp_path / "x.tex").exists()
