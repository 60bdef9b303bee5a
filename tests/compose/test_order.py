"""The CV's orders (compose/order.py): newest or oldest first with undated items last, the
kinds a publication section lists, and groups in a given order."""

from __future__ import annotations

from cvgen.compose.order import chronological, grouped_by, newest_first, section_kinds
from cvgen.model import Award, PubKind

AWARDS = [Award(name="a", start="2010"), Award(name="undated"), Award(name="c", start="2015-06")]


def test_undated_items_go_last_whichever_way_dates_run() -> None:
    assert [a.name for a in newest_first(AWARDS)] == ["c", "a", "undated"]
    assert [a.name for a in chronological(AWARDS, "oldest-first")] == ["a", "c", "undated"]
    assert chronological(AWARDS) == newest_first(AWARDS)


def test_a_section_lists_the_kinds_asked_first_then_the_rest() -> None:
    kinds = section_kinds("publications", [PubKind.BOOK])
    assert kinds[:2] == (PubKind.BOOK, PubKind.JOURNAL) and PubKind.PATENT not in kinds
    assert len(kinds) == len(set(kinds))
    assert section_kinds("patents") == (PubKind.PATENT,)


def test_groups_follow_the_given_order_and_keep_their_members_order() -> None:
    assert grouped_by([1, 2, 3, 4], lambda x: x % 2, [0, 1, 5]) == [(0, [2, 4]), (1, [1, 3])]
    assert grouped_by(["b", "a"], len, [2]) == []
