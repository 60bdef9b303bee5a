"""The `typst:` block of theme.yaml (themes/typst_block.py), as each theme sets it."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cvgen.themes import load_theme
from cvgen.themes.typst_block import TypstBlock
from tests.support.rendering import THEMES


def test_the_defaults_are_classics_look() -> None:
    block = TypstBlock()
    assert (block.fonts, block.dates, block.headings) == (["New Computer Modern"], "right", "rule")
    assert block.margins.points()["top"] == pytest.approx(2 / 2.54 * 72)


def test_sizes_are_bounded_and_choices_checked() -> None:
    with pytest.raises(ValidationError):
        TypstBlock(name_size=100)
    with pytest.raises(ValidationError):
        TypstBlock(headings="underline")


@pytest.mark.parametrize("name", THEMES)
def test_every_theme_has_a_valid_typst_block(name: str) -> None:
    block = load_theme(name).config.typst
    assert isinstance(block, TypstBlock) and block.fonts
