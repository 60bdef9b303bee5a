"""The one walk over the document tree that every block writer sets the CV with.

A writer subclasses `Walk` and says how it sets each part; the walk decides the order
(Sphinx's `dispatch_visit`): each section (`visit_section`), its legend (`visit_legend`),
then its groups: a group's heading (`visit_heading`), its entries in the group's layout
(`visit_dated`, `visit_references`, `visit_table`, `visit_bullets`, `visit_paragraphs`), then
its sub-groups one level deeper. A layout the writer has no method for is an error naming both
(Sphinx's `unknown_visit`), never a silent fallback.

What a writer needs to know while it sets a group lives on the walk, not in parameters:
`section`, `level` (the outline level: 1 a section, 2 its groups, 3 theirs) and `table`.
Consecutive table groups are set as one table (the grants' competitive and industry funding):
the walk opens it (`open_table`) before the first, visits each group (its heading, which a
writer may set as a row of the table, then `visit_table`), and closes it (`close_table`);
`table` holds the groups while it is open. A group with sub-groups ends its table, so its
sub-groups follow the table instead of landing inside it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import get_args

from cvgen.document import Group, Layout, Section
from cvgen.errors import CvgenError

LAYOUTS: tuple[str, ...] = get_args(Layout)


def in_table(group: Group) -> bool:
    """Whether the group is set in a table shared with its neighbours (see the module)."""
    return group.layout == "table" and bool(group.entries)


def runs(groups: list[Group]) -> list[list[Group]]:
    """The groups as they are set: consecutive table groups together (until one that has
    sub-groups), every other group alone."""
    out: list[list[Group]] = []
    for group in groups:
        previous = out[-1][-1] if out else None
        if previous and in_table(previous) and in_table(group) and not previous.groups:
            out[-1].append(group)
        else:
            out.append([group])
    return out


class Walk(ABC):
    """A writer that sets the tree block by block; subclasses write into their own output."""

    name = "writer"  # the writer's name, for messages
    section: Section
    level = 0
    table: list[Group] | None = None

    @classmethod
    def layouts(cls) -> tuple[str, ...]:
        """The layouts this writer has a method for."""
        return tuple(name for name in LAYOUTS if callable(getattr(cls, f"visit_{name}", None)))

    def visitor(self, layout: str) -> Callable[[Group], None]:
        """The method that sets a group of `layout`; a layout without one is an error."""
        method = getattr(self, f"visit_{layout}", None)
        if not callable(method):
            raise CvgenError(
                f"the {self.name} writer cannot lay out a group as {layout!r} "
                f"(it has: {', '.join(self.layouts()) or 'no layout'})"
            )
        return method

    def walk(self, sections: list[Section]) -> None:
        for section in sections:
            self.walk_section(section)

    def walk_section(self, section: Section) -> None:
        self.section, self.level = section, 1
        self.visit_section(section)
        if section.legend:
            self.visit_legend(section)
        self.walk_groups(section.groups)
        self.depart_section(section)

    def walk_groups(self, groups: list[Group]) -> None:
        self.level += 1
        for run in runs(groups):
            if in_table(run[0]):
                self.table = run
                self.open_table(run)
            for group in run:
                if group.heading:
                    self.visit_heading(group)
                if group.entries:
                    self.visitor(group.layout)(group)
            if self.table is not None:
                self.close_table(run)
                self.table = None
            self.walk_groups(run[-1].groups)
        self.level -= 1

    # --- what every writer sets ---------------------------------------------------------------

    @abstractmethod
    def visit_section(self, section: Section) -> None:
        """The section's heading."""

    @abstractmethod
    def visit_legend(self, section: Section) -> None:
        """What the section's marks mean."""

    @abstractmethod
    def visit_heading(self, group: Group) -> None:
        """A group's heading, at `level`."""

    # --- what a writer may add ----------------------------------------------------------------

    def depart_section(self, section: Section) -> None:  # noqa: B027 (optional)
        """After the section's last group."""

    def open_table(self, groups: list[Group]) -> None:  # noqa: B027 (optional)
        """Before the first of `groups`, the table groups set together."""

    def close_table(self, groups: list[Group]) -> None:  # noqa: B027 (optional)
        """After the last of `groups`."""
