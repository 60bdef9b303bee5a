"""Word themes (writers/docx/theme.py): classic is the theme without a folder."""

from __future__ import annotations

from cvgen.writers import WriteOptions
from cvgen.writers.docx.theme import word_theme
from cvgen.writers.docx.writer import word_theme_for


def test_classic_is_the_theme_without_a_folder() -> None:
    assert word_theme_for(WriteOptions()).styles == word_theme().styles
    assert word_theme().colour("accent") == "#1c4d85"
