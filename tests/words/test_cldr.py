"""CLDR's forms through Babel: a month inside a date, digits, amounts, language names and a
language's direction."""

from __future__ import annotations

import pytest

from cvgen.words.cldr import (
    babel_locale,
    digit_table,
    language_name,
    long_month,
    money_text,
    text_direction,
    unmarked,
)


def test_a_month_takes_the_form_a_date_with_a_day_gives_it():
    assert long_month("ru", 10, with_day=True) == "октября"
    assert long_month("ru", 10, with_day=False) == "октябрь"
    assert long_month("ja", 6, with_day=False) == "6月"  # a number and its unit, not 六月


def test_persian_digits_and_latin_ones():
    assert "123".translate(digit_table("fa", "default")) == "۱۲۳"
    assert digit_table("en", "default") == {}
    assert digit_table("fa", "latn") == {}


def test_an_amount_with_a_code_is_spaced_as_cldr_says():
    assert money_text("de-CH", 12000.0, "CHF", False, "default") == "CHF\u00a012'000"


def test_language_names_in_the_locale_and_as_written_when_unknown():
    assert language_name("German", "de") == "Deutsch"
    assert language_name("Klingonish", "de") == "Klingonish"


@pytest.mark.parametrize(("language", "direction"), [("he", "rtl"), ("fa", "rtl"),
                                                     ("ar-EG", "rtl"), ("de", "ltr"),
                                                     ("tlh-xx", "ltr")])  # fmt: skip
def test_the_direction_of_a_language(language, direction):
    assert text_direction(language) == direction


def test_bidi_marks_are_left_to_the_writers():
    assert unmarked("\u200f12\u200e") == "12"


def test_an_unknown_locale_says_what_babel_knows():
    with pytest.raises(ValueError, match="no CLDR locale 'xx-nope'"):
        babel_locale("xx-nope")
