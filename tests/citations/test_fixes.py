"""citeproc-py put right where it departs from CSL 1.0.2 (citations/fixes.py), installed once."""

from __future__ import annotations

from citeproc import model
from citeproc.string import String

from cvgen.citations import fixes
from cvgen.citations.csl_json import csl_item
from cvgen.citations.items import engine_item
from cvgen.citations.sentinels import clean
from tests.support.citing import PAPER, apa

PATCHED = [
    (model.Label, "render"),
    (String, "capitalize_first"),
    (model.Name, "initialize"),
    (model.FormatNumber, "_format_last_page"),
]


def test_installing_twice_patches_each_place_once() -> None:
    fixes.install()
    first = [getattr(cls, name) for cls, name in PATCHED]
    fixes.install()
    assert [getattr(cls, name) for cls, name in PATCHED] == first
    assert all(getattr(function, "fixed", False) for function in first)
    assert all(not getattr(function.__wrapped__, "fixed", False) for function in first)


def test_a_label_without_its_variable_is_not_printed() -> None:
    """APA prints no 'pp.' and no stray punctuation for an article without pages."""
    fixes.install()
    paper = PAPER.model_copy(update={"pages": None, "number": None})
    (text,) = apa().format([engine_item(csl_item(paper), paper, "k")])
    assert clean(text or "").endswith("J. Rivers, 3. https://doi.org/10.1234/x")
