"""The options every writer reads (writers/__init__.py); which writer writes which format is the
table of formats' (tests/test_formats.py)."""

from __future__ import annotations

import pytest

from cvgen.errors import CvgenError
from cvgen.themes import load_theme
from cvgen.writers import WriteOptions, theme_of


def test_paper_is_checked_and_read_whatever_its_case() -> None:
    assert WriteOptions(paper="Letter").paper == "letter"  # type: ignore[arg-type]
    assert WriteOptions().paper is None
    with pytest.raises(CvgenError, match="unknown paper size 'a5'; use one of: a4, letter"):
        WriteOptions(paper="a5")  # type: ignore[arg-type]


def test_the_theme_is_the_one_asked_for_else_classic() -> None:
    assert theme_of(WriteOptions()).name == "classic"
    assert theme_of(WriteOptions(theme=load_theme("modern"))).name == "modern"
