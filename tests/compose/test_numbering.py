"""Publication numbers (compose/numbering.py): per type or continuous, counting up or down, in
print order."""

from __future__ import annotations

import pytest

from cvgen.compose.numbering import kind_groups, publication_numbers
from cvgen.model import CV
from cvgen.select import Selection, apply_selection

# The small researcher prints, in the default order: journal 2017, conference 2016,
# preprint 2024, thesis 2009 under Publications, then the 2021 patent under Patents.
PRINT_ORDER = [
    "aberg2020learning",
    "chen2016phase",
    "aberg2024preprint",
    "aberg2009thesis",
    "aberg2021patent",
]


def test_kind_groups_follow_the_cv_order(small_cv: CV) -> None:
    groups = kind_groups(small_cv, "publications")
    assert [kind.value for kind, _ in groups] == ["journal", "conference", "preprint", "thesis"]
    assert [[p.key for p in pubs] for _, pubs in kind_groups(small_cv, "patents")] == [
        ["aberg2021patent"]
    ]


@pytest.mark.parametrize(
    ("numbering", "reverse", "expected"),
    [
        ("per-type", False, [1, 1, 1, 1, 1]),
        ("continuous", False, [1, 2, 3, 4, 5]),
        ("continuous", True, [5, 4, 3, 2, 1]),
    ],
)
def test_numbers(small_cv: CV, numbering: str, reverse: bool, expected: list[int]) -> None:
    numbers = publication_numbers(small_cv, numbering, reverse)  # type: ignore[arg-type]
    assert [numbers[key] for key in PRINT_ORDER] == expected


def test_per_type_reverse_counts_down_within_each_kind(example_cv: CV) -> None:
    numbers = publication_numbers(example_cv, "per-type", reverse=True)
    for _, pubs in kind_groups(example_cv, "publications"):
        assert [numbers[p.key] for p in pubs] == list(range(len(pubs), 0, -1))


def test_none_numbers_nothing(small_cv: CV) -> None:
    assert publication_numbers(small_cv, "none") == {}


def test_numbers_follow_a_chosen_section_order(small_cv: CV) -> None:
    patents_first = apply_selection(small_cv, Selection(sections=("patents", "publications")))
    numbers = publication_numbers(patents_first, "continuous")
    assert numbers["aberg2021patent"] == 1 and numbers["aberg2009thesis"] == 5
    only_patents = apply_selection(small_cv, Selection(sections=("patents",)))
    assert publication_numbers(only_patents, "continuous") == {"aberg2021patent": 1}
