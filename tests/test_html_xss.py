"""Hostile text in any field of the CV never becomes markup, script or a dangerous link.

The model is filled with the same hostile string in every string field, bypassing validation
(model_copy), so the backend's own escaping and link checks are what is tested. Validation
itself must reject `javascript:` links with file:line; that is tested at the end.
"""

from __future__ import annotations

import json
import re
from enum import Enum
from pathlib import Path
from typing import Any

from html_doc import Element, parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from rendering import is_choice, render

from cvgen.document import Span
from cvgen.load.cv import load
from cvgen.load.sources import Sources
from cvgen.model import CV
from cvgen.util.urls import safe_href
from cvgen.writers.html.markup import spans_to_html

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


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
def test_hostile_text_in_every_field_stays_text(small_cv: CV, text: str):
    cv = poison(small_cv, text)
    for fragment in (False, True):
        html = render(cv, "html", fragment=fragment)
        page = assert_inert(html)
        assert page.find("h1").text() == text


@settings(max_examples=300, deadline=None)
@given(text=hostile, href=hostile)
def test_spans_to_html_escapes_text_and_refuses_bad_links(text: str, href: str):
    spans = [Span(text, bold=True, underline=True, italic=True, superscript=True, href=href)]
    page = assert_inert(str(spans_to_html(spans)))
    assert page.text() == text
    link = page.find("a")
    assert (link.get("href") if link else None) == safe_href(href)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
def test_jekyll_export_values_are_escaped(small_cv: CV, text: str):
    import yaml

    records = yaml.safe_load(render(poison(small_cv, text), "jekyll"))
    for record in records:
        for name in ("title", "authors", "venue", "description", "citation"):
            assert_inert(record.get(name, ""))
        assert_inert(record["link"]["display"])
        for link in [record["link"], *record["links"]]:
            assert "url" not in link or is_safe_link(link["url"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
def test_site_pages_keep_hostile_text_as_text(small_cv: CV, text: str):
    """academicpages front matter is printed verbatim by Liquid: HTML-escaped. Hugo's Markdown
    values and both sites' page bodies run no HTML, Liquid or shortcode."""
    import yaml

    from cvgen.compose import Settings, compose
    from cvgen.formats import get_format

    cv = poison(small_cv, text)
    pub = cv.publications[0]
    cv = cv.model_copy(
        update={"publications": [pub.model_copy(update={"extra": {"abstract": text}})]}
    )
    settings = Settings()
    for target in ("academicpages", "hugo"):
        for name, page in get_format(target).load()(cv, compose(cv, settings), settings).items():
            if not name.endswith(".md"):
                continue
            head, _, body = page.removeprefix("---\n").partition("\n---\n")
            matter = yaml.safe_load(head)
            for value in (body, matter.get("publication", ""), matter.get("abstract", "")):
                assert not re.search(r"<|\{\{|\{%", value), value
            if target == "academicpages":
                for key in ("title", "venue", "excerpt", "citation"):
                    assert_inert(matter.get(key, ""))
            for key in ("paperurl", "slidesurl", "url_pdf", "url_code"):
                assert key not in matter or is_safe_link(matter[key])


def test_safe_href_allows_only_web_mail_doi_and_relative_links():
    assert safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_href("mailto:a@b.org") == "mailto:a@b.org"
    assert safe_href("doi:10.1000/xyz") == "https://doi.org/10.1000/xyz"
    assert safe_href("papers/x.pdf") == "papers/x.pdf"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:x", "java\tscript:x", "data:text/html,x",
                "vbscript:x", 'https://x.org/"onclick=', "", None):  # fmt: skip
        assert safe_href(bad) is None, bad


def test_javascript_links_are_rejected_at_validation_with_file_and_line(tmp_path: Path):
    cv = tmp_path / "cv.yaml"
    cv.write_text("person:\n  name: Ada Lovelace\n  website: javascript:alert(1)\n")
    bib = tmp_path / "publications.bib"
    bib.write_text(
        "@article{a,\n  author = {Lovelace, Ada},\n  title = {T},\n  journal = {J},\n"
        "  year = {1843},\n  url = {javascript:alert(1)},\n}\n"
    )
    model, problems = load(Sources(cv=cv, use_cache=False))
    assert model is None
    located = {(Path(p.file).name, p.line) for p in problems if "safe link" in p.message}
    assert ("cv.yaml", 3) in located
    assert any(name == "publications.bib" and line for name, line in located)
