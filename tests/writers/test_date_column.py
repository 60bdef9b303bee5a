"""The date column's width (writers/date_column.py): the widest date printed on one line."""

from __future__ import annotations

from cvgen.document import Document, Entry, Group, Header, Meta, Section
from cvgen.model import CV
from cvgen.writers.date_column import date_sample
from tests.support.rendering import document


def _with_dates(*whens: str) -> Document:
    entries = [Entry(title=[], when=when) for when in whens]
    section = Section("talks", "talks", "Talks", [Group(None, entries)])
    return Document(Header("A"), [section], Meta("CV", "A", "CV", "CV"))


def test_the_longest_date_that_fits_one_line_sets_the_width() -> None:
    assert date_sample(_with_dates("2020", "10/2018 – 09/2022", "2019 – 2021")) == (
        "10/2018 – 09/2022"
    )


def test_lists_of_terms_and_long_dates_wrap_and_a_cv_without_dates_gets_years() -> None:
    wrapping = _with_dates("Fall 2019, Spring 2020, Fall 2021", "17/04/2012 – 30/09/2015")
    assert date_sample(wrapping) == "0000 – 0000"
    assert date_sample(_with_dates()) == "0000 – 0000"


def test_the_small_researchers_widest_date(small_cv: CV) -> None:
    tree = document(small_cv)
    fitting = [e.when for e in tree.all_entries() if e.when and "," not in e.when]
    sample = date_sample(tree)
    assert sample in fitting and len(sample) == max(len(w) for w in fitting if len(w) <= 17)
