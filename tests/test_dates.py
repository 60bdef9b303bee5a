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
