"""The filter's listing as a neutral structure: parts (sections), groups (kinds), entries.

Text, Markdown, HTML and LaTeX all print this one structure (see markup.py), so a listing
has the same sections, headings, numbers and legend in every format.
"""

from __future__ import annotations

from dataclasses import dataclass

from cvgen.citation import Span
from cvgen.formatting import newest_first
from cvgen.listing.items import item_entry, publication_entry
from cvgen.marks import legend_lines
from cvgen.model import CV
from cvgen.numbering import SECTION_KINDS, Numbering, kind_groups, publication_numbers
from cvgen.sections import HEADINGS, KIND_HEADINGS
from cvgen.select import only_sections, section_content


@dataclass(frozen=True)
class Entry:
    number: int | None
    spans: list[Span]


@dataclass(frozen=True)
class Group:
    heading: str | None
    entries: list[Entry]


@dataclass(frozen=True)
class Part:
    heading: str
    groups: list[Group]


@dataclass(frozen=True)
class Listing:
    parts: list[Part]
    legend: list[str]


def _publication_groups(cv: CV, section: str, numbers: dict[str, int]) -> list[Group]:
    headed = len(SECTION_KINDS[section]) > 1
    return [
        Group(
            KIND_HEADINGS[kind] if headed else None,
            [Entry(numbers.get(pub.key), publication_entry(pub)) for pub in pubs],
        )
        for kind, pubs in kind_groups(cv, section)
    ]


def build_listing(
    cv: CV, sections: list[str], numbering: Numbering = "per-type", reverse: bool = False
) -> Listing:
    """The non-empty `sections` of the (already tailored) CV, numbered as the CV would be."""
    cv = only_sections(sections)(cv)
    numbers = publication_numbers(cv, numbering, reverse)
    parts = []
    for name in dict.fromkeys(sections):
        if name in SECTION_KINDS:
            groups = _publication_groups(cv, name, numbers)
        else:
            items = newest_first(section_content(cv, name))
            groups = [Group(None, [Entry(None, item_entry(i)) for i in items])] if items else []
        if groups:
            parts.append(Part(HEADINGS[name], groups))
    shown = [pub for name in sections if name in SECTION_KINDS for pub in section_content(cv, name)]
    return Listing(parts, legend_lines(shown, cv.data.publications.marks))
