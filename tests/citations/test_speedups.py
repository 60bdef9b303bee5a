"""Memoised style-tree look-ups (citations/speedups.py): the same answers, computed once."""

from __future__ import annotations

from citeproc import model

from cvgen.citations import speedups
from cvgen.citations.csl_json import csl_item
from cvgen.citations.items import engine_item
from tests.support.citing import PAPER, apa


def test_the_look_ups_are_memoised_once_and_answer_as_before() -> None:
    speedups.install()
    speedups.install()
    patched = model.CitationStylesElement.__dict__["xpath_search"]
    assert patched.memoised and not getattr(patched.__wrapped__, "memoised", False)
    root = apa().style.root
    first = root.xpath_search("./cs:macro")
    assert root.xpath_search("./cs:macro") is first  # the answer kept on the element
    assert first == patched.__wrapped__(root, "./cs:macro")


def test_formatting_twice_gives_the_same_reference() -> None:
    item = engine_item(csl_item(PAPER), PAPER, "k")
    assert apa().format([item]) == apa().format([item])
