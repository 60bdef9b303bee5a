"""Control and bidirectional characters (util/characters.py), found with line and column."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cvgen.util.characters import CONTROL, findings, terminal_safe
from tests.support.fuzz import fuzz

FUZZ = fuzz(100)


@FUZZ
@given(st.text(max_size=60))
def test_findings_locate_every_character(text: str) -> None:
    lines = text.split("\n")
    for finding in findings(text):
        char = lines[finding.line - 1][finding.column - 1]
        assert CONTROL.match(char) or "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069"
    assert not CONTROL.search(terminal_safe(text).replace("\n", "").replace("\t", ""))
