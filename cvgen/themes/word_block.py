"""The `word:` block of a theme's theme.yaml, as the theme loader validates it.

Per role of the document (the name, headings, dated entries, publications, the grants table,
...) it names the font, size, colour and spacing of the Word style playing it, and the page
margins. The Word writer (writers/docx_theme.py) lays it over classic's styles.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from cvgen.model import Strict

ColourRole = Literal["accent", "muted", "rule", "text"]
Role = Literal[
    "normal", "title", "subtitle", "contact", "heading_1", "heading_2", "heading_3", "entry",
    "detail", "paragraph", "date", "note", "link", "list", "legend", "table", "table_heading",
    "footer",
]  # fmt: skip
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(pt|cm|mm|in)\s*$")
POINTS_PER = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}


def length_points(text: str) -> float:
    """'2cm', '0.5in', '18mm' or '36pt' in points; ValueError for anything else."""
    match = _LENGTH.match(str(text))
    if not match:
        raise ValueError(f"{text!r} is not a length such as 2cm, 0.5in, 18mm or 36pt")
    return float(match.group(1)) * POINTS_PER[match.group(2)]


def _colour(value: str | None) -> str | None:
    if value is None or value in ColourRole.__args__ or _HEX.match(value):  # type: ignore[attr-defined]
        return value
    raise ValueError(f"{value!r} is not a colour: use #rrggbb or accent, muted, rule, text")


class StyleSpec(Strict):
    """How one Word style looks; every field left out is inherited (from Normal, or Word's)."""

    font: str | None = Field(default=None, description="Font family, as Word names it.")
    size: float | None = Field(default=None, gt=0, le=96, description="Points.")
    colour: str | None = Field(default=None, description="#rrggbb, or accent|muted|rule|text.")
    bold: bool | None = None
    italic: bool | None = None
    small_caps: bool | None = None
    caps: bool | None = Field(default=None, description="All capitals (the text is unchanged).")
    align: Literal["start", "center", "end", "justify"] | None = None
    space_before: float | None = Field(default=None, ge=0, le=144, description="Points.")
    space_after: float | None = Field(default=None, ge=0, le=144, description="Points.")
    line_spacing: float | None = Field(default=None, gt=0, le=3, description="x single.")
    rule: bool | None = Field(default=None, description="A line under the paragraph.")

    @field_validator("colour")
    @classmethod
    def _is_colour(cls, value: str | None) -> str | None:
        return _colour(value)


class Margins(Strict):
    top: str = "2cm"
    bottom: str = "2.2cm"
    left: str = "2.2cm"
    right: str = "2.2cm"
    footer: str = Field(default="1cm", description="From the page's bottom edge to the footer.")

    @field_validator("top", "bottom", "left", "right", "footer")
    @classmethod
    def _is_length(cls, value: str) -> str:
        length_points(value)
        return value

    def points(self) -> dict[str, float]:
        return {side: length_points(getattr(self, side)) for side in type(self).model_fields}


class WordBlock(Strict):
    """The `word:` block of theme.yaml (the themes' free section for the Word writer)."""

    margins: Margins = Field(default_factory=Margins)
    styles: dict[Role, StyleSpec] = Field(default_factory=dict)
