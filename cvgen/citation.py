"""How a publication reads in a CV, as backend-neutral styled spans.

Every backend (LaTeX, HTML, Markdown, text) prints entries the same way: own name bold,
students underlined, equal contribution starred, venue in italics, annotations after the
entry, links last. Formatting once into Spans and letting each backend render spans with its
own escaping keeps the backends consistent and free of duplicated citation logic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cvgen.dates import MONTH_NAMES
from cvgen.model import Author, PubKind, Publication

EQUAL_MARK = "*"
EQUAL_LEGEND = "* Equal contribution."


@dataclass(frozen=True)
class Span:
    """A run of text with the few styles a CV entry uses."""

    text: str
    bold: bool = False
    underline: bool = False
    italic: bool = False
    superscript: bool = False
    href: str | None = None


def author_spans(author: Author) -> list[Span]:
    spans = [Span(author.display, bold=author.is_self, underline=author.is_student)]
    if author.equal_contribution:
        spans.append(Span(EQUAL_MARK, superscript=True))
    spans.extend(Span(mark, superscript=True) for mark in author.marks)  # †: see marks.py
    return spans


def authors_spans(authors: list[Author]) -> list[Span]:
    """'A, B, and C' — with an Oxford comma, 'A and B' for two."""
    spans: list[Span] = []
    count = len(authors)
    for index, author in enumerate(authors):
        if index:
            if count == 2:
                spans.append(Span(" and "))
            elif index == count - 1 and author.last != "et al.":
                spans.append(Span(", and "))
            else:
                spans.append(Span(", "))
        spans.extend(author_spans(author))
    return spans


def _details(pub: Publication) -> list[str]:
    """Volume, number, pages and the like, after the venue."""
    parts = []
    if pub.volume and pub.number:
        parts.append(f"{pub.volume}({pub.number})")
    elif pub.volume:
        parts.append(f"vol. {pub.volume}")
    elif pub.number and pub.kind not in (PubKind.PATENT, PubKind.REPORT):
        parts.append(f"no. {pub.number}")  # patents and reports name their number up front
    if pub.pages:
        parts.append(
            f"pp. {pub.pages}" if any(c in pub.pages for c in "-–,") else f"p. {pub.pages}"
        )
    if pub.kind is PubKind.CHAPTER and pub.publisher:
        parts.append(pub.publisher)
    return parts


def _where(pub: Publication) -> list[Span]:
    """The venue clause, which depends on the kind of publication."""
    venue = pub.venue
    italic = [Span(venue, italic=True)] if venue else []
    match pub.kind:
        case PubKind.CONFERENCE | PubKind.CHAPTER:
            label = "ed." if len(pub.editors) == 1 else "eds."
            editors = f" ({label} {', '.join(pub.editors)})" if pub.editors else ""
            return [Span("In "), *italic, Span(editors)] if venue else []
        case PubKind.THESIS:
            label = "Master's thesis" if "master" in pub.entry_type else "PhD thesis"
            return [Span(label + (f", {venue}" if venue else ""))]
        case PubKind.PATENT:
            text = f"Patent {pub.number}" if pub.number else "Patent"
            return [Span(text + (f", {venue}" if venue else ""))]
        case PubKind.REPORT:
            text = "Technical report" + (f" {pub.number}" if pub.number else "")
            return [Span(text + (f", {venue}" if venue else ""))]
        case PubKind.PREPRINT if not venue and pub.links.arxiv:
            return [Span(f"arXiv:{pub.links.arxiv}")]
        case PubKind.BOOK:  # the venue of a book is its publisher; the title is the italic part
            return [Span(venue)] if venue else []
        case _:
            return italic


def _date_text(pub: Publication) -> str:
    return f"{MONTH_NAMES[pub.month - 1]} {pub.year}" if pub.month else str(pub.year)


def publication_spans(pub: Publication) -> list[Span]:
    """The full entry: authors. Title. Venue, details, date. Status/note."""
    spans = authors_spans(pub.authors)
    if spans:  # a manual or a website may have no author at all
        spans.append(Span(". "))
    title = pub.title.rstrip(".")
    end = "" if title.endswith(("?", "!")) else "."
    spans.append(Span(title, italic=pub.kind is PubKind.BOOK))
    spans.append(Span(end + " "))
    where = _where(pub)
    spans.extend(where)
    tail = _details(pub)
    if pub.kind is PubKind.BOOK and pub.edition:
        tail.insert(0, f"{pub.edition} edition")
    if not pub.undated:
        tail.append(_date_text(pub))
    prefix = ", " if where and tail else ""
    spans.append(Span(prefix + ", ".join(tail) + "."))
    said = pub.note and pub.status and pub.status.lower() in pub.note.lower()  # "Submitted, ..."
    extra = [
        e[:1].upper() + e[1:].rstrip(".") for e in (None if said else pub.status, pub.note) if e
    ]
    if extra:
        spans.append(Span(" " + ". ".join(extra) + "."))
    return [s for s in spans if s.text]


def annotation_text(pub: Publication) -> str:
    """'Oral, 1.2% acceptance, Impact factor 4.6' or ''."""
    return ", ".join(pub.annotations())


def plain_text(spans: list[Span]) -> str:
    return "".join(span.text for span in spans)


@dataclass(frozen=True)
class SpanStyle:
    """How one markup language writes each span style; `render_spans` applies it.

    Templates hold one `{}` for the (already escaped) text. `link(href, inner)` returns the
    linked text, or `inner` alone when it refuses the href. With `spaces_outside`, leading and
    trailing spaces stay outside the markup (Markdown emphasis must not start with a space).
    """

    escape: Callable[[str], str]
    superscript: str
    italic: str
    underline: str
    bold: str
    link: Callable[[str, str], str]
    spaces_outside: bool = False


_EDGE_SPACE = re.compile(r"^(\s*)(.*?)(\s*)$", re.S)


def _render_span(span: Span, style: SpanStyle) -> str:
    lead, text, trail = "", span.text, ""
    if style.spaces_outside:
        lead, text, trail = _EDGE_SPACE.match(span.text).groups()  # type: ignore[union-attr]
        if not text:
            return span.text
    out = style.escape(text)
    for applies, template in (
        (span.superscript, style.superscript),
        (span.italic, style.italic),
        (span.underline, style.underline),
        (span.bold, style.bold),
    ):
        if applies:
            out = template.format(out)
    if span.href:
        out = style.link(span.href, out)
    return lead + out + trail


def render_spans(spans: list[Span], style: SpanStyle) -> str:
    return "".join(_render_span(span, style) for span in spans)
