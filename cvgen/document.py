"""The document tree: what every output shows, between the tailored CV and the writers.

The typed model (cvgen/model/) is what the user said; a Document is what the CV says, once:
which sections, in what order, under which headings, grouped and numbered how, in which words.
Writers (cvgen/writers/) only lay the tree out in their markup and escape its text, so the PDF,
the web page, the Markdown list and every later format say the same thing. Like pandoc's AST,
the tree holds no markup: text is plain Unicode in styled Spans.

`to_json` gives the tree's JSON form (`cvgen export document`), for users' own templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import cache
from typing import Any, Literal

Layout = Literal["dated", "references", "table", "bullets", "paragraphs"]
Mark = Literal["self", "student", "equal"]
# The style each CV mark is shown in; writers may show a mark more specifically (a class).
MARK_STYLES: dict[str, str] = {"self": "bold", "student": "underline", "equal": "superscript"}


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with the few styles a CV uses. `mark` says why a run is styled when the
    CV means something by it: the owner's name (bold), a student's (underlined), the
    equal-contribution star; a citation style's own bold or italics carry no mark.
    `nobreak` keeps the run on one line (a number range, 'pp. 1638–1642'; see unbroken.py).
    `lang` is the run's language where it is not the document's (an English reference in a
    Hebrew CV, a Hebrew talk in an English one): writers mark it (HTML `lang`, Word's run
    language, babel's \foreignlanguage, Typst's `text(lang:)`) and isolate its direction, so
    its punctuation and numbers stay in its own order."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    superscript: bool = False
    href: str | None = None
    mark: Mark | None = None
    nobreak: bool = False
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A labelled link after an entry ("DOI", "Code"); `kind` says what it points at."""

    label: str
    href: str
    kind: str = "url"


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a section, in the anatomy every CV class uses.

    `title` is the entry's head (a degree, a talk's title, or a publication's whole formatted
    reference); `qualifiers` what follows it (institution, place); `when` its worded date;
    `details` one sentence each; `annotation` a short remark printed apart (e.g. "Oral, 1.8%
    acceptance"); `cells` the extra columns of a table row (a grant's role and amount).
    """

    title: list[Span]
    qualifiers: list[Span] = field(default_factory=list)
    when: str | None = None
    details: list[list[Span]] = field(default_factory=list)
    annotation: list[Span] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    number: int | None = None
    cells: list[list[Span]] = field(default_factory=list)
    id: str | None = None
    key: str | None = None  # the BibTeX key of a publication
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Total:
    """One line under a table: 'Total  £1,234' (`label` only on the first of several)."""

    label: str | None
    amount: str


@dataclass(frozen=True, slots=True)
class Group:
    """Entries under an optional sub-heading, laid out one way.

    `groups` nests sub-groups (students: a status, then each level); `columns` names a
    table's columns: the main one, one per cell, then the date column.
    """

    heading: str | None
    entries: list[Entry] = field(default_factory=list)
    layout: Layout = "dated"
    id: str | None = None
    groups: list[Group] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    totals: list[Total] = field(default_factory=list)

    def all_entries(self) -> list[Entry]:
        return [*self.entries, *(e for group in self.groups for e in group.all_entries())]


@dataclass(frozen=True, slots=True)
class Section:
    """A CV section; `name` is its key in cv.yaml `sections:`, `legend` explains its marks,
    `number` is set when the CV numbers its sections (1., 2., ...)."""

    name: str
    id: str
    heading: str
    groups: list[Group]
    legend: list[list[Span]] = field(default_factory=list)
    number: int | None = None

    def all_entries(self) -> list[Entry]:
        return [entry for group in self.groups for entry in group.all_entries()]

    @property
    def title(self) -> str:
        """The heading with its number where sections are numbered: '2. Education'."""
        return f"{self.number}. {self.heading}" if self.number is not None else self.heading


@dataclass(frozen=True, slots=True)
class ContactItem:
    """One item of the header's contact block; `kind` lets a writer group profile links."""

    text: str
    href: str | None = None
    label: str | None = None
    kind: Literal["email", "phone", "website", "orcid", "profile"] = "website"


@dataclass(frozen=True, slots=True)
class Header:
    """The CV's head. `title` (Prof.) and `postnominals` (MD, PhD) are apart from the name so
    that a theme places them (smaller, lighter, or not at all); never both in the name too."""

    name: str
    title: str | None = None
    postnominals: str | None = None
    position: str | None = None
    affiliation: list[str] = field(default_factory=list)  # department, institution
    address: str | None = None
    contact: list[ContactItem] = field(default_factory=list)
    metrics: str | None = None  # 'Citations 12,345 · h-index 45 — OpenAlex, December 2026'


@dataclass(frozen=True, slots=True)
class Meta:
    """Document properties: PDF info and HTML head, in the CV's language."""

    title: str
    author: str
    subject: str
    description: str
    keywords: list[str] = field(default_factory=list)
    lang: str = "en"
    direction: Literal["ltr", "rtl"] = "ltr"
    date: str = ""  # ISO date the CV speaks from


@dataclass(frozen=True, slots=True)
class Document:
    """The whole CV as every writer receives it.

    `furniture` holds the words of page furniture writers print around the content ("Page 1
    of 3", the contents' label); `schema_org` the JSON-LD graph a web page embeds.
    """

    header: Header
    sections: list[Section]
    meta: Meta
    furniture: dict[str, str] = field(default_factory=dict)
    schema_org: dict[str, Any] = field(default_factory=dict)

    def all_entries(self) -> list[Entry]:
        return [entry for section in self.sections for entry in section.all_entries()]


def plain_text(spans: list[Span]) -> str:
    return "".join(span.text for span in spans)


def in_language(spans: list[Span], lang: str | None) -> list[Span]:
    """The spans marked as being in `lang` (None: the document's language, left unmarked)."""
    if lang is None:
        return spans
    return [span if span.lang else replace(span, lang=lang) for span in spans]


def language_runs(spans: list[Span]) -> list[tuple[str | None, list[Span]]]:
    """The spans as runs of one language each, in order: (lang, spans); None is the
    document's. A writer sets each run of another language as one isolated unit."""
    runs: list[tuple[str | None, list[Span]]] = []
    for span in spans:
        if runs and runs[-1][0] == span.lang:
            runs[-1][1].append(span)
        else:
            runs.append((span.lang, [span]))
    return runs


def merged(spans: list[Span]) -> list[Span]:
    """Adjacent spans of one style as one span: fewer, longer runs for every writer."""
    out: list[Span] = []
    texts: list[str] = []
    style: tuple | None = None
    for span in spans:
        if not span.text:
            continue
        key = (
            span.bold, span.italic, span.underline, span.superscript, span.href, span.mark,
            span.nobreak, span.lang,
        )  # fmt: skip
        if key != style and texts:
            out.append(Span("".join(texts), *style))  # type: ignore[misc]
            texts = []
        style = key
        texts.append(span.text)
    if texts:
        out.append(Span("".join(texts), *style))  # type: ignore[misc]
    return out


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(item.name for item in fields(kind))


def _jsonable(value: Any) -> Any:
    """Dataclasses as dicts without their defaults, so the JSON stays readable."""
    if isinstance(value, str):  # most values: returned first, the tree has tens of thousands
        return value
    if is_dataclass(value):
        out = {}
        for name in _field_names(type(value)):
            data = getattr(value, name)
            if data in (None, False, [], {}, ""):
                continue
            out[name] = _jsonable(data)
        return out
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    return value


def spans_json(spans: list[Span]) -> list[dict[str, Any]]:
    """Spans in the tree's JSON form."""
    return _jsonable(spans)


def to_json(document: Document) -> dict[str, Any]:
    """The tree as JSON data (its schema is these dataclasses; empty fields are left out)."""
    return {"cvgen_document": 1, **_jsonable(document)}
