"""Languages (words/): the shipped languages, no English left in a CV of another language, a
user's own language and a design's words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.compose.context import Context, Settings
from cvgen.model import CV, SECTION_NAMES
from cvgen.util.dates import Date
from cvgen.words import WORDS_DIR, flat, load_words, read_table, shipped_languages
from tests.support.html_doc import parse, visible_text
from tests.support.projects import small_project
from tests.support.rendering import listing, render
from tests.support.tree_words import data_words, words

OTHER_LANGUAGES = [code for code in shipped_languages() if code != "en"]


def everything(cv: CV) -> CV:
    return cv.model_copy(update={"data": cv.data.model_copy(update={"sections": []})})


def test_cvgen_ships_the_languages_the_issue_asks_for() -> None:
    assert set(shipped_languages()) >= {"en", "en-US", "de", "fr", "es", "it", "pt", "nl", "he"}


def _locale_words(code: str, cv: CV) -> set[str]:
    """What a CV in `code` may say besides the user's data: its own phrases and the month
    names of its locale (as the CV prints them), digits aside."""
    table = load_words(code)
    own = [value for _, value in flat(read_table(WORDS_DIR / f"{code}.yaml"))]
    months = [table.date(Date(2000, m), short=short) for m in range(1, 13) for short in (1, 0)]
    return {w for text in [*map(str, own), *months] for w in words(text)} | data_words(cv)


# Chinese characters and kana one by one (no spaces part their words), other letters in runs.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_TOKEN = re.compile(f"[{_CJK}]|[^\\W\\d_{_CJK}]+")


def _undigited(found: Iterable[str]) -> set[str]:
    """The words without their digits ('2019년' is '년', '120명' is '명'), Chinese and
    Japanese ones character by character ('Dahlと共同指導' is dahl, と, 共, 同, 指, 導)."""
    return {token for word in found for token in _TOKEN.findall(word)}


def _reference_words(code: str, cv: CV) -> set[str]:
    """The words references in another language than the CV's bring in their own language
    (an English paper's 'pp.' and 'April' in a Russian CV): their citation phrases and
    months."""
    ctx = Context(Settings(words=load_words(code)))
    found: set[str] = set()
    for language in {ctx.language_of(pub.language, pub.title) for pub in cv.publications}:
        if language is not None:
            table = ctx.words_in(language)
            citation = [str(v) for key, v in flat(table.table) if key.startswith("citation.")]
            months = [table.date(Date(2000, m), short=False) for m in range(1, 13)]
            found |= {w for text in [*citation, *months] for w in words(text)}
    return found


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_no_english_is_left_in_a_cv_of_another_language(code: str, example_cv: CV) -> None:
    """Every word of the page and of the Markdown list is the user's or the locale's: no
    English heading, label or month name is left behind."""
    cv = everything(example_cv)
    settings = {"words": load_words(code)}
    page = parse(render(cv, "html", **settings))
    text = visible_text(page) + " " + page.find("title").text()
    allowed = _undigited(_locale_words(code, cv) | _reference_words(code, cv))
    assert _undigited(words(text)) - allowed == set()
    markdown = re.sub(r"</?(u|sup)>", "", listing(cv, "markdown", list(SECTION_NAMES), **settings))
    assert _undigited(words(markdown)) - allowed == set()


# --- right to left -------------------------------------------------------------------------


# --- a language of one's own ------------------------------------------------------------------


def test_a_user_adds_a_language_with_one_file(tmp_path: Path, small_sources) -> None:
    assert "is" not in shipped_languages()  # Icelandic: a language cvgen does not ship
    cv = small_project(tmp_path, small_sources, "design: {locale: is}\n")
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "is.yaml").write_text(
        "language: is\nsections: {education: Menntun}\nthesis: 'Ritgerð: {title}'\n",
        encoding="utf-8",
    )
    out = tmp_path / "cv.html"
    result = CliRunner().invoke(main, ["html", "--cv", str(cv), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<html lang="is"' in page and "<h2>Menntun</h2>" in page
    assert "Ritgerð: <i>Spin glasses &amp; learning</i>" in page
    assert "<h2>Publications</h2>" in page  # what the file leaves out stays English
    assert "2017" in page and "júní 2017" in page  # Icelandic months, from CLDR


def test_design_words_adjusts_a_shipped_language(tmp_path: Path, small_sources) -> None:
    cv = small_project(tmp_path, small_sources, "design: {locale: de, words: mine.yaml}\n")
    (tmp_path / "mine.yaml").write_text("sections: {teaching: Lehrtätigkeit}\n", "utf-8")
    out = tmp_path / "cv.html"
    result = CliRunner().invoke(main, ["html", "--cv", str(cv), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<h2>Lehrtätigkeit</h2>" in page and "<h2>Drittmittel</h2>" in page
