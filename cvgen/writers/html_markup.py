"""Spans as HTML: the one place that turns cvgen text into HTML markup.

The HTML page, `cvgen filter --format html`, the bio and the site exports all print spans
through `spans_to_html`, so an entry looks the same everywhere and every piece of text is
escaped on its way out; links pass `safe_href` first.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from cvgen.compose.document import Link, Span
from cvgen.urls import safe_href
from cvgen.writers.spans import SpanStyle, render_spans


def _html_link(href: str, inner: str) -> str:
    safe = safe_href(href)
    return f'<a href="{escape(safe)}">{inner}</a>' if safe else inner


HTML_STYLE = SpanStyle(
    escape=lambda text: str(escape(text)),
    superscript="<sup>{}</sup>",
    italic="<i>{}</i>",
    underline="<u>{}</u>",
    bold="<strong>{}</strong>",
    link=_html_link,
    marked={"self": '<strong class="self">{}</strong>', "student": '<u class="student">{}</u>'},
)


def spans_to_html(spans: list[Span]) -> Markup:
    """Inline HTML for a citation: own name <strong>, students <u>, venue <i>, marks <sup>."""
    return Markup(render_spans(spans, HTML_STYLE))


def links_to_html(links: list[Link]) -> Markup:
    """'<span class="links"><a href="...">DOI</a> <a ...>Code</a></span>', safe links only."""
    anchors = [
        f'<a href="{escape(href)}">{escape(link.label)}</a>'
        for link in links
        if (href := safe_href(link.href))
    ]
    return Markup(f'<span class="links">{" ".join(anchors)}</span>' if anchors else "")
