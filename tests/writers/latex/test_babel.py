"""babel's set-up for the languages a CV and its references are in."""

from __future__ import annotations

from cvgen.themes import load_theme
from cvgen.writers.latex.babel import (
    babel_name,
    foreign_language,
    lua_babel,
    plain_babel,
    used_languages,
)


def test_babel_names_of_bcp47_tags():
    assert babel_name("pt-BR") == "portuguese"
    assert babel_name("zh-TW") == "chinese-traditional"
    assert babel_name("he") == "hebrew"
    assert babel_name("tlh") is None


def test_a_run_in_a_language_babel_does_not_know_is_set_as_the_text_around():
    assert foreign_language("de", "Netze") == r"\foreignlanguage{german}{Netze}"
    assert foreign_language("tlh", "Qapla'") == "Qapla'"


def test_used_languages_are_the_named_ones_then_those_the_characters_call_for():
    body = r"\foreignlanguage{ngerman}{Netze} רשתות 神経のモデル"
    assert used_languages(body) == ["ngerman", "hebrew", "japanese"]


def test_plain_babel_loads_the_cvs_language_and_the_named_ones():
    body = r"\foreignlanguage{ngerman}{Netze} \foreignlanguage{french}{Réseaux}"
    assert plain_babel("english", body) == [
        r"\usepackage{babel}",
        r"\babelprovide[import,main]{english}",
        r"\babelprovide[import]{ngerman}",
        r"\babelprovide[import]{french}",
    ]
    assert plain_babel(None, "plain text") == []


def test_lua_babel_sets_right_to_left_with_the_themes_hebrew_font(tmp_path):
    theme = load_theme("classic", tmp_path)
    lines = lua_babel("hebrew", "rtl", r"\foreignlanguage{english}{Spikes}", theme, "Ligatures=TeX")
    text = "\n".join(lines)
    assert r"\usepackage[bidi=basic,layout=lists.tabular]{babel}" in text
    assert r"\babelprovide[import,main,onchar=ids fonts]{hebrew}" in text
    assert theme.config.fonts.hebrew in text
    assert r"\providecommand{\cvltr}" in text  # number ranges held left to right


def test_lua_babel_is_not_needed_for_a_latin_cv_without_other_scripts(tmp_path):
    theme = load_theme("classic", tmp_path)
    assert lua_babel("english", "ltr", r"\foreignlanguage{ngerman}{Netze}", theme, "") == []
