import datetime as dt

import pytest

from cvgen.util.dates import Date
from cvgen.words import load_words


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2019, Date(2019)),
        ("2019-06", Date(2019, 6)),
        (dt.date(2019, 6, 15), Date(2019, 6, 15)),
        ("2019-6", Date(2019, 6)),
    ],
)
def test_parse_accepts_what_yaml_gives(value, expected) -> None:
    assert Date.parse(value) == expected


def test_present_is_open_ended_today() -> None:
    before = dt.date.today().year
    present = Date.parse("present")
    assert present.present and present.year in {before, dt.date.today().year}  # across midnight
    assert present.iso() == "present"


@pytest.mark.parametrize("value", ["2019-13", "2019-02-30", "June 2019", True, 3.5, "1800"])
def test_parse_rejects_nonsense(value) -> None:
    with pytest.raises(ValueError):
        Date.parse(value)


def test_partial_dates_order_by_known_precision() -> None:
    assert Date(2019) < Date(2019, 1) < Date(2019, 6, 2) < Date(2020)


def test_periods_in_words() -> None:
    period = load_words().period
    assert period(Date(2015), Date(2019)) == "2015 – 2019"
    assert period(Date(2019), Date.parse("present")) == "2019 – present"
    assert period(Date(2019, 3), Date(2019, 9)) == "2019"
    assert period(Date(2019, 3), Date(2019, 9), with_month=True) == "Mar 2019 – Sep 2019"
    assert period(None, None) == ""


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
