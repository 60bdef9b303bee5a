"""The CV's sections: their names (as used in cv.yaml `sections:` and `--sections`), headings,
and the default academic order. Backends iterate `section_order(cv)` so tailoring can reorder
or drop sections without any backend knowing about it.
"""

from __future__ import annotations

from cvgen.model import CV, PubKind

# Publication kinds shown under "Publications", in order; patents get a section of their own.
PUBLICATION_KINDS: tuple[PubKind, ...] = (
    PubKind.JOURNAL,
    PubKind.CONFERENCE,
    PubKind.BOOK,
    PubKind.CHAPTER,
    PubKind.PREPRINT,
    PubKind.REPORT,
    PubKind.THESIS,
    PubKind.OTHER,
)
KIND_HEADINGS: dict[PubKind, str] = {
    PubKind.JOURNAL: "Journal Articles",
    PubKind.CONFERENCE: "Conference Papers",
    PubKind.BOOK: "Books",
    PubKind.CHAPTER: "Book Chapters",
    PubKind.PREPRINT: "Preprints",
    PubKind.REPORT: "Technical Reports",
    PubKind.THESIS: "Theses",
    PubKind.OTHER: "Other Publications",
    PubKind.PATENT: "Patents",
}
HEADINGS: dict[str, str] = {
    "research_interests": "Research Interests",
    "education": "Education",
    "appointments": "Academic Appointments",
    "awards": "Honours and Awards",
    "grants": "Research Funding",
    "students": "Supervision",
    "teaching": "Teaching",
    "service": "Service",
    "publications": "Publications",
    "patents": "Patents",
    "talks": "Talks",
    "press": "Media and Press",
}
DEFAULT_ORDER: tuple[str, ...] = tuple(HEADINGS)


def section_order(cv: CV) -> list[str]:
    """The sections to render, in order: cv.yaml's `sections:` if given, else the default."""
    return list(cv.data.sections) or list(DEFAULT_ORDER)


def unknown_sections(names: list[str]) -> list[str]:
    return [name for name in names if name not in HEADINGS]
