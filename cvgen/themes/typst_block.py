"""The `typst:` block of a theme's theme.yaml: how the Typst template lays out that theme.

One template (classic's typst.typ) serves every theme: the block names the fonts, the page, where
the dates stand and how section headings look, and the template reads it as data, as it reads
the colours and the font size. A theme may still ship a typst.typ of its own.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cvgen.model import Strict
from cvgen.themes.word_block import Margins


class TypstBlock(Strict):
    """The `typst:` block of theme.yaml (the themes' free section for the Typst template)."""

    fonts: list[str] = Field(
        default_factory=lambda: ["New Computer Modern"],
        description="Body font families, first first; Noto and DejaVu follow for other scripts.",
    )
    margins: Margins = Field(default_factory=Margins)
    dates: Literal["right", "left"] = Field(
        default="right",
        description="Dates flush right beside the entry, or in a left column with the numbers.",
    )
    headings: Literal["rule", "bar", "bold"] = Field(
        default="rule",
        description="Section headings: small caps with a rule to the margin, a colour bar in "
        "the left column before the title, or plain bold.",
    )
    small_caps: bool = Field(default=True, description="Headings in small capitals.")
    name_size: float = Field(default=25, gt=0, le=60, description="The name's size in points.")
    leading: float = Field(
        default=0.52,
        gt=0,
        le=2,
        description="From a line's baseline to the next one's capitals, in em.",
    )
    underline_offset: float = Field(
        default=0.27,
        gt=0,
        le=0.6,
        description="Students' underline below the baseline, in em: under the font's descenders.",
    )
    spacing: float = Field(
        default=1.0, gt=0, le=2, description="Vertical space between entries, x classic's."
    )
