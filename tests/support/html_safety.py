"""Hostile text for HTML and what an inert page may hold."""

from __future__ import annotations

import json
import re
from enum import Enum
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from tests.support.html_doc import Element, parse
from tests.support.rendering import is_choice

PIECES = [
    "<script>alert(1)</script>",
    "</script><script>alert(1)//",
    '"',
    "'",
    "`",
    '" onmouseover="alert(1)',
    "' onerror='alert(1)",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "<!--",
    "-->",
    "]]>",
    "&lt;script&gt;",
    "&",
    "{{ 7*7 }}",
    "{% raw %}",
    "\u2028",
    "<style>*{}</style>",
]


hostile = (
    st.lists(st.sampled_from(PIECES) | st.text(max_size=6), min_size=1, max_size=5)
    .map("".join)
    .filter(str.strip)
)


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "article", "header", "nav", "section",
    "h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "a", "span", "div", "strong", "u", "i", "sup",
    "cite", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "script",
}  # fmt: skip


ALLOWED_ATTRIBUTES = {
    "lang", "dir", "charset", "name", "content", "class", "id", "href", "value", "data-tags",
    "data-label", "aria-label", "scope", "type", "colspan", "rowspan",
}  # fmt: skip


SAFE_LINK_PREFIXES = ("https://", "http://", "mailto:", "#")


def poison(value: Any, text: str) -> Any:
    """The same value with every free-text string in it (keys, list items, fields) replaced by
    `text`."""
    if isinstance(value, Enum) or not isinstance(value, (str, list, dict, BaseModel)):
        return value
    if isinstance(value, str):
        return text
    if isinstance(value, list):
        return [poison(item, text) for item in value]
    if isinstance(value, dict):
        return {poison(k, text): poison(v, text) for k, v in value.items()}
    model = type(value)
    return value.model_copy(
        update={
            name: poison(getattr(value, name), text)
            for name, field in model.model_fields.items()
            if not is_choice(field.annotation)
        }
    )


def is_safe_link(href: str) -> bool:
    """An absolute web/mail link, or a relative one (no scheme before the first '/', '?' or
    '#', as RFC 3986 reads it: '0#javascript:x' is a path and a fragment)."""
    return href.startswith(SAFE_LINK_PREFIXES) or ":" not in re.split(r"[/?#]", href)[0]


def assert_inert(html: str) -> Element:
    page = parse(html)
    for element in page.iter():
        if element.tag == "#document":
            continue
        assert element.tag in ALLOWED_TAGS, element.tag
        names = [name for name, _ in element.attrs]
        assert set(names) <= ALLOWED_ATTRIBUTES, names
        href = element.get("href")
        if href is not None:
            assert is_safe_link(href), href
    scripts = list(page.iter("script"))
    assert len(scripts) <= 1
    for script in scripts:
        assert script.get("type") == "application/ld+json"
        json.loads(script.text())
    return page
