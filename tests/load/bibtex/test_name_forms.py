"""The forms an author field takes besides BibTeX's (load/bibtex/name_forms.py): Scholar's and
hand-written comma-separated lists, Better BibTeX's `family=, given=`, whole names and whole
lists in one pair of braces."""

from __future__ import annotations

import re

import pytest

from cvgen.load.bibtex.name_forms import (
    Persons,
    braced_list,
    extended_name,
    split_persons,
    top_level_split,
    unbraced,
)

AND = re.compile(r"\s+and\s+")


@pytest.mark.parametrize(
    ("field", "names"),
    [
        (
            "Ayşe Demir, Kerem Yılmazoğlu, Selin Acar",
            ["Ayşe Demir", "Kerem Yılmazoğlu", "Selin Acar"],
        ),
        (
            "R. Hale, T. Moss, P. Lindqvist, and J. Oduya",
            ["R. Hale", "T. Moss", "P. Lindqvist", "J. Oduya"],
        ),
        ("R. Hale, T. Moss and J. Oduya", ["R. Hale", "T. Moss", "J. Oduya"]),
        ("Smith, J., Doe, A.", ["Smith, J.", "Doe, A."]),  # surname and initials paired
    ],
)
def test_comma_separated_lists_are_read_as_the_list_they_mean(field, names) -> None:
    assert split_persons(field) == Persons(names, comma_list=True)


@pytest.mark.parametrize(
    ("field", "names"),
    [
        (
            "Saulnier-Talbot, Émilie and Duchesne, Éliane",
            ["Saulnier-Talbot, Émilie", "Duchesne, Éliane"],
        ),
        ("Ford, Jr., Henry", ["Ford, Jr., Henry"]),  # BibTeX's Last, Jr, First
        ("Clark, James, and Evans, C.", ["Clark, James", "Evans, C."]),  # a trailing comma
        ("{Barnes and Noble} and Smith, J", ["{Barnes and Noble}", "Smith, J"]),
        (
            "family=Badri, given=Mohamed Ali, prefix=al-, useprefix=true and Linscott, Edward",
            ["family=Badri, given=Mohamed Ali, prefix=al-, useprefix=true", "Linscott, Edward"],
        ),
        ("Vincent, Warwick F. AND Bêty, Joël", ["Vincent, Warwick F.", "Bêty, Joël"]),
    ],
)
def test_bibtex_forms_split_on_and_only(field: str, names: list[str]) -> None:
    assert split_persons(field) == Persons(names)


def test_top_level_split_keeps_braced_separators() -> None:
    assert top_level_split("{Barnes and Noble} and Smith, J", AND) == [
        "{Barnes and Noble}",
        "Smith, J",
    ]
    assert top_level_split("{\\} and} and B", AND) == ["{\\} and}", "B"]  # an escaped brace
    assert top_level_split("", AND) == [""]


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        (
            "family=Badri, given=Mohamed Ali, prefix=al-, useprefix=true",
            ("Mohamed Ali", "al-", "Badri", ""),
        ),
        (
            "family=Fuente, given={Lucía}, prefix=de la, useprefix=true",
            ("Lucía", "de la", "Fuente", ""),
        ),
        ('family="Smith", given=J., suffix=Jr', ("J.", "", "Smith", "Jr")),
        ("given=Alexander R. S., family=Diezmann*", ("Alexander R. S.", "", "Diezmann*", "")),
    ],
)
def test_better_bibtex_extended_names(name: str, parts: tuple[str, str, str, str]) -> None:
    assert extended_name(name) == parts


@pytest.mark.parametrize("name", ["Smith, John", "x = y", "{a=b}, c"])
def test_other_names_are_not_extended(name: str) -> None:
    assert extended_name(name) is None


@pytest.mark.parametrize(
    ("name", "plain", "read"),
    [
        ("{\\textbf{M. Jovanovi{\\'c}}}", "M. Jovanović", "\\textbf{M. Jovanovi{\\'c}}"),
        ("{Chebyshev, P. L}", "Chebyshev, P. L", "Chebyshev, P. L"),
        ("{ATLAS Collaboration}", "ATLAS Collaboration", "{ATLAS Collaboration}"),
        ("{Barnes and Noble}", "Barnes and Noble", "{Barnes and Noble}"),
        ("{Plato}", "Plato", "{Plato}"),  # one word: a surname, braced or not
        ("{Smith} and {Doe}", "Smith and Doe", "{Smith} and {Doe}"),  # not one group
        ("Smith, J", "Smith, J", "Smith, J"),
    ],
)
def test_unbraced_frees_a_persons_name_but_not_an_organisation(name, plain, read) -> None:
    assert unbraced(name, plain) == read


@pytest.mark.parametrize(
    ("field", "read"),
    [
        # `author = {{\textbf{Fibla, L.} and Kosie, Jessica E}}` as the field's value
        ("{\\textbf{Fibla, L.} and Kosie, Jessica E}", "\\textbf{Fibla, L.} and Kosie, Jessica E"),
        ("{Fibla and Kosie}", "{Fibla and Kosie}"),  # no `Surname, Given`: one name for BibTeX
        ("{ATLAS Collaboration}", "{ATLAS Collaboration}"),
        ("Fibla, L. and Kosie, J.", "Fibla, L. and Kosie, J."),
    ],
)
def test_braced_list_frees_a_list_of_surname_given_names(field: str, read: str) -> None:
    assert braced_list(field) == read
