"""Spans into a markup language: each writer says how it writes each style, once.

Templates hold one `{}` for the (already escaped) text; `nobreak` keeps a run on one line
(plain text and Markdown have no lines to keep and print the run as it is). `link(href,
inner)` returns the linked text, or `inner` alone when it refuses the href. With
`spaces_outside`, leading and trailing spaces stay outside the markup (Markdown emphasis must
not start with a space).

Spans in another language than the document's come as runs (document.language_runs), each
set by `language(lang, direction, inner)`: one isolated unit in its own direction. Where the
text around reads right to left, a number range ('640–652') is isolated left to right
(`left_to_right`), so that it reads ascending rather than '652–640'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from cvgen.document import MARK_STYLES, Entry, Span, language_runs
from cvgen.words import text_direction
from cvgen.writers.bidi import reads_left_to_right


@dataclass(frozen=True)
class SpanStyle:
    """`marked` replaces a style's template for a span whose mark implies that style (HTML
    gives the owner's bold a class the legend and a theme's CSS can refer to)."""

    escape: Callable[[str], str]
    superscript: str
    italic: str
    underline: str | Callable[[str], str]  # a template, or a function of the escaped text
    bold: str
    link: Callable[[str, str], str]
    spaces_outside: bool = False
    nobreak: str = "{}"
    marked: dict[str, str] = field(default_factory=dict)
    language: Callable[[str, str, str], str] | None = None  # (lang, direction, inner)
    left_to_right: str = "{}"  # a number range inside right-to-left text


_EDGE_SPACE = re.compile(r"^(\s*)(.*?)(\s*)$", re.S)


def head_spans(entry: Entry, bold: bool = True) -> list[Span]:
    """An entry's head as one line: its title (bold), ', ', its qualifiers. Where title and
    qualifiers are in one other language (an English degree in a Hebrew CV), the comma is
    too, so the whole head is one run, isolated in its direction as a whole."""
    title = [replace(span, bold=True) for span in entry.title] if bold else list(entry.title)
    if not entry.qualifiers:
        return title
    lang = entry.title[-1].lang if entry.title else None
    shared = lang if lang and entry.qualifiers[0].lang == lang else None
    return [*title, Span(", ", lang=shared), *entry.qualifiers]


def is_number_range(span: Span) -> bool:
    """A run kept whole that is a number range ('640–652', '212(1–2)'), which reads left to
    right whatever the direction around it."""
    return span.nobreak and any(ch.isdigit() for ch in span.text) and reads_left_to_right(span.text)


def _render_span(span: Span, style: SpanStyle, rtl: bool = False) -> str:
    lead, text, trail = "", span.text, ""
    if style.spaces_outside:
        lead, text, trail = _EDGE_SPACE.match(span.text).groups()  # type: ignore[union-attr]
        if not text:
            return span.text
    out = style.escape(text)
    if span.nobreak:
        out = style.nobreak.format(out)
        if rtl and is_number_range(span):
            out = style.left_to_right.format(out)
    marked = MARK_STYLES.get(span.mark or "")
    for applies, name, template in (
        (span.superscript, "superscript", style.superscript),
        (span.italic, "italic", style.italic),
        (span.underline, "underline", style.underline),
        (span.bold, "bold", style.bold),
    ):
        if applies:
            if name == marked and span.mark in style.marked:
                template = style.marked[span.mark]
            out = template(out) if callable(template) else template.format(out)
    if span.href:
        out = style.link(span.href, out)
    return lead + out + trail


def render_spans(spans: list[Span], style: SpanStyle, direction: str = "ltr") -> str:
    """The spans in the markup; `direction` is the document's."""
    out = []
    for lang, run in language_runs(spans):
        rtl = (text_direction(lang) if lang else direction) == "rtl"
        inner = "".join(_render_span(span, style, rtl) for span in run)
        if lang and style.language:
            inner = style.language(lang, text_direction(lang), inner)
        out.append(inner)
    return "".join(out)
