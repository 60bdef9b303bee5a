"""compose(cv, settings) -> Document: the one place where a CV's content is decided.

Each section has one function here, turning the tailored model into groups of entries in the
words of the CV's language; every writer then only lays the Document out. Adding a section
is one function and one line in SECTIONS; adding an output format needs nothing here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from cvgen.compose import career, credentials, grants, positions, supervision
from cvgen.compose.context import Context, Settings
from cvgen.compose.custom import custom_groups, custom_heading
from cvgen.compose.header import furniture, header, meta
from cvgen.compose.numbering import publication_numbers
from cvgen.compose.order import SECTION_KINDS
from cvgen.compose.personal import personal_details
from cvgen.compose.publications import legend, publication_groups
from cvgen.compose.schema_org import schema_org
from cvgen.compose.unbroken import kept_together
from cvgen.document import Document, Entry, Group, Section
from cvgen.model import CV, Publication
from cvgen.util.progress import advance, step

__all__ = ["ENTRIES", "Context", "Settings", "compose"]

SECTIONS: dict[str, Callable[[CV, Context], list[Group]]] = {
    "personal_details": personal_details,
    "research_interests": career.research_interests,
    "education": career.education,
    "certifications": credentials.certifications,
    "appointments": positions.appointments,
    "administration": positions.administration,
    "awards": career.awards,
    "grants": grants.grants,
    "students": supervision.students,
    "teaching": career.teaching,
    "service": career.service,
    "memberships": credentials.memberships,
    "talks": career.talks,
    "press": career.press,
}


# One entry of a cv.yaml section, for documents that list items on their own (biosketches).
ENTRIES: dict[str, Callable[[Context, Any], Entry]] = {
    "education": career.degree_entry,
    "certifications": credentials.certification_entry,
    "appointments": positions.appointment_entry,
    "awards": career.award_entry,
    "grants": grants.grant_entry,
    "students": partial(supervision.student_entry, with_level=True),
    "teaching": career.course_entry,
    "service": career.service_entry,
    "memberships": credentials.membership_entry,
    "talks": career.talk_entry,
    "press": career.press_entry,
}


def _groups(cv: CV, name: str, ctx: Context) -> list[Group]:
    if name in SECTION_KINDS:
        return publication_groups(cv, name, ctx)
    if name in cv.data.custom:
        return custom_groups(cv, name, ctx)
    return SECTIONS[name](cv, ctx)


def _heading(cv: CV, name: str, ctx: Context) -> str:
    if name in cv.data.custom:
        return custom_heading(cv, name, ctx)
    return ctx.words(f"sections.{name}")


def _shown_publications(cv: CV, sections: list[Section]) -> list[Publication]:
    """The publications the sections list, in print order."""
    by_key = {pub.key: pub for pub in cv.publications}
    keys = [e.key for s in sections if s.name in SECTION_KINDS for e in s.all_entries()]
    return [by_key[key] for key in dict.fromkeys(keys) if key in by_key]


def compose(cv: CV, settings: Settings | None = None) -> Document:
    """The Document of the (tailored) CV: its non-empty sections in the CV's order."""
    settings = settings or Settings()
    if settings.dates is None:
        settings = replace(settings, dates=cv.data.design.dates)
    numbers = publication_numbers(cv, settings.numbering, settings.reverse, settings)
    ctx = Context(settings, numbers=numbers)
    sections = []
    order = cv.data.section_order
    with step("Composing the CV"):
        for done, name in enumerate(order):
            advance(done, len(order))
            groups = _groups(cv, name, ctx)
            if groups:
                heading = _heading(cv, name, ctx)
                number = len(sections) + 1 if settings.numbered_sections else None
                sections.append(Section(name, ctx.ids(name), heading, groups, number=number))
    works = _shown_publications(cv, sections)
    marks = legend(cv, works, ctx)
    for index, section in enumerate(sections):
        if section.name in SECTION_KINDS:  # the legend goes above the first publication list
            sections[index] = replace(section, legend=marks)
            break
    today = (
        settings.as_of.iso() if settings.as_of else (settings.today or dt.date.today()).isoformat()
    )
    document = Document(
        header=header(cv, ctx),
        sections=sections,
        meta=meta(cv, ctx, today),
        furniture=furniture(ctx, cv.data.person),
        schema_org=schema_org(cv.data, works),
    )
    return kept_together(document)
