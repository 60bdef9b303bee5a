"""The formatter citeproc-py writes through (citations/formatter.py): styles as sentinel pairs."""

from __future__ import annotations

from cvgen.citations import sentinels
from cvgen.citations.formatter import Formatter


def test_each_style_wraps_the_text_in_its_own_pair() -> None:
    italic, bold = str(Formatter.Italic("x")), str(Formatter.Bold("y"))
    assert sentinels.clean(italic) == "x" and sentinels.clean(bold) == "y"
    assert italic[0] != bold[0] and italic[-1] != bold[-1]
    assert str(Formatter.Oblique("x")) == italic
    assert Formatter.preformat("as is") == "as is" and Formatter.Light("t") == "t"


def test_capitalising_skips_the_sentinels_and_leaves_a_capitalised_word() -> None:
    assert sentinels.clean(str(Formatter.Italic("word here").capitalize_first())) == "Word here"
    assert sentinels.clean(str(Formatter.Bold("arXiv:2603").capitalize_first())) == "arXiv:2603"
