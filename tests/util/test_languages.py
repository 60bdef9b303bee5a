"""A language's code from what people write, and the language of a text from its script."""

from __future__ import annotations

import pytest

from cvgen.util.languages import (
    langid,
    language_code,
    language_of_script,
    primary,
    same_language,
    script_of,
    writes_in_script,
)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("ngerman", "de"),  # babel's name, as a .bib's langid gives it
        ("German", "de"),  # the English name, as a .bib's language or cv.yaml gives it
        ("de", "de"),
        ("pt_BR", "pt-BR"),
        ("zh-hans", "zh-Hans"),
        ("Hebrew", "he"),
        ("  ", None),
        (None, None),
        ("Klingonish", None),
    ],
)
def test_language_code_reads_babel_english_and_bcp47_names(written, code):
    assert language_code(written) == code


def test_primary_and_same_language_ignore_the_region():
    assert primary("pt-BR") == "pt"
    assert same_language("en-US", "en")
    assert not same_language("he", "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("רשתות עצביות", "he"),
        ("Neural networks", "en"),
        ("Нейронные сети", "ru"),
        ("Нейронні мережі та їх", "uk"),  # a Ukrainian letter makes Cyrillic Ukrainian
        ("شبكه های عصبی پیچیده", "fa"),  # a Persian letter makes Arabic Persian
        ("الشبكات العصبية", "ar"),
        ("神経回路のモデル", "ja"),  # kana make the Chinese characters Japanese
        ("神经网络", "zh"),
        ("2026–2027", None),
    ],
)
def test_the_language_of_a_text_is_its_scripts(text, language):
    assert language_of_script(text) == language


def test_a_mixed_text_takes_the_script_most_of_its_letters_are_in():
    assert language_of_script("Spikes in רשתות עצביות גדולות") == "he"
    assert language_of_script("Spikes", latin="") == ""


def test_writes_in_script_tells_a_hebrew_talks_english_title():
    assert writes_in_script("de", "Neuronale Netze")
    assert not writes_in_script("he", "Neural networks")
    assert writes_in_script("uk", "Нейронные сети")  # the script Russian and Ukrainian share
    assert writes_in_script("he", "2026")  # no letters: any language
    assert script_of("he") == "he"
    assert script_of("fr") == "latin"


@pytest.mark.parametrize(
    ("code", "name"), [("de", "german"), ("en", "english"), ("he", "hebrew"), ("tlh", "tlh")]
)
def test_langid_is_a_name_biblatex_knows_and_language_code_reads_back(code, name):
    assert langid(code) == name
    if name != code:
        assert language_code(langid(code)) == code
