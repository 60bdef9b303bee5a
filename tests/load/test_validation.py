"""Validation into a model with located, plain-words messages (load/validation.py)."""

from __future__ import annotations

from cvgen.load.validation import validate_model
from cvgen.model import CvData
from cvgen.util.yaml_lines import parse_yaml


def _problems(text: str) -> list[tuple[int | None, str, str]]:
    data, lines = parse_yaml(text, "cv.yaml", [])
    _, problems = validate_model(CvData, data, "cv.yaml", lines)
    return [(p.line, p.field, p.message) for p in problems]


def test_an_unknown_key_names_the_key_meant() -> None:
    assert _problems("person:\n  nmae: A\n") == [
        (2, "person.nmae", "unknown key 'nmae'; did you mean 'name'?")
    ]


def test_a_section_at_the_top_is_pointed_to_custom() -> None:
    [(line, field, message)] = _problems("person: {name: A}\nmemberships: []\n")
    assert (line, field) == (2, "memberships") and "custom:" in message


def test_a_word_people_use_for_a_choice_names_the_value_cvgen_uses() -> None:
    text = "person: {name: A}\ntalks:\n  - {title: T, event: E, date: 2020, kind: plenary}\n"
    [(line, field, message)] = _problems(text)
    assert (line, field) == (3, "talks[0].kind")
    assert message.startswith("must be one of") and "for plenary use 'keynote'" in message


def test_the_top_level_must_be_a_mapping() -> None:
    _, problems = validate_model(CvData, ["a"], "cv.yaml", {})
    assert [(p.line, p.message) for p in problems] == [
        (1, "the top level must be a mapping (key: value)")
    ]
