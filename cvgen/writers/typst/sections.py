"""The sections as the Typst template sets them: data prepared through the walk.

Each section is its title, its legend and a list of parts in order: a group's heading
(`heading`, `level`), or a group's entries in its layout (`layout`, `entries`); the table
groups set together are one part (`layout: "table"`, `groups`: each with its heading, columns,
entries and totals). The template sets each part by its layout and stops with an error on a
layout it has no function for. Entries are the tree's own JSON (`to_json`), not a copy.
"""

from __future__ import annotations

from typing import Any

from cvgen.document import Document, Group, Section, spans_json
from cvgen.writers.spans import head_spans
from cvgen.writers.walk import Walk

Json = dict[str, Any]


def _pairs(items: list, data: list[Json]) -> dict[int, Json]:
    """Each section and group of the tree (by identity) with its JSON form."""
    pairs: dict[int, Json] = {}
    for item, item_data in zip(items, data, strict=True):
        pairs[id(item)] = item_data
        pairs |= _pairs(getattr(item, "groups", []), item_data.get("groups", []))
    return pairs


class TypstSections(Walk):
    """The sections as data for the Typst template (`sections`)."""

    name = "typst"

    def __init__(self, document: Document, tree: Json) -> None:
        """`tree` is the document's JSON form, whose entries the parts share."""
        self.json = _pairs(document.sections, tree.get("sections", []))
        self.sections: list[Json] = []

    @property
    def parts(self) -> list[Json]:
        return self.sections[-1]["parts"]

    def visit_section(self, section: Section) -> None:
        self.sections.append({"title": section.title, "parts": []})

    def visit_legend(self, section: Section) -> None:
        self.sections[-1]["legend"] = self.json[id(section)]["legend"]

    def visit_heading(self, group: Group) -> None:
        """A heading of its own; a table group's stands in its table's data instead."""
        if self.table is None:
            self.parts.append({"heading": group.heading, "level": self.level})

    def entries(self, group: Group) -> None:
        """The group's entries, which the template sets by the group's layout."""
        self.parts.append({"layout": group.layout, "entries": self.json[id(group)]["entries"]})

    visit_references = visit_bullets = visit_paragraphs = entries

    def visit_dated(self, group: Group) -> None:
        """Dated entries, each with its head (title, qualifiers) as one line of spans."""
        self.entries(group)
        for entry, data in zip(group.entries, self.parts[-1]["entries"], strict=True):
            data["head"] = spans_json(head_spans(entry))

    def open_table(self, groups: list[Group]) -> None:
        self.parts.append({"layout": "table", "groups": []})

    def visit_table(self, group: Group) -> None:
        data = {key: value for key, value in self.json[id(group)].items() if key != "groups"}
        self.parts[-1]["groups"].append(data)
