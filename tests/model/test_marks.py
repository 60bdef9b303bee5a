"""Author marks (model/marks.py): which have a meaning without cv.yaml saying so."""

from __future__ import annotations

from cvgen.model.marks import DEFAULT_MEANINGS, EQUAL_MARK, ORDER, explained


def test_the_defaults_are_explained_and_cv_yaml_adds_its_own() -> None:
    assert explained() == {"*", "†"} == set(DEFAULT_MEANINGS)
    assert explained({"‡": "Senior author"}) == {"*", "†", "‡"}
    assert DEFAULT_MEANINGS[EQUAL_MARK] == "equal"


def test_every_mark_with_a_default_meaning_has_a_place_in_the_legend_order() -> None:
    assert set(DEFAULT_MEANINGS) <= set(ORDER) and ORDER[0] == EQUAL_MARK
