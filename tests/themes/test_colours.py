"""A theme's print colours (themes/colours.py): one model for every engine, classic's by
default, each a #rrggbb colour."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cvgen.themes import load_theme
from cvgen.themes.colours import Colours


def test_classic_s_colours_are_the_defaults() -> None:
    assert Colours() == load_theme("classic").config.colours
    assert Colours(accent="#AA0000").accent == "#aa0000"


def test_a_colour_must_be_hex() -> None:
    with pytest.raises(ValidationError, match="is not a colour; write it as #RRGGBB"):
        Colours(accent="blue")
