"""A table group (grants) as a Word table: the group's columns, one row per entry, its totals.

Columns are the tree's: the main one, one per cell (role, amount), then the date column, as in
the PDF. The heading row repeats on every page; a row never splits across pages, and the last
entry stays with the totals under it. The narrow columns are as wide as their widest text,
the main one takes the rest; fixed widths, so Word and LibreOffice lay it out alike.
"""

from __future__ import annotations

from dataclasses import replace

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table, _Cell

from cvgen.document import Entry, Group, Span, plain_text
from cvgen.writers.docx.body import WordBody, text_points
from cvgen.writers.docx.styles import element, insert_property, twips

CELL_PADDING = 4.0  # points either side of a cell's text
MAIN_SHARE = 0.45  # the main column keeps at least this share of the width
WRAPPING_SHARE = 0.2  # a role or amount column takes at most this share


def column_widths(body: WordBody, groups: list[Group]) -> list[float]:
    """Points per column, alike for every table of a section: each narrow column fits its
    widest text, the main one takes the rest."""
    size = body.points("CV Table")
    texts: list[list[str]] = [[column] for column in groups[0].columns]
    for group in groups:
        for entry in group.entries:
            for index, cell in enumerate(entry.cells[: len(texts) - 2], start=1):
                texts[index].append(plain_text(cell))
            texts[-1].append(entry.when or "")
        if len(texts) > 2:
            texts[-2] += [total.amount for total in group.totals]
    narrow = [max(text_points(t, size) for t in column) + 2 * CELL_PADDING for column in texts[1:]]
    # The period never wraps (09/2021 – 08/2026); a long role or in-kind amount wraps in its
    # share of the room left.
    *wrapping, period = narrow
    room = body.width * (1 - MAIN_SHARE) - period
    wrapping = [min(width, WRAPPING_SHARE * body.width) for width in wrapping]
    if sum(wrapping) > room:
        wrapping = [width * room / sum(wrapping) for width in wrapping]
    return [body.width - sum(wrapping) - period, *wrapping, period]


def _border(cell: _Cell, side: str, colour: str | None, width: float) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = element("w:tcBorders")
        insert_property(tc_pr, borders)
    size = str(round(width * 8))
    borders.append(element(f"w:{side}", val="single", sz=size, space="0", color=colour or "000000"))


def _fill(body: WordBody, cell: _Cell, lines: list[tuple[list[Span], str]]) -> None:
    """The cell's paragraphs, in place of the empty ones a new (or merged) cell holds."""
    placeholders = cell.paragraphs
    for spans, style in lines or [([], "CV Table")]:
        body.paragraph(spans, style, container=cell)
    for paragraph in placeholders:
        paragraph._p.getparent().remove(paragraph._p)


def _align_end(cell: _Cell) -> None:
    """Amounts and dates flush with the column's end (Word mirrors it right-to-left)."""
    for paragraph in cell.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _keep(row, with_next: bool) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(element("w:cantSplit"))
    if with_next:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _main_lines(entry: Entry) -> list[tuple[list[Span], str]]:
    lines = [([replace(span, bold=True) for span in entry.title], "CV Table")]
    if entry.qualifiers:
        lines.append((entry.qualifiers, "CV Table"))
    lines += [([replace(span, italic=True) for span in d], "CV Table") for d in entry.details]
    return lines


def _table(body: WordBody, group: Group, rows: int, widths: list[float]) -> Table:
    table = body.doc.add_table(rows=rows, cols=len(group.columns))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT if not body.rtl else None
    table.autofit = False  # a fixed layout
    tbl_pr = table._tbl.tblPr
    if body.rtl:
        tbl_pr.get_or_add_bidiVisual()
    width = tbl_pr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), twips(sum(widths)))
    margins = element("w:tblCellMar")
    padding = {"top": 1, "left": CELL_PADDING, "bottom": 3, "right": CELL_PADDING}
    for side, points in padding.items():
        margins.append(element(f"w:{side}", w=twips(points), type="dxa"))
    insert_property(tbl_pr, margins)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)
        for cell in column.cells:
            cell.width = Pt(width)
    return table


def grants_table(body: WordBody, group: Group, widths: list[float]) -> None:
    """The group's table, its columns `widths` points wide."""
    rule, muted = body.theme.colour("rule"), body.theme.colour("muted")
    rows = 1 + len(group.entries) + len(group.totals)
    table = _table(body, group, rows, widths)
    head = table.rows[0]
    head._tr.get_or_add_trPr().append(element("w:tblHeader"))
    amount = len(group.columns) - 2  # the last cell column; the date column follows it
    for index, (cell, column) in enumerate(zip(head.cells, group.columns, strict=True)):
        _fill(body, cell, [([Span(column)], "CV Table Heading")])
        _border(cell, "bottom", (rule or "").lstrip("#"), 0.75)
        if index >= amount > 0:
            _align_end(cell)
    for offset, entry in enumerate(group.entries, start=1):
        row = table.rows[offset]
        cells = row.cells
        _fill(body, cells[0], _main_lines(entry))
        for index, cell in enumerate(entry.cells, start=1):
            _fill(body, cells[index], [(cell, "CV Table")])
            if index == amount:
                _align_end(cells[index])
        _fill(body, cells[-1], [([Span(entry.when or "")], "CV Table")])
        _align_end(cells[-1])
        _keep(row, with_next=bool(group.totals) and offset == len(group.entries))
    for index, total in enumerate(group.totals):
        row = table.rows[1 + len(group.entries) + index]
        label = row.cells[0].merge(row.cells[amount - 1]) if amount > 1 else row.cells[0]
        text = [Span(total.label, italic=True)] if total.label else []
        _fill(body, label, [(text, "CV Table")])
        _align_end(label)
        cell = row.cells[amount]
        _fill(body, cell, [([Span(total.amount, bold=True)], "CV Table")])
        _align_end(cell)
        _fill(body, row.cells[-1], [])
        if index == 0:
            _border(cell, "top", (muted or "").lstrip("#"), 0.5)
        _keep(row, with_next=index < len(group.totals) - 1)
    spacer = body.paragraph([], "CV Table")
    spacer.paragraph_format.space_after = Pt(6)
