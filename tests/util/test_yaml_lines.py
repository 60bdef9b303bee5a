"""YAML with the line of every key path (util/yaml_lines.py): hostile text never raises, and
duplicate keys, control characters, values cut at a comma and alias bombs are located."""

from __future__ import annotations

from hypothesis import given

from cvgen.errors import Problem
from cvgen.util.yaml_lines import MAX_NODES, dotted, line_for, parse_yaml
from tests.support.fuzz import HOSTILE, fuzz


@fuzz(150)
@given(HOSTILE)
def test_hostile_yaml_text(text: str) -> None:
    problems: list[Problem] = []
    parse_yaml(text, "cv.yaml", problems)
    assert all(p.file == "cv.yaml" for p in problems)


def test_every_key_path_has_its_line() -> None:
    data, lines = parse_yaml("person:\n  name: A\nlist:\n  - x\n  - {y: 1}\n", "f", [])
    assert data == {"person": {"name": "A"}, "list": ["x", {"y": 1}]}
    assert lines[("person", "name")] == 2 and lines[("list", 1, "y")] == 5
    assert line_for(("list", 1, "y", "deeper"), lines) == 5
    assert dotted(("list", 1, "y")) == "list[1].y"


def test_duplicate_keys_and_control_characters_are_located() -> None:
    problems: list[Problem] = []
    parse_yaml('a: 1\nb: "\\e"\na: 2\n', "f", problems)
    assert [(p.line, p.field) for p in problems] == [(2, "b"), (3, "a")]
    assert "ESC" in problems[0].message and "duplicate key (first on line 1)" in problems[1].message


def test_a_value_cut_at_a_comma_is_remembered_for_the_message() -> None:
    _, lines = parse_yaml("note: {note: Fellow, 2010–2012}\n", "f", [])
    cut = lines.cut_values[("note", "2010–2012")]
    assert (cut.key, cut.value) == ("note", "Fellow")


def test_syntax_errors_and_alias_bombs_are_one_problem_each() -> None:
    problems: list[Problem] = []
    assert parse_yaml("a: [1, 2\n", "f", problems) == (None, {})
    assert len(problems) == 1 and problems[0].message.startswith("YAML syntax error")
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    problems = []
    assert parse_yaml(bomb, "f", problems)[0] is None
    assert f"{MAX_NODES:,}" in problems[0].message
