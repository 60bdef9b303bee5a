"""Languages: every shipped words file complete and sound, each locale's CV free of English,
amounts and dates from the locale library, Hebrew right to left, a user's own language."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from html_doc import parse, visible_text
from rendering import listing, render
from test_document import data_words, words

from cvgen.cli import main
from cvgen.compose import Settings, compose
from cvgen.model import CV, SECTION_NAMES, Author
from cvgen.themes import load_theme
from cvgen.util.dates import Date
from cvgen.words import WORDS_DIR, flat, load_words, read_table, shipped_languages
from cvgen.words.check import check_words_file, reference
from cvgen.writers.pdf.tex import run_tex

DATA = Path(__file__).resolve().parent / "data"
TRANSLATED = {
    line.strip()
    for line in (DATA / "words" / "translated-keys.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
OTHER_LANGUAGES = [code for code in shipped_languages() if code != "en"]


def everything(cv: CV) -> CV:
    return cv.model_copy(update={"data": cv.data.model_copy(update={"sections": []})})


def test_cvgen_ships_the_languages_the_issue_asks_for() -> None:
    assert set(shipped_languages()) >= {"en", "en-US", "de", "fr", "es", "it", "pt", "nl", "he"}


@pytest.mark.parametrize("code", shipped_languages())
def test_each_shipped_words_file_is_sound_and_complete(code: str) -> None:
    path = WORDS_DIR / f"{code}.yaml"
    assert check_words_file(path) == []
    own = {key for key, _ in flat(read_table(path))}
    missing = set(reference()) - own
    assert missing & TRANSLATED == set(), f"{code}.yaml lacks {sorted(missing & TRANSLATED)}"
    if missing:  # keys added to en.yaml since: they fall back to English until translated
        warnings.warn(f"{code}.yaml lacks {', '.join(sorted(missing))}", stacklevel=1)


def _locale_words(code: str, cv: CV) -> set[str]:
    """What a CV in `code` may say besides the user's data: its own phrases and the month
    names of its locale (as the CV prints them), digits aside."""
    table = load_words(code)
    own = [value for _, value in flat(read_table(WORDS_DIR / f"{code}.yaml"))]
    months = [table.date(Date(2000, m), short=short) for m in range(1, 13) for short in (1, 0)]
    return {w for text in [*map(str, own), *months] for w in words(text)} | data_words(cv)


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_no_english_is_left_in_a_cv_of_another_language(code: str, example_cv: CV) -> None:
    """Every word of the page and of the Markdown list is the user's or the locale's: no
    English heading, label or month name is left behind."""
    cv = everything(example_cv)
    settings = {"words": load_words(code)}
    page = parse(render(cv, "html", **settings))
    text = visible_text(page) + " " + page.find("title").text()
    allowed = _locale_words(code, cv)
    assert {w for w in words(text) if not w.isdigit()} - allowed == set()
    markdown = re.sub(r"</?(u|sup)>", "", listing(cv, "markdown", list(SECTION_NAMES), **settings))
    assert {w for w in words(markdown) if not w.isdigit()} - allowed == set()


# The ERC grant of the example (EUR 1,497,500) as each locale writes an amount (CLDR).
AMOUNTS = {
    "en": "€1,497,500",
    "en-US": "€1,497,500",
    "de": "1.497.500\u00a0€",
    "fr": "1\u202f497\u202f500\u00a0€",
    "es": "1.497.500\u00a0€",
    "it": "1.497.500\u00a0€",
    "pt": "€\u00a01.497.500",
    "nl": "€\u00a01.497.500",
    "he": "1,497,500\u00a0€",
}


@pytest.mark.parametrize("code", sorted(AMOUNTS))
def test_amounts_are_in_the_locale_number_format(code: str, example_cv: CV) -> None:
    document = compose(example_cv, Settings(words=load_words(code)))
    grants = next(s for s in document.sections if s.name == "grants")
    cells = [e.cells[-1][0].text for e in grants.all_entries() if e.cells[-1]]
    assert AMOUNTS[code] in cells
    totals = [total.amount for group in grants.groups for total in group.totals]
    assert AMOUNTS[code] in totals


def test_dates_and_numbers_come_from_the_locale_library() -> None:
    en, de, fr, he = (load_words(code) for code in ("en", "de", "fr", "he"))
    assert [en.date(Date(2019, 9)), en.date(Date(2019, 6), short=False)] == [
        "Sep 2019",  # as cvgen always wrote it (CLDR's en_GB would say "Sept")
        "June 2019",
    ]
    assert de.date(Date(2019, 6), short=False) == "Juni 2019"
    assert fr.date(Date(2019, 6), short=False) == "juin 2019"
    assert he.date(Date(2019, 6), short=False) == "יוני 2019"
    assert de.period(Date(2015), Date(2020, present=True)) == "2015 – heute"
    assert (de.number(12000.5), en.money(12000.5, "CHF")) == ("12.000,50", "CHF\u00a012,000.50")
    assert en.money(450000, "ILS") == "ILS\u00a0450,000"  # codes for all but the usual three
    assert he.money(450000, "ILS") == "450,000\u00a0₪"  # no bidi marks: writers isolate runs


# --- right to left -------------------------------------------------------------------------


def test_hebrew_page_is_right_to_left(small_cv: CV, golden) -> None:
    html = render(small_cv, "html", words=load_words("he"))
    golden("small-he.html", html)
    page = parse(html)
    root = page.find("html")
    assert (root.get("lang"), root.get("dir")) == ("he", "rtl")
    assert page.find("h2").text() == "תחומי מחקר"
    # an English reference reads left to right, its Hebrew label isolated as a phrase
    assert '<span dir="rtl">עמ׳ 1–10</span>' in html


def test_hebrew_latex_golden(small_cv: CV, golden) -> None:
    golden("small-he.tex", render(small_cv, "latex", words=load_words("he")))


def greek_coauthor(cv: CV) -> CV:
    pub = cv.publications[0]
    authors = [*pub.authors, Author(first="Γιώργος", last="Παπαδόπουλος")]
    return cv.model_copy(update={"publications": [pub.model_copy(update={"authors": authors})]})


@pytest.mark.parametrize("theme", ["classic", "modern"])  # a serif look, a sans-serif one
def test_hebrew_pdf_sets_every_character_right_to_left(
    theme: str, example_cv: CV, small_cv: CV
) -> None:
    cv = example_cv if theme == "classic" else greek_coauthor(small_cv)
    tex = render(cv, "latex", words=load_words("he"), theme=load_theme(theme))
    assert r"\babelprovide[import,main,onchar=ids fonts]{hebrew}" in tex
    person = cv.data.person  # the name with its title and letters, one left-to-right run
    name = person.name
    if person.title:
        name = rf"\cvhonorific{{{person.title}}}{name}\cvpostnominals{{{person.postnominals}}}"
    assert r"\cvltr{" + name + "}" in tex
    result = run_tex(tex)
    assert result.engine == "lualatex"
    assert result.log.count("Missing character") == 0
    assert "Overfull" not in result.log


# --- a language of one's own ------------------------------------------------------------------


def _project(tmp_path: Path, small_sources, design: str) -> Path:
    text = small_sources.cv.read_text(encoding="utf-8") + design
    (tmp_path / "cv.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "publications.bib").write_bytes(small_sources.bib.read_bytes())
    return tmp_path / "cv.yaml"


def test_a_user_adds_a_language_with_one_file(tmp_path: Path, small_sources) -> None:
    cv = _project(tmp_path, small_sources, "design: {locale: sv}\n")
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "sv.yaml").write_text(
        "language: sv\nsections: {education: Utbildning}\nthesis: 'Avhandling: {title}'\n",
        encoding="utf-8",
    )
    out = tmp_path / "cv.html"
    result = CliRunner().invoke(main, ["html", "--cv", str(cv), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<html lang="sv"' in page and "<h2>Utbildning</h2>" in page
    assert "Avhandling: <i>Spin glasses &amp; learning</i>" in page
    assert "<h2>Publications</h2>" in page  # what the file leaves out stays English
    assert "2017" in page and "juni 2017" in page  # Swedish months, from CLDR


def test_a_words_file_is_checked_with_file_and_line(tmp_path: Path, small_sources) -> None:
    cv = _project(tmp_path, small_sources, "design: {locale: sv}\n")
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


def test_design_words_adjusts_a_shipped_language(tmp_path: Path, small_sources) -> None:
    cv = _project(tmp_path, small_sources, "design: {locale: de, words: mine.yaml}\n")
    (tmp_path / "mine.yaml").write_text("sections: {teaching: Lehrtätigkeit}\n", "utf-8")
    out = tmp_path / "cv.html"
    result = CliRunner().invoke(main, ["html", "--cv", str(cv), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<h2>Lehrtätigkeit</h2>" in page and "<h2>Drittmittel</h2>" in page


def test_unknown_locale_names_the_choices(tmp_path: Path, small_sources) -> None:
    cv = _project(tmp_path, small_sources, "design:\n  locale: dee\n")
    result = CliRunner().invoke(main, ["html", "--cv", str(cv), "-o", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert "cv.yaml:" in result.output and "design.locale: unknown locale 'dee'" in result.output
    assert "did you mean 'de'?" in result.output and "en-US" in result.output
    args = ["filter", "--cv", str(small_sources.cv), "--locale", "frr"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "unknown locale 'frr'; did you mean 'fr'?" in result.output


def test_locale_option_on_filter_and_export(small_sources, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["filter", "--cv", str(small_sources.cv), "--locale", "de", "--format", "markdown"]
    )
    assert result.exit_code == 0, result.output
    assert "## Zeitschriftenartikel" in result.output and "S. 1–10" in result.output
    out = tmp_path / "cv.json"
    args = ["export", "document", "--cv", str(small_sources.cv), "--locale", "fr", "-o", str(out)]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert '"heading": "Formation"' in out.read_text(encoding="utf-8")
