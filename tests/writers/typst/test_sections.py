"""The sections as Typst data (writers/typst/sections.py): a title, the legend, and parts that
are headings or entries in a layout, table groups gathered in one table part."""

from __future__ import annotations

from cvgen.document import Document, Entry, Group, Header, Meta, Section, Span, Total, to_json
from cvgen.writers.typst.sections import TypstSections


def _table(heading: str) -> Group:
    row = Entry([Span(heading)], cells=[[Span("PI")], [Span("£1")]], when="2020")
    return Group(heading, [row], "table", columns=["P", "R", "A", "W"], totals=[Total("T", "£1")])


def test_parts_are_headings_and_layouts_and_tables_share_a_part() -> None:
    dated = Group("Doctoral", [Entry([Span("A")])], "dated")
    legend = [[Span("* equal")]]
    section = Section("s", "s", "S", [dated, _table("ERC"), _table("ISF")], legend, number=2)
    document = Document(Header("N"), [section], Meta("t", "N", "s", "d"))
    walk = TypstSections(document, to_json(document))
    walk.walk(document.sections)
    [data] = walk.sections
    assert data["title"] == "2. S" and data["legend"] == [[{"text": "* equal"}]]
    kinds = [part.get("layout", "heading") for part in data["parts"]]
    assert kinds == ["heading", "dated", "table"]
    assert [g["heading"] for g in data["parts"][2]["groups"]] == ["ERC", "ISF"]
