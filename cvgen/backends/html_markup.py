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

from cvgen.citation import Span, SpanStyle, render_spans

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


def _html_link(href: str, inner: str) -> str:
    safe = safe_href(href)
    return f'<a href="{escape(safe)}">{inner}</a>' if safe else inner


HTML_STYLE = SpanStyle(
    escape=lambda text: str(escape(text)),
    superscript="<sup>{}</sup>",
    italic="<i>{}</i>",
    underline='<u class="student">{}</u>',
    bold='<strong class="self">{}</strong>',
    link=_html_link,
)


def spans_to_html(spans: list[Span]) -> Markup:
    """Inline HTML for a citation: own name <strong>, students <u>, venue <i>, marks <sup>."""
    return Markup(render_spans(spans, HTML_STYLE))
