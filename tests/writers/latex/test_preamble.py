"""The LaTeX preamble (writers/latex/preamble.py): the theme's fonts for pdflatex, fonts and
languages beyond them only where the text needs them, and the colours."""

from __future__ import annotations

import pytest

from cvgen.themes import load_theme
from cvgen.writers.latex.preamble import colours, fonts, languages
from tests.support.rendering import THEMES


@pytest.mark.parametrize("name", THEMES)
def test_pdflatex_gets_the_themes_family_and_copyable_text(name: str) -> None:
    theme = load_theme(name)
    text = fonts(theme)
    assert theme.config.fonts.pdflatex in text
    assert "\\pdfgentounicode=1" in text and text.index("\\ifPDFTeX") < text.index("\\fi")


def test_a_latin_english_cv_needs_nothing_more_and_greek_and_hebrew_do() -> None:
    assert languages("plain text", load_theme(), "en", "ltr") == ""
    more = languages("Γεια and שלום", load_theme(), "he", "rtl")
    assert "\\ifLuaTeX" in more and "\\usepackage{fontspec}" in more
    assert "NotoSerif-Regular.ttf" in more  # the Greek fallback font


def test_colours_are_the_themes_with_the_designs_accent() -> None:
    text = colours(load_theme(), "#123456")
    assert "\\definecolor{cvaccent}{rgb}{0.07,0.20,0.34}" in text
    assert "\\definecolor{cvtext}{gray}{0.00}" in text
    assert colours(load_theme(), None) != text
