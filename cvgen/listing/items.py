"""One CV entry of any section as backend-neutral Spans, for the filter's listing formats.

Publications go through cvgen.citation (the same formatting as the full CV); the other
sections get a one-line form here: what, where, when.
"""

from __future__ import annotations

from typing import Any

from cvgen.citation import Span, annotation_text, publication_spans
from cvgen.dates import format_range
from cvgen.formatting import money, sentence_case
from cvgen.model import (
    Appointment,
    Award,
    Degree,
    Grant,
    Press,
    Publication,
    Service,
    Student,
    StudentLevel,
    Talk,
    Teaching,
)

LEVEL_NAMES = {
    StudentLevel.PHD: "PhD student",
    StudentLevel.MSC: "MSc student",
    StudentLevel.UNDERGRADUATE: "undergraduate researcher",
    StudentLevel.POSTDOC: "postdoctoral researcher",
}


def publication_entry(pub: Publication) -> list[Span]:
    """The citation, then its annotations in italics, then its links."""
    spans = publication_spans(pub)
    annotation = annotation_text(pub)
    if annotation:
        spans += [Span(" "), Span(annotation.rstrip(".") + ".", italic=True)]
    return spans + _links(pub.links.items())


def _links(pairs: list[tuple[str, str | None]]) -> list[Span]:
    spans: list[Span] = []
    for label, href in pairs:
        if href:
            spans += [Span(" "), Span(label, href=href)]
    return spans


def _sentence(*parts: str | None, when: str = "") -> list[Span]:
    """'part, part, when.' with empty parts dropped.

    Bold is kept for the researcher's own name in author lists, so item names stay plain.
    """
    return [Span(", ".join(p for p in (*parts, when) if p) + ".")]


def _extra(*sentences: str | None) -> list[Span]:
    return [Span(" " + sentence_case(s.rstrip(".")) + ".") for s in sentences if s]


def item_entry(item: Any) -> list[Span]:
    """A non-publication CV item (or a research interest, which is plain text)."""
    match item:
        case str():
            return [Span(item)]
        case Degree():
            head = item.degree + (f" in {item.field}" if item.field else "")
            spans = _sentence(
                head, item.institution, item.location, when=format_range(item.start, item.end)
            )
            thesis = [Span(" Thesis: "), Span(item.thesis, italic=True), Span(".")]
            label = "Advisors" if len(item.advisor) > 1 else "Advisor"
            advisor = f"{label}: {', '.join(item.advisor)}" if item.advisor else None
            return spans + (thesis if item.thesis else []) + _extra(advisor, item.honours)
        case Appointment():
            spans = _sentence(
                item.title,
                item.department,
                item.institution,
                item.location,
                when=format_range(item.start, item.end),
            )
            return spans + _extra(item.note)
        case Award():
            spans = _sentence(
                item.name,
                item.organization,
                money(item.amount, item.currency) or None,
                when=format_range(item.start, item.end),
            )
            return spans + _extra(item.note)
        case Grant():
            funder = item.funder + (f" ({item.program})" if item.program else "")
            spans = _sentence(
                item.title,
                funder,
                item.number,
                f"role: {item.role.value}",
                money(item.amount, item.currency) or None,
                when=format_range(item.start, item.end),
            )
            return spans + _extra(item.note)
        case Student():
            end = item.end or item.expected_end
            when = format_range(item.start, end) + (" (expected)" if not item.end and end else "")
            level = LEVEL_NAMES[item.level]
            spans = _sentence(item.name, level, item.status, when=when)
            thesis = [Span(" Thesis: "), Span(item.thesis, italic=True), Span(".")]
            co = (
                f"Co-supervised with {', '.join(item.co_supervisors)}"
                if item.co_supervisors
                else None
            )
            now = f"Now: {item.current_position}" if item.current_position else None
            return spans + (thesis if item.thesis else []) + _extra(co, now)
        case Teaching():
            head = item.course + (f" ({item.code})" if item.code else "")
            students = f"{item.enrollment} students" if item.enrollment else None
            when = ", ".join(item.terms) or format_range(item.start, item.end)
            spans = _sentence(head, item.institution, item.role, item.level, students, when=when)
            return spans + _extra(item.note)
        case Service():
            return _sentence(item.role, item.organization, when=format_range(item.start, item.end))
        case Talk():
            spans = _sentence(
                item.title,
                item.event,
                item.location,
                item.kind.value,
                when=item.date.human(),
            )
            return spans + _links(
                [("Video", item.video), ("Slides", item.slides), ("URL", item.url)]
            )
        case Press():
            spans = _sentence(item.title, item.outlet, item.kind, when=item.date.human())
            return spans + _links([("Link", item.url)])
    raise TypeError(f"no listing form for {type(item).__name__}")
