"""Adding to a hand-written YAML file: every byte the user wrote stays, the new items come in
the collection's own style, and the result reloads as the data meant."""

from __future__ import annotations

import difflib

import pytest
import yaml

from cvgen.util.yaml_insert import Insertion, insert


def only_added(before: str, after: str) -> bool:
    """Is `after` the text of `before` with characters added, none changed or taken out?"""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return all(op in ("equal", "insert") for op, *_ in matcher.get_opcodes())


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("awards: ~\n", ("awards",), "awards:\n  - name: B\n"),
        ("awards: null\n", ("awards",), "awards:\n  - name: B\n"),
        ("awards: Null", ("awards",), "awards:\n  - name: B\n"),
        (
            "awards: null  # none yet\nz: 1\n",
            ("awards",),
            "awards:  # none yet\n  - name: B\nz: 1\n",
        ),
        ("p:\n    awards: ~\n", ("p", "awards"), "p:\n    awards:\n      - name: B\n"),
        ("p: {awards: ~}\n", ("p", "awards"), 'p: {awards: [{"name": "B"}]}\n'),
        ("p: {awards: , z: 1}\n", ("p", "awards"), 'p: {awards: [{"name": "B"}] , z: 1}\n'),
        ("p: {awards}\n", ("p", "awards"), 'p: {awards: [{"name": "B"}]}\n'),
    ],
)
def test_a_null_value_takes_the_items_and_the_result_reloads(text, path, expected):
    """`awards: ~` and `awards: null` are what people write for "none yet"; items added after
    the null once made YAML that no longer parsed (`awards: ~\\n  - ...`)."""
    new = insert(text, [Insertion(path, items=[{"name": "B"}])])
    assert new == expected
    data = yaml.safe_load(new)
    for name in path:
        data = data[name]
    assert data == [{"name": "B"}]


def test_a_null_mapping_takes_two_keys_and_is_cut_once():
    new = insert(
        "custom: ~\n", [Insertion(("custom", "m"), value=1), Insertion(("custom", "q"), value=2)]
    )
    assert new == "custom:\n  m: 1\n  q: 2\n"


@pytest.mark.parametrize(
    "value", ["\x7f", "\x85", "\x9f", "\ufffe", "a\u2028b", "c\u2029d", "\x00", "\x1b", "\ufeff"]
)
def test_flow_items_escape_what_yaml_refuses_or_reads_as_a_line_break(value):
    """JSON leaves DEL, C1 controls and U+FFFE raw, which a YAML file may not hold."""
    text = "a: [1]  # mine\n"
    new = insert(text, [Insertion(("a",), items=[value, {"k": value}])])
    assert yaml.safe_load(new) == {"a": [1, value, {"k": value}]}
    assert only_added(text, new) and "\n" not in new.removesuffix("\n")
