"""The document tree (cvgen/document.py): plain text, merged runs, entries in reading order,
section titles and the tree's JSON form; and a golden tree of the example researcher and of the
second CV, as `cvgen export document` writes them."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cvgen.cli import main
from cvgen.document import (
    MARK_STYLES,
    Document,
    Entry,
    Group,
    Header,
    Meta,
    Section,
    Span,
    merged,
    plain_text,
    to_json,
)
from cvgen.load.sources import Sources


def _entry(name: str) -> Entry:
    return Entry(title=[Span(name)])


TREE = Document(
    Header("Ada Example"),
    [
        Section("students", "students", "Supervision", [
            Group("Current", groups=[Group("PhD", [_entry("a")]), Group("MSc", [_entry("b")])]),
            Group("Completed", [_entry("c")]),
        ], number=3),
        Section("talks", "talks", "Talks", [Group(None, [_entry("d")])]),
    ],
    Meta("CV", "Ada Example", "CV", "CV"),
)  # fmt: skip


def test_entries_are_in_reading_order_through_nested_groups() -> None:
    assert [plain_text(e.title) for e in TREE.all_entries()] == ["a", "b", "c", "d"]
    assert [plain_text(e.title) for e in TREE.sections[0].all_entries()] == ["a", "b", "c"]


def test_a_numbered_section_is_titled_with_its_number() -> None:
    assert [s.title for s in TREE.sections] == ["3. Supervision", "Talks"]


def test_adjacent_runs_of_one_style_merge_and_empty_ones_go() -> None:
    spans = [
        Span("A "),
        Span("B"),
        Span(""),
        Span("C", bold=True, mark="self"),
        Span("D", bold=True),
    ]
    assert merged(spans) == [Span("A B"), Span("C", bold=True, mark="self"), Span("D", bold=True)]
    assert set(MARK_STYLES) == {"self", "student", "equal"}


styles = st.builds(
    Span,
    st.text(max_size=5),
    bold=st.booleans(),
    italic=st.booleans(),
    href=st.sampled_from([None, "x"]),
)


@given(st.lists(styles, max_size=12))
def test_merging_keeps_the_text_and_leaves_no_two_neighbours_alike(spans: list[Span]) -> None:
    out = merged(spans)
    assert plain_text(out) == plain_text(spans)
    style = [(span.bold, span.italic, span.href) for span in out]
    assert all(a != b for a, b in itertools.pairwise(style))
    assert merged(out) == out


def test_the_json_leaves_out_empty_fields_and_says_its_version() -> None:
    data = to_json(TREE)
    assert data["cvgen_document"] == 1 and data["header"] == {"name": "Ada Example"}
    students = data["sections"][0]
    assert students["number"] == 3 and "legend" not in students
    assert students["groups"][0]["groups"][0] == {
        "heading": "PhD",
        "entries": [{"title": [{"text": "a"}]}],
        "layout": "dated",
    }
    assert json.loads(json.dumps(data)) == data  # plain JSON data, nothing else


# The tree speaks from a fixed day, so that "present", the underlined students and the CV's
# date do not move with the calendar.
AS_OF = "2026-01-15"


def exported_tree(sources: Sources, folder: Path) -> str:
    """`cvgen export document` of the sources, as the file it writes."""
    out = folder / "cv.json"
    args = ["export", "document", "--cv", str(sources.cv), "--bib", str(sources.bib),
            "--as-of", AS_OF, "--no-cache", "-o", str(out)]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["example", "humanities"])
def test_the_document_tree_of_a_cv_is_its_golden(name: str, request, tmp_path, golden) -> None:
    """Every change to what a CV says shows here first, whatever the writers make of it."""
    sources = request.getfixturevalue(f"{name}_sources")
    text = exported_tree(sources, tmp_path)
    assert json.loads(text)["meta"]["date"] == AS_OF
    golden(f"document/{name}.json", text)
