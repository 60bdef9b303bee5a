"""The page's sections (writers/html/sections.py): the walk renders each part in its template,
a group's entries in its layout's template, or in the section's own template when there is
one."""

from __future__ import annotations

import jinja2

from cvgen.document import Entry, Group, Section, Span
from cvgen.writers.html.sections import HtmlSections

TEMPLATES = {
    "html/section.html": "<section id='{{ section.id }}'>{{ parts | join('') }}</section>",
    "html/legend.html": "<p>legend</p>",
    "html/heading.html": "<h{{ level }}>{{ group.heading }}</h{{ level }}>",
    "html/layouts/dated.html": "<ul>{% for e in group.entries %}<li>d</li>{% endfor %}</ul>",
    "html/layouts/bullets.html": "<ul class='b'></ul>",
    "html/sections/talks.html": "<div class='talks'></div>",
}


def _sections(*sections: Section) -> list[str]:
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=True)
    walk = HtmlSections(env, {})
    walk.walk(list(sections))
    return [str(html) for html in walk.sections]


def test_each_part_is_rendered_in_its_template_at_its_heading_level() -> None:
    group = Group("Doctoral", [Entry([Span("A")]), Entry([Span("B")])], "dated")
    [html] = _sections(Section("education", "education", "Education", [group]))
    expected = "<h3>Doctoral</h3><ul><li>d</li><li>d</li></ul>"  # a section's groups are h3
    assert html == f"<section id='education'>{expected}</section>"


def test_a_section_s_own_template_wins_over_its_layout_s() -> None:
    talks = Section("talks", "talks", "Talks", [Group(None, [Entry([Span("T")])], "bullets")])
    interests = Section("interests", "interests", "Interests", [Group(None, [], "bullets")])
    assert _sections(talks, interests) == [
        "<section id='talks'><div class='talks'></div></section>",
        "<section id='interests'></section>",
    ]
