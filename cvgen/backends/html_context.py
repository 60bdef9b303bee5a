"""The template context of the HTML page: the CV arranged as sections, groups and entries.

Templates should only lay things out, so every decision a reader would call "content" is made
here once: which sections are shown and in what order, how entries are grouped and sorted
(newest first, current students first), how publications are numbered, which legend a list
needs, and the element ids. User templates (see README) get the same context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup

from cvgen.backends import RenderOptions, paper_name
from cvgen.backends.html_markup import safe_href, spans_to_html
from cvgen.backends.jsonld import jsonld_script
from cvgen.citation import EQUAL_LEGEND, annotation_text, publication_spans
from cvgen.formatting import grouped_by, newest_first, student_groups, totals_by_currency
from cvgen.marks import legend_lines
from cvgen.model import CV, Person, Publication
from cvgen.numbering import SECTION_KINDS, kind_groups, publication_numbers
from cvgen.sections import (
    GRANT_HEADINGS,
    HEADINGS,
    KIND_HEADINGS,
    LEVEL_HEADINGS,
    SERVICE_HEADINGS,
    STATUS_HEADINGS,
    TALK_HEADINGS,
    link_label,
    section_order,
)

PAPER_SIZES = {"a4": "A4", "letter": "letter"}


@dataclass(frozen=True)
class PubEntry:
    """One publication as the page prints it."""

    pub: Publication
    id: str
    number: int | None
    citation: Markup
    annotation: str


@dataclass(frozen=True)
class Group:
    """A run of entries under an optional sub-heading (e.g. 'PhD Students').

    `groups` splits the items further under sub-sub-headings (students: by level within a
    status); `totals` are a grant group's (currency, amount) sums.
    """

    heading: str | None
    id: str | None
    items: list[Any]
    groups: list[Group] = field(default_factory=list)
    totals: list[tuple[str | None, float]] = field(default_factory=list)


@dataclass(frozen=True)
class Legend:
    """Which marks the publication lists use, so the page explains exactly those."""

    student: bool
    equal: bool
    equal_text: str = EQUAL_LEGEND
    marks: tuple[str, ...] = ()  # the other marks' lines (†, ...), from marks.py


@dataclass(frozen=True)
class ContactItem:
    """One item of the header's contact line; `label` names what `text` is, if unclear."""

    text: str
    href: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class Section:
    name: str
    heading: str
    id: str
    groups: list[Group]
    legend: Legend | None = None


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "x"


class _Ids:
    """Hands out element ids, never the same one twice (BibTeX keys may slug alike)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, base: str) -> str:
        candidate, count = base, 1
        while candidate in self.used:
            count += 1
            candidate = f"{base}-{count}"
        self.used.add(candidate)
        return candidate


def _grouped(
    section: str,
    items: Sequence[Any],
    key: Callable[[Any], Any],
    headings: dict[Any, str],
    ids: _Ids,
) -> list[Group]:
    """Groups in the order of `headings`, each keeping the items' order; empty ones dropped."""
    return [
        Group(headings[value], ids(f"{section}-{_slug(str(value))}"), members)
        for value, members in grouped_by(items, key, headings)
    ]


def _student_groups(cv: CV, ids: _Ids) -> list[Group]:
    """Current, completed, left: each with its students by level, as the PDF has them."""
    groups = []
    for status, levels in student_groups(cv.data.students):
        status_id = ids(f"students-{status}")
        by_level = [
            Group(LEVEL_HEADINGS[level], ids(f"{status_id}-{level.value}"), members)
            for level, members in levels
        ]
        items = [student for group in by_level for student in group.items]
        groups.append(Group(STATUS_HEADINGS[status], status_id, items, by_level))
    return groups


def _pub_groups(section: str, cv: CV, numbers: dict[str, int], ids: _Ids) -> list[Group]:
    """The kinds of a publication section; only "Publications" has a sub-heading per kind."""
    headed = section == "publications"
    groups = []
    for kind, pubs in kind_groups(cv, section):
        entries = [
            PubEntry(
                pub=pub,
                id=ids("pub-" + _slug(pub.key)),
                number=numbers.get(pub.key),
                citation=spans_to_html(publication_spans(pub)),
                annotation=annotation_text(pub),
            )
            for pub in pubs
        ]
        heading = KIND_HEADINGS[kind] if headed else None
        group_id = ids(f"{section}-{kind.value}") if headed else None
        groups.append(Group(heading, group_id, entries))
    return groups


def _legend(groups: list[Group], marks: dict[str, str]) -> Legend:
    pubs = [entry.pub for group in groups for entry in group.items]
    lines = legend_lines(pubs, marks)
    return Legend(
        student=any(pub.has_student for pub in pubs),
        equal=any(pub.has_equal_contribution for pub in pubs),
        equal_text=next((line for line in lines if line.startswith("* ")), EQUAL_LEGEND),
        marks=tuple(line for line in lines if not line.startswith("* ")),
    )


def _groups(name: str, cv: CV, numbers: dict[str, int], ids: _Ids) -> list[Group]:
    """The groups of one section; an empty list means the section is left out."""
    data = cv.data
    match name:
        case "research_interests":
            show = data.research_interests or data.research_statement
            return [Group(None, None, list(data.research_interests))] if show else []
        case "publications" | "patents":
            return _pub_groups(name, cv, numbers, ids)
        case "students":
            return _student_groups(cv, ids)
        case "service":
            service = newest_first(data.service)
            return _grouped(name, service, lambda s: s.category, SERVICE_HEADINGS, ids)
        case "talks":
            talks = newest_first(data.talks)
            return _grouped(name, talks, lambda t: t.kind, TALK_HEADINGS, ids)
        case "grants":
            grants = newest_first(data.grants)
            groups = _grouped(name, grants, lambda g: g.kind, GRANT_HEADINGS, ids)
            return [replace(g, totals=totals_by_currency(g.items)) for g in groups]
        case "press":
            press = newest_first(data.press)
            return [Group(None, None, press)] if press else []
        case _:
            items = newest_first(getattr(data, name))
            return [Group(None, None, items)] if items else []


def sections(cv: CV, options: RenderOptions) -> list[Section]:
    """The non-empty sections in the CV's order, each named once."""
    ids = _Ids()
    numbers = publication_numbers(cv, options.numbering, options.reverse)
    result = []
    for name in dict.fromkeys(section_order(cv)):
        groups = _groups(name, cv, numbers, ids)
        if groups:
            marks = cv.data.publications.marks
            legend = _legend(groups, marks) if name in SECTION_KINDS else None
            result.append(Section(name, HEADINGS[name], ids(name), groups, legend))
    return result


def contact(person: Person) -> list[ContactItem]:
    """Email, phone, website, ORCID and profile links, in that order."""
    items = []
    if person.email:
        items.append(ContactItem(person.email, safe_href(f"mailto:{person.email}")))
    if person.phone:
        items.append(ContactItem(person.phone))
    if website := safe_href(person.website):
        shown = re.sub(r"^https?://(www\.)?", "", website).rstrip("/")
        items.append(ContactItem(shown, website))
    if person.orcid:
        items.append(ContactItem(person.orcid, f"https://orcid.org/{person.orcid}", "ORCID"))
    for key, url in person.links.items():
        if href := safe_href(url):
            items.append(ContactItem(link_label(key), href))
    return items


def paper_size(options: RenderOptions) -> str | None:
    """The CSS page size asked for (A4 or Letter), or None to leave it to the browser."""
    paper = paper_name(options)
    return PAPER_SIZES[paper] if paper else None


def context(cv: CV, options: RenderOptions) -> dict[str, Any]:
    """Everything a template sees; documented in the README ("Template context")."""
    shown = sections(cv, options)
    works = [
        entry.pub
        for section in shown
        if section.name in SECTION_KINDS
        for group in section.groups
        for entry in group.items
    ]
    return {
        "cv": cv,
        "person": cv.data.person,
        "contact": contact(cv.data.person),
        "sections": shown,
        "fragment": bool(options.extra.get("fragment")),
        "paper": paper_size(options),
        "jsonld": jsonld_script(cv.data, works),
    }
