"""A table of one's own laid over cvgen's (util/tables.py): only what differs is said."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cvgen.util.tables import merged_tables

BASE = {"sections": {"grants": "Grants", "talks": "Talks"}, "direction": "ltr", "n": 1}


def test_sub_tables_merge_key_by_key_and_plain_values_are_replaced() -> None:
    over = {"sections": {"talks": "Lectures"}, "direction": "rtl"}
    assert merged_tables(BASE, over) == {
        "sections": {"grants": "Grants", "talks": "Lectures"},
        "direction": "rtl",
        "n": 1,
    }
    assert BASE["sections"]["talks"] == "Talks"  # the base is left as it was


def test_a_value_that_is_not_a_table_replaces_a_table_whole() -> None:
    assert merged_tables(BASE, {"sections": "none"})["sections"] == "none"
    assert merged_tables({"a": 1}, {"a": {"b": 2}}) == {"a": {"b": 2}}


tables = st.recursive(
    st.integers(), lambda inner: st.dictionaries(st.sampled_from("abc"), inner), max_leaves=8
)


@given(
    st.dictionaries(st.sampled_from("abc"), tables), st.dictionaries(st.sampled_from("abc"), tables)
)
def test_laying_a_table_over_itself_or_an_empty_one_changes_nothing(base, over) -> None:
    assert merged_tables(base, {}) == base
    assert merged_tables(base, base) == base
    assert merged_tables(merged_tables(base, over), over) == merged_tables(base, over)
