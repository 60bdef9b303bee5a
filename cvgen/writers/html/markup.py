"""Spans as HTML: the one place that turns cvgen text into HTML markup.

The HTML page, `cvgen filter --format html`, the bio and the site exports all print spans
through `spans_to_html`, so an entry looks the same everywhere and every piece of text is
escaped on its way out; links pass `safe_href` first.
"""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup, escape

from cvgen.document import Link, Span
from cvgen.util.urls import safe_href
from cvgen.writers.bidi import phrases
from cvgen.writers.spans import SpanStyle, render_spans


def _html_link(href: str, inner: str) -> str:
    safe = safe_href(href)
    return f'<a href="{escape(safe)}">{inner}</a>' if safe else inner


def _html_language(lang: str, direction: str, inner: str) -> str:
    """A run in another language: its `lang` (WCAG 3.1.2) and its direction, isolated."""
    return f'<span lang="{escape(lang)}" dir="{direction}">{inner}</span>'


HTML_STYLE = SpanStyle(
    escape=lambda text: str(escape(text)),
    superscript="<sup>{}</sup>",
    italic="<i>{}</i>",
    underline="<u>{}</u>",
    bold="<strong>{}</strong>",
    link=_html_link,
    nobreak='<span class="nobreak">{}</span>',
    marked={"self": '<strong class="self">{}</strong>', "student": '<u class="student">{}</u>'},
    language=_html_language,
    left_to_right='<span dir="ltr">{}</span>',
)


def _isolated_phrases(text: str) -> str:
    """Right-to-left phrases ('עמ׳ 12–14') isolated, for a right-to-left page: inside an
    English reference each keeps its number beside it (see writers/bidi.py)."""
    return "".join(
        f'<span dir="rtl">{escape(piece)}</span>' if is_phrase else str(escape(piece))
        for piece, is_phrase in phrases(text)
    )


HTML_RTL_STYLE = replace(HTML_STYLE, escape=_isolated_phrases)


def spans_to_html(spans: list[Span], *, rtl: bool = False) -> Markup:
    """Inline HTML for a citation: own name <strong>, students <u>, venue <i>, marks <sup>;
    `rtl` for a right-to-left page."""
    style = HTML_RTL_STYLE if rtl else HTML_STYLE
    return Markup(render_spans(spans, style, "rtl" if rtl else "ltr"))


def links_to_html(links: list[Link]) -> Markup:
    """'<span class="links"><a href="...">DOI</a> <a ...>Code</a></span>', safe links only."""
    anchors = [
        f'<a href="{escape(href)}">{escape(link.label)}</a>'
        for link in links
        if (href := safe_href(link.href))
    ]
    return Markup(f'<span class="links">{" ".join(anchors)}</span>' if anchors else "")
