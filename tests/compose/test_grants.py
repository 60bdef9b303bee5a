"""The funding section (compose/grants.py): a table per kind, newest first, roles in the CV's
words, amounts in the table's last column."""

from __future__ import annotations

from cvgen.compose.context import Context, Settings
from cvgen.compose.grants import KINDS, grant_entry, grants, role_text
from cvgen.compose.order import newest_first
from cvgen.document import plain_text
from cvgen.model import CV, Grant
from cvgen.words import load_words

ERC = Grant(title="Deep rivers", funder="ERC", program="Starting Grant", role="Sole PI",
            amount=1500000, currency="EUR", start="2020", end="2025", number="123")  # fmt: skip


def test_a_standard_role_is_in_the_cvs_words_and_a_free_one_as_written() -> None:
    german = Context(Settings(words=load_words("de")))
    assert role_text(german, ERC) == "Sole PI"
    pi = Grant(title="t", funder="f", role="co-pi")
    assert role_text(Context(Settings()), pi) == "co-PI"
    assert role_text(german, pi) == load_words("de")("grant_roles.co-PI")


def test_a_grant_is_a_row_of_title_funder_period_role_and_amount() -> None:
    entry = grant_entry(Context(Settings()), ERC)
    assert plain_text(entry.title) == "Deep rivers"
    assert plain_text(entry.qualifiers) == "ERC, Starting Grant, no.\u00a0123"
    assert entry.when == "2020 – 2025"
    assert [plain_text(cell) for cell in entry.cells] == ["Sole PI", "€1,500,000"]


def test_one_table_per_kind_newest_first_with_totals(example_cv: CV) -> None:
    groups = grants(example_cv, Context(Settings()))
    kinds = {g.kind for g in example_cv.data.grants}
    assert len(groups) == len([k for k in KINDS if k in kinds])
    for group, kind in zip(groups, [k for k in KINDS if k in kinds], strict=True):
        mine = [g for g in example_cv.data.grants if g.kind == kind]
        assert [plain_text(e.title) for e in group.entries] == [g.title for g in newest_first(mine)]
        assert group.columns and group.totals
