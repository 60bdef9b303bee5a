"""The LaTeX body (writers/latex/body.py): the tree set as the theme's macros, in the CV's
direction, with consecutive table groups in one table."""

from __future__ import annotations

from cvgen.document import Entry, Group, Section, Span, Total
from cvgen.writers.latex.body import LatexBody, cmd


def _grants(heading: str) -> Group:
    row = Entry([Span("Project")], cells=[[Span("PI")], [Span("£1")]], when="2020")
    columns = ["Project", "Role", "Amount", "Period"]
    return Group(heading, [row], "table", columns=columns, totals=[Total("Total", "£1")])


def test_commands_and_links_are_escaped_once() -> None:
    assert cmd("cvsection", "A", "B") == r"\cvsection{A}{B}"
    assert LatexBody().link("https://x.org/a_b", "x_y") == r"\href{https://x.org/a_b}{x\_y}"


def test_consecutive_tables_share_one_table_each_heading_a_row() -> None:
    body = LatexBody()
    body.walk([Section("grants", "grants", "Funding", [_grants("ERC"), _grants("ISF")])])
    text = "\n".join(body.lines)
    assert text.count(r"\begin{cvgrants}") == 1
    assert r"\cvgrantgroup{ERC}" in text and r"\cvgrantgroup{ISF}" in text
    assert r"\cvsection{" in text and "Funding" in text


def test_right_to_left_isolates_what_reads_left_to_right() -> None:
    rtl = LatexBody(rtl=True)
    assert rtl.text_block("Tel Aviv 2020").startswith(r"\cvltr{")
    assert rtl.text_block("תל אביב") == r"\cvrtl{תל אביב}"  # its own run, inside any isolate
    assert LatexBody().text_block("Tel Aviv") == "Tel Aviv"
