"""Spans into a markup language (writers/spans.py): each style written once per writer."""

from __future__ import annotations

import html

from cvgen.document import Span
from cvgen.writers.spans import SpanStyle, render_spans

STYLE = SpanStyle(
    escape=html.escape,
    superscript="<sup>{}</sup>",
    italic="<i>{}</i>",
    underline=lambda text: f"<u>{text}</u>",
    bold="<b>{}</b>",
    link=lambda href, text: f'<a href="{href}">{text}</a>',
    nobreak="<nobr>{}</nobr>",
    marked={"self": '<b class="self">{}</b>'},
)


def test_styles_nest_in_a_fixed_order_around_the_escaped_text() -> None:
    span = Span("a<b", bold=True, italic=True, superscript=True, href="https://x.org")
    assert render_spans([span], STYLE) == (
        '<a href="https://x.org"><b><i><sup>a&lt;b</sup></i></b></a>'
    )
    assert render_spans([Span("1–9", nobreak=True), Span(" x", underline=True)], STYLE) == (
        "<nobr>1–9</nobr><u> x</u>"
    )


def test_a_mark_that_implies_a_style_takes_the_writers_own_template() -> None:
    assert render_spans([Span("Ada", bold=True, mark="self")], STYLE) == '<b class="self">Ada</b>'
    assert render_spans([Span("Bo", bold=True, mark="student")], STYLE) == "<b>Bo</b>"


def test_spaces_may_stay_outside_the_markup() -> None:
    outside = SpanStyle(**{**STYLE.__dict__, "spaces_outside": True})
    assert render_spans([Span(" Ada ", bold=True), Span("  ", italic=True)], outside) == (
        " <b>Ada</b>   "
    )
