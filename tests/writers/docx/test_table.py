"""A table group (grants) as a Word table (writers/docx/table.py): its columns, a row per entry,
the totals, and widths that fit the page."""

from __future__ import annotations

import pytest

from cvgen.document import Group
from cvgen.model import CV
from cvgen.writers.docx.table import column_widths, grants_table
from tests.support.rendering import document
from tests.support.word_body import finished, new_body


@pytest.fixture
def grant_groups(small_cv: CV) -> list[Group]:
    return [g for s in document(small_cv).sections if s.name == "grants" for g in s.groups]


def test_the_columns_fit_the_text_width_the_main_one_widest(grant_groups) -> None:
    body = new_body()
    widths = column_widths(body, grant_groups)
    assert len(widths) == len(grant_groups[0].columns) == 4
    section = body.doc.sections[0]
    emu_per_point = 12700
    text_width = (section.page_width - section.left_margin - section.right_margin) / emu_per_point
    assert sum(widths) == pytest.approx(text_width, abs=1) and widths[0] == max(widths)


def test_a_row_per_grant_under_the_heading_row_then_the_totals(grant_groups) -> None:
    body = new_body()
    group = grant_groups[0]
    grants_table(body, group, column_widths(body, grant_groups))
    (table,) = finished(body).tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == group.columns
    assert len(rows) == 1 + len(group.entries) + len(group.totals)
    assert rows[-1][0] == "Total" and rows[-1][2] == group.totals[0].amount
