"""The sections as Typst data (writers/typst/sections.py): a title, the legend, and parts that
are headings or entries in a layout, table groups gathered in one table part."""

from __future__ import annotations

from cvgen.document import Entry, Group, Section, Span, Total
from cvgen.writers.typst.sections import TypstSections


def _table(heading: str) -> Group:
    row = Entry([Span(heading)], cells=[[Span("PI")], [Span("£1")]], when="2020")
    return Group(heading, [row], "table", columns=["P", "R", "A", "W"], totals=[Total("T", "£1")])


def test_parts_are_headings_and_layouts_and_tables_share_a_part() -> None:
    dated = Group("Doctoral", [Entry([Span("A")])], "dated")
    sections = [Section("s", "s", "S", [dated, _table("ERC"), _table("ISF")], number=2)]
    tree = {"sections": [{"groups": [{"entries": ["a"]}, {"entries": ["e"]}, {"entries": ["i"]}]}]}
    walk = TypstSections.__new__(TypstSections)
    walk.json = {id(sections[0]): tree["sections"][0]}
    walk.json.update({id(g): d for g, d in zip(sections[0].groups, tree["sections"][0]["groups"])})
    walk.sections = []
    walk.walk(sections)
    [section] = walk.sections
    assert section["title"] == "2. S"
    kinds = [part.get("layout") or "heading" for part in section["parts"]]
    assert kinds == ["heading", "dated", "table"]
    assert [g["entries"] for g in section["parts"][2]["groups"]] == [["e"], ["i"]]
