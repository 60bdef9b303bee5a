"""Citation spans and links as HTML: the one place that turns cvgen text into markup.

The HTML page, the filter command's `--format html`, the bio and the Jekyll export all print
publications through `spans_to_html`, so an entry looks the same everywhere and every piece of
text is escaped on its way out. `safe_href` re-checks links even though the model validated
them: DOIs and arXiv ids are free text, and a template override should not be able to turn
data into a `javascript:` link by accident.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from cvgen.citation import Span

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f<>\"'`\\]")
_PATH_START = re.compile(r"[/?#]")


def safe_href(url: str | None) -> str | None:
    """The link as an href (doi: becomes https://doi.org/), or None if it is not safe to link.

    Browsers ignore whitespace and control characters inside a scheme ("java\\tscript:"), so a
    link containing any of them is refused outright rather than cleaned. A colon before the
    first '/', '?' or '#' marks a scheme (RFC 3986), and only http(s), mailto and doi pass.
    """
    if not url:
        return None
    url = url.strip()
    if _UNSAFE_CHARS.search(url):
        return None
    if ":" not in _PATH_START.split(url, maxsplit=1)[0]:
        return url
    scheme, rest = url.split(":", 1)
    if scheme.lower() == "doi":
        return "https://doi.org/" + rest.lstrip("/")
    return url if scheme.lower() in _SAFE_SCHEMES else None


def _span_html(span: Span) -> str:
    html = str(escape(span.text))
    if span.superscript:
        html = f"<sup>{html}</sup>"
    if span.italic:
        html = f"<i>{html}</i>"
    if span.underline:
        html = f'<u class="student">{html}</u>'
    if span.bold:
        html = f'<strong class="self">{html}</strong>'
    href = safe_href(span.href)
    if href:
        html = f'<a href="{escape(href)}">{html}</a>'
    return html


def spans_to_html(spans: list[Span]) -> Markup:
    """Inline HTML for a citation: own name <strong>, students <u>, venue <i>, marks <sup>."""
    return Markup("".join(_span_html(span) for span in spans))
