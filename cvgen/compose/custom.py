"""Sections of the user's own (`custom:` in cv.yaml): memberships, career breaks, software,
datasets, languages. Their entries are generic, so one function composes them all: title,
organisation and place, dates, sentences, links, newest first (undated ones in their order).
"""

from __future__ import annotations

from cvgen.compose.career import dates, details, joined, labelled_links, text_sentence
from cvgen.compose.context import Context
from cvgen.document import Entry, Group, Span
from cvgen.model import CV, CustomEntry


def custom_entry(ctx: Context, item: CustomEntry) -> Entry:
    when = dates(ctx, item.date, None) if item.date else dates(ctx, item.start, item.end)
    sentences = [text_sentence(text) for text in item.details]
    links = [("web", item.url), *item.links.items()]
    return Entry(
        [Span(item.title)],
        joined(item.organization, item.location),
        when,
        details(*sentences, text_sentence(item.note)),
        links=labelled_links(ctx, links),
        tags=list(item.tags),
    )


def custom_groups(cv: CV, name: str, ctx: Context) -> list[Group]:
    entries = [custom_entry(ctx, item) for item in ctx.in_order(cv.data.custom[name].entries)]
    return [Group(None, entries)] if entries else []


def custom_heading(cv: CV, name: str, ctx: Context) -> str:
    """The heading in the CV's language where cv.yaml gives one per language."""
    return cv.data.custom[name].heading_in(ctx.words.language, name)
