"""The CV's sections: their names (as used in cv.yaml `sections:` and `--sections`), headings,
and the default academic order. Backends iterate `section_order(cv)` so tailoring can reorder
or drop sections without any backend knowing about it.
"""

from __future__ import annotations

from cvgen.model import CV, PubKind, ServiceCategory, StudentLevel, TalkKind

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


# Sub-headings within sections, shared by every backend so the PDF and the web page agree.
STATUS_HEADINGS = {"current": "Current", "completed": "Completed", "left": "Left before completion"}
LEVEL_HEADINGS: dict[StudentLevel, str] = {
    StudentLevel.POSTDOC: "Postdoctoral researchers",
    StudentLevel.PHD: "PhD students",
    StudentLevel.MSC: "MSc students",
    StudentLevel.UNDERGRADUATE: "Undergraduate researchers",
}
SERVICE_HEADINGS: dict[ServiceCategory, str] = {
    ServiceCategory.EDITORIAL: "Editorial boards",
    ServiceCategory.REVIEWING: "Reviewing and programme committees",
    ServiceCategory.ORGANISING: "Organising",
    ServiceCategory.PROFESSIONAL: "Professional societies",
    ServiceCategory.UNIVERSITY: "University",
    ServiceCategory.DEPARTMENTAL: "Department",
    ServiceCategory.OUTREACH: "Outreach",
}
TALK_HEADINGS: dict[TalkKind, str] = {
    TalkKind.KEYNOTE: "Keynote and plenary talks",
    TalkKind.INVITED: "Invited talks",
    TalkKind.CONTRIBUTED: "Contributed talks",
    TalkKind.SEMINAR: "Seminars",
    TalkKind.PUBLIC: "Public lectures",
}
COURSE_LEVELS = {
    "undergraduate": "undergraduate",
    "graduate": "graduate",
    "mixed": "undergraduate and graduate",
}
GRANT_HEADINGS = {"competitive": "Competitive funding", "industrial": "Industry funding"}
_LINK_LABELS = {
    "github": "GitHub", "gitlab": "GitLab", "google_scholar": "Google Scholar", "dblp": "DBLP",
    "linkedin": "LinkedIn", "researchgate": "ResearchGate", "semantic_scholar": "Semantic Scholar",
    "mastodon": "Mastodon", "bluesky": "Bluesky", "twitter": "Twitter", "x": "X",
}  # fmt: skip


def link_label(key: str) -> str:
    """'google_scholar' -> 'Google Scholar', the label of a person.links entry."""
    return _LINK_LABELS.get(key.lower(), key.replace("_", " ").title())
