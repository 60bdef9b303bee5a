"""Adding to a hand-written YAML file: every byte the user wrote stays, the new items come in
the collection's own style, and the result reloads as the data meant."""

from __future__ import annotations

import difflib

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from cvgen.util.yaml_insert import Insertion, insert
from tests.support.fuzz import HOSTILE, fuzz

HAND = """\
# My CV -- kept by hand, don't reflow
person:
  name: "Ana  María"     # two spaces, on purpose
  links: {github: 'https://github.com/ana'}
education:
    -   degree: PhD
        institution: Uppsala   # kept
        years: [2005,2009]
awards: []   # none yet
"""


def only_added(before: str, after: str) -> bool:
    """Is `after` the text of `before` with characters added, none changed or taken out?"""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return all(op in ("equal", "insert") for op, *_ in matcher.get_opcodes())


def test_a_hand_written_file_keeps_every_byte_and_gains_what_was_asked():
    new = insert(
        HAND,
        [
            Insertion(("person", "orcid"), value="0000-0002-1825-0097"),
            Insertion(("person", "links", "dblp"), value="https://dblp.org/pid/1"),
            Insertion(("education",), items=[{"degree": "MSc", "institution": "Lund"}]),
            Insertion(("awards",), items=[{"name": "Prize"}]),
            Insertion(("grants",), items=[{"title": "G"}]),
        ],
        "Added by a test",
    )
    assert new == (
        "# My CV -- kept by hand, don't reflow\n"
        "person:\n"
        '  name: "Ana  María"     # two spaces, on purpose\n'
        '  links: {github: \'https://github.com/ana\', "dblp": "https://dblp.org/pid/1"}\n'
        "  orcid: 0000-0002-1825-0097\n"
        "education:\n"
        "    -   degree: PhD\n"
        "        institution: Uppsala   # kept\n"
        "        years: [2005,2009]\n"
        "    - degree: MSc\n"  # at the dash of its sibling
        "      institution: Lund\n"
        'awards: [{"name": "Prize"}]   # none yet\n'
        "\n# Added by a test\n"
        "grants:\n"
        "- title: G\n"
    )
    assert only_added(HAND, new)
    assert yaml.safe_load(new)["person"]["links"]["dblp"] == "https://dblp.org/pid/1"


def test_a_value_the_user_wrote_is_never_replaced():
    text = "person:\n  name: Ana   # mine\n  phone: ~\n"
    asked = [
        Insertion(("person", "name"), value="Someone Else"),
        Insertion(("person", "phone"), value="+46"),  # a null the user wrote is theirs too
    ]
    assert insert(text, asked) == text


def test_a_missing_path_is_added_whole_to_the_deepest_mapping_there():
    text = "person:\n    name: A\nother: 1\n"
    new = insert(text, [Insertion(("person", "links", "site"), value="https://a.org")])
    assert new == "person:\n    name: A\n    links:\n      site: https://a.org\nother: 1\n"


def test_an_item_goes_after_the_deepest_line_of_the_last_one():
    text = (
        "talks:\n  - title: A\n    tags:\n      - x\n      - y\n"
        "    note: |\n      two\n      lines\nz: 1\n"
    )
    new = insert(text, [Insertion(("talks",), items=[{"title": "B"}])])
    assert new == text.replace("z: 1", "  - title: B\nz: 1")
    assert yaml.safe_load(new)["talks"][0]["note"] == "two\nlines\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: []\n", 'a: [{"k": 1}, "yes"]\n'),
        ("a: [x]  # c\n", 'a: [x, {"k": 1}, "yes"]  # c\n'),
        ("a:\n  - x\n  - [1, 2]\n", "a:\n  - x\n  - [1, 2]\n  - k: 1\n  - 'yes'\n"),
        ("a:\nb: # none yet\n", "a:\n  - k: 1\n  - 'yes'\nb: # none yet\n"),
    ],
)
def test_items_come_in_the_style_of_their_list(text, expected):
    """JSON inside brackets, block items below: `yes` stays a string either way."""
    new = insert(text, [Insertion(("a",), items=[{"k": 1}, "yes"])])
    assert new == expected
    assert yaml.safe_load(new)["a"][-2:] == [{"k": 1}, "yes"]


def test_a_flow_mapping_gets_its_keys_as_json():
    assert insert("p: {}\n", [Insertion(("p", "a"), value=[1])]) == 'p: {"a": [1]}\n'
    assert insert("p: {x: 1}\n", [Insertion(("p", "a"), value=True)]) == 'p: {x: 1, "a": true}\n'


def test_new_top_level_keys_are_merged_and_go_last_after_the_comment():
    asked = [
        Insertion(("custom", "memberships"), value={"heading": "Memberships"}),
        Insertion(("custom", "skills", "entries"), items=[{"title": "R"}]),
        Insertion(("awards",), items=[{"name": "X"}]),
    ]
    assert insert("person: {name: A}", asked, "From a test") == (
        "person: {name: A}\n\n# From a test\ncustom:\n  memberships:\n    heading: Memberships\n"
        "  skills:\n    entries:\n    - title: R\nawards:\n- name: X\n"
    )
    assert insert("a: 1\n", [Insertion(("b",), value=2)]) == "a: 1\n\nb: 2\n"  # no comment


def test_an_empty_file_becomes_a_mapping():
    assert insert("", [Insertion(("person",), value={"name": "A"})], "c") == (
        "\n# c\nperson:\n  name: A\n"
    )
    assert insert("", []) == ""


def test_a_file_without_a_final_newline_is_extended_on_a_new_line():
    assert insert("a:\n  - 1", [Insertion(("a",), items=[2])]) == "a:\n  - 1\n  - 2\n"


@pytest.mark.parametrize("text", ["- 1\n", "just text\n", "{a: 1}\n", "[a]\n"])
def test_a_file_that_is_not_a_block_mapping_is_refused(text):
    with pytest.raises(ValueError, match="the file is not a mapping of keys"):
        insert(text, [Insertion(("a",), items=[1])])


@pytest.mark.parametrize(
    ("text", "path", "message"),
    [
        ("a: 5\n", ("a",), "a is not a list"),
        ("a: {b: 1}\n", ("a",), "a is not a list"),
        ("a: 5\n", ("a", "b"), "a is not a mapping"),
        ("a:\n  b: [1]\n", ("a", "b", "c"), "a.b is not a mapping"),
    ],
)
def test_a_path_through_another_kind_of_value_is_refused(text, path, message):
    with pytest.raises(ValueError, match=message):
        insert(text, [Insertion(path, items=[1])])


@given(
    st.lists(
        st.sampled_from(["x", "Y z", "ünï", "a: b", "#c", "- d", "'"]), min_size=1, max_size=4
    ),
    st.sampled_from(["  - {}\n", "  -  {}\n", "- {}\n", "    - {}  # note\n", "  [{}]\n"]),
)
def test_inserted_items_reload_as_the_items_given(values, layout):
    text = "top:\n" + layout.format("one")
    new = insert(text, [Insertion(("top",), items=values)])
    assert yaml.safe_load(new)["top"] == ["one", *values]
    assert only_added(text, new)


@fuzz(60)
@given(HOSTILE, st.sampled_from(["a: [1]\n", "a:\n  - 1\n", "a:\n", "b: {}\na: ~\n"]))
def test_any_text_reloads_as_given_in_any_kind_of_list(value, text):
    new = insert(text, [Insertion(("a",), items=[value, {"k": value}])])
    assert yaml.safe_load(new)["a"][-2:] == [value, {"k": value}]


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
