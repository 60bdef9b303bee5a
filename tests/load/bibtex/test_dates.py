"""The year and month of an entry (load/bibtex/dates.py): BibTeX's `year` and `month` as
people write them, biblatex's EDTF `date`, and values that hold no date."""

from __future__ import annotations

import pytest

from cvgen.load.bibtex.dates import YearMonth, date_field, has_year, month_field, year_field


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019", YearMonth(2019, None)),
        ("{\\noopsort{a}}2019a", YearMonth(2019, None)),  # the sort key is never the year
        ("Spring 2019", YearMonth(2019, None)),
        ("2019-04", YearMonth(2019, 4)),
        ("2019-13", YearMonth(2019, None)),  # no 13th month
    ],
)
def test_year_field_finds_the_first_year_and_a_month_after_it(raw, expected) -> None:
    assert year_field(raw) == expected


@pytest.mark.parametrize("raw", ["201?", "in press", "", "19"])
def test_year_field_without_four_digits_is_none(raw: str) -> None:
    assert year_field(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020-03-15", YearMonth(2020, 3)),
        ("2025-23", YearMonth(2025, None)),  # spring: a season is no month
        ("2025-23/2026-22", YearMonth(2025, None)),  # a range dates by its start
        ("2019-04/", YearMonth(2019, 4)),  # open at the end
        ("../2020", YearMonth(2020, None)),  # open at the start: its end
        ("2021~", YearMonth(2021, None)),
        ("2021?", YearMonth(2021, None)),
        ("[2021]", YearMonth(2021, None)),
        ("Spring 2019", YearMonth(2019, None)),  # not EDTF: read as a year field
    ],
)
def test_date_field_reads_iso_and_edtf(raw: str, expected: YearMonth) -> None:
    assert date_field(raw) == expected


@pytest.mark.parametrize("raw", ["201X", "forthcoming", ""])
def test_date_field_without_a_year_is_none(raw: str) -> None:
    assert date_field(raw) is None


@pytest.mark.parametrize(
    ("raw", "month"),
    [("6", 6), ("jun", 6), ("June", 6), ("6-8", 6), ("10~1", 10), ("dec", 12), ("01", 1)],
)
def test_month_field_reads_numbers_macros_and_names(raw: str, month: int) -> None:
    assert month_field(raw) == month


@pytest.mark.parametrize("raw", ["13", "0", "spring", "", "  "])
def test_month_field_that_names_no_month_is_none(raw: str) -> None:
    assert month_field(raw) is None


def test_has_year_needs_four_digits() -> None:
    assert has_year("2019a") and has_year("Spring 2019")
    assert not has_year("201?") and not has_year("in press")
