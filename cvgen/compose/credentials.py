"""Certifications and licences, and memberships of professional bodies, as sections."""

from __future__ import annotations

from cvgen.compose.career import (
    dates,
    details,
    in_own_language,
    joined,
    noted_entry,
    plain,
    text_sentence,
)
from cvgen.compose.context import Context
from cvgen.document import Entry, Group, Span
from cvgen.model import CV, Certification, Membership


def certification_entry(ctx: Context, item: Certification) -> Entry:
    """'Board Certification in Neurology, American Board of ..., no. 12345   2006 – 2026'."""
    number = item.identifier and ctx.words.fmt("identifier", identifier=item.identifier)
    entry = Entry(
        [Span(item.name)],
        joined(item.issuer, number or None),
        dates(ctx, item.date, item.end),
        details(text_sentence(item.note)),
    )
    return in_own_language(ctx, entry, item.language, item.name, item.issuer)


def certifications(cv: CV, ctx: Context) -> list[Group]:
    items = ctx.in_order(cv.data.certifications)
    return plain([certification_entry(ctx, item) for item in items])


def membership_entry(ctx: Context, item: Membership) -> Entry:
    """The body first, then one's grade or office in it: 'IEEE, Senior Member'."""
    return noted_entry(ctx, item.organization, [item.role], item)


def memberships(cv: CV, ctx: Context) -> list[Group]:
    items = ctx.in_order(cv.data.memberships)
    return plain([membership_entry(ctx, item) for item in items])
