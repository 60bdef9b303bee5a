"""Spans as HTML (writers/html/markup.py): hostile text in any field of the CV never becomes
markup, script or a dangerous link."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from cvgen.document import Span
from cvgen.model import CV
from cvgen.util.urls import safe_href
from cvgen.writers.html.markup import spans_to_html
from tests.support.html_safety import assert_inert, hostile, poison
from tests.support.rendering import render


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
