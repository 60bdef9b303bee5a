"""Venues and pages as exporters mangle them (load/bibtex/venues.py): Google Scholar's
sentence-case journal names and the `2024--03` it gives bioRxiv preprints as pages."""

from __future__ import annotations

import pytest

from cvgen.load.bibtex.venues import journal_name, page_range


@pytest.mark.parametrize(
    ("venue", "titled"),
    [
        ("Biophysical journal", "Biophysical Journal"),
        ("Physical review letters", "Physical Review Letters"),
        ("IEEE transactions on neural networks", "IEEE Transactions on Neural Networks"),
    ],
)
def test_scholar_sentence_case_is_title_cased(venue: str, titled: str) -> None:
    assert journal_name(venue) == titled


@pytest.mark.parametrize(
    "venue",
    [
        "Nature",  # one word
        "Physical Review Letters",  # already as the journal writes it
        "Journal of the American Chemical Society",
        "Revue de la société",  # another language's sentence case
        "Journal d'analyse",
        "Acta of the",  # only small words after the first
        "communications biology",  # not capitalised at all: not Scholar's form
    ],
)
def test_other_names_are_kept_as_written(venue: str) -> None:
    assert journal_name(venue) == venue


@pytest.mark.parametrize(
    ("pages", "year", "shown"),
    [
        ("795-804", "2019", "795–804"),
        ("1 -- 10", None, "1–10"),
        ("S1-S7", None, "S1–S7"),
        ("xi-xv", None, "xi–xv"),
        ("2001--2021", "2020", "2001–2021"),  # a range of pages, not a month
        ("EGU2018-1234", "2018", "EGU2018-1234"),  # an article number keeps its hyphen
        ("e0123456", "2020", "e0123456"),
    ],
)
def test_page_ranges_get_an_en_dash(pages: str, year: str | None, shown: str) -> None:
    assert page_range(pages, year) == shown


@pytest.mark.parametrize(
    ("pages", "year"), [("2024--03", "2024"), ("2025--08", "2025"), ("2023-12", "2024")]
)
def test_scholar_biorxiv_year_and_month_are_no_pages(pages: str, year: str) -> None:
    assert page_range(pages, year) is None


def test_no_pages_is_none() -> None:
    assert page_range(None, "2019") is None and page_range("", "2019") is None
