"""Plain-words hints added to validation messages (load/hints.py), alone and as cv.yaml's
validator gives them."""

from __future__ import annotations

from cvgen.load.cv_yaml import validate_cv
from cvgen.load.hints import synonym_hint
from cvgen.util.yaml_lines import CutValue, parse_yaml


def test_a_word_people_use_names_the_value_cvgen_uses() -> None:
    assert synonym_hint(" Plenary ", ["keynote", "invited"]) == "; for Plenary use 'keynote'"
    assert synonym_hint("ms", ["msc", "phd"]) == "; for ms use 'msc'"


def test_no_hint_when_the_meant_value_is_not_allowed_here_or_unknown() -> None:
    assert synonym_hint("plenary", ["msc", "phd"]) is None
    assert synonym_hint("whatever", ["keynote"]) is None


def test_a_value_cut_at_a_comma_is_quoted_whole_in_the_hint() -> None:
    hint = CutValue("note", 'Fellow "senior"').hint("2010–2012")
    assert hint == (
        "; inside {…} a comma ends a value, so note ended at the comma: "
        'quote the whole value, note: "Fellow \\"senior\\", 2010–2012"'
    )


def _messages(text: str) -> list[str]:
    problems: list = []
    data, lines = parse_yaml(text, "cv.yaml", problems)
    _, problems = validate_cv(data, "cv.yaml", lines)
    return [p.message for p in problems]


def test_the_validator_gives_the_hints_with_its_messages() -> None:
    talks = "person: {name: A B}\ntalks: [{title: T, event: E, date: 2020, kind: plenary}]\n"
    assert any("for plenary use 'keynote'" in m for m in _messages(talks))
    cut = "person: {name: A B}\nawards: [{name: Prize, year: 2010, note: Fellow, 2010–2012}]\n"
    assert any("quote the whole value" in m for m in _messages(cut))
