"""The page's sections, set through the walk: each part in the template made for it.

The walk decides which template renders each part, so no template branches on a layout: a
section is `html/section.html` around its parts, its legend `html/legend.html`, a group's
heading `html/heading.html`, and a group's entries the template of its layout
(`html/layouts/<layout>.html`), or `html/sections/<section name>.html` where the user (or a
theme) added one. One render per part: a template loops over a group's entries itself.
"""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from cvgen.document import Group, Section
from cvgen.writers.walk import Walk

SECTION = "html/section.html"
LEGEND = "html/legend.html"
HEADING = "html/heading.html"


class HtmlSections(Walk):
    """The sections as HTML, one text each (`sections`), rendered in `env` with the page's
    template context `values`."""

    name = "html"

    def __init__(self, env: jinja2.Environment, values: dict[str, Any]) -> None:
        self.env, self.values = env, values
        self.parts: list[Markup] = []
        self.sections: list[Markup] = []

    def render(self, names: list[str], **values: Any) -> Markup:
        """The first of the templates `names` there is, with the page's context and `values`."""
        return Markup(self.env.select_template(names).render(self.values, **values))

    def visit_section(self, section: Section) -> None:
        self.parts = []

    def visit_legend(self, section: Section) -> None:
        self.parts.append(self.render([LEGEND], section=section))

    def visit_heading(self, group: Group) -> None:
        self.group_part([HEADING], group)

    def depart_section(self, section: Section) -> None:
        self.sections.append(self.render([SECTION], section=section, parts=self.parts))

    def group_part(self, names: list[str], group: Group) -> None:
        """A part of `group`: its template sees the section, the group, and `level`, the
        group's HTML heading level (3 for a section's groups, 4 for theirs)."""
        level = self.level + 1
        self.parts.append(self.render(names, section=self.section, group=group, level=level))

    def entries(self, group: Group) -> None:
        """The group's entries in its layout's template, or its section's own."""
        layout = f"html/layouts/{group.layout}.html"
        self.group_part([f"html/sections/{self.section.name}.html", layout], group)

    visit_dated = visit_references = visit_table = visit_bullets = visit_paragraphs = entries
