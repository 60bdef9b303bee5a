"""A theme's Word styles, as data: the optional `word:` block of a theme's theme.yaml.

The block names, per role of the document (the name, headings, dated entries, publications,
the grants table, ...), the font, size, colour and spacing of the Word style playing it, and
the page margins. Classic's look is `CLASSIC` below, the one place Word's defaults live; a
theme's block says only what differs, and its top-level `colours:` (accent, muted, rule,
text) colour every style that names a colour by role. The block's schema is the theme
loader's (themes/word_block.py); this module resolves it, and docx_styles applies it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from cvgen.errors import CvgenError
from cvgen.load.validation import validate_model
from cvgen.themes.colours import Colours
from cvgen.themes.word_block import ColourRole, StyleSpec, WordBlock


class ThemeFile(BaseModel):
    """What the Word writer reads of theme.yaml; the theme loader checks the other keys."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    colours: Colours = Field(default_factory=Colours)
    word: WordBlock = Field(default_factory=WordBlock)


# Classic in Word: Cambria (Office's serif; LibreOffice sets it in the metric-compatible
# Caladea), small-caps blue section headings over a hairline, muted dates and numbers.
CLASSIC: dict[str, dict[str, Any]] = {
    "normal": {"font": "Cambria", "size": 10.5, "colour": "text", "space_after": 0,
               "line_spacing": 1.05},
    "title": {"size": 24, "colour": "accent", "space_after": 2, "line_spacing": 1.0},
    "subtitle": {"size": 12.5, "italic": True, "colour": "text", "space_after": 3},
    "contact": {"size": 9.5, "space_after": 0},
    "heading_1": {"size": 13.5, "colour": "accent", "small_caps": True, "bold": False,
                  "space_before": 14, "space_after": 5, "rule": True},
    "heading_2": {"size": 11, "colour": "accent", "italic": True, "bold": False,
                  "space_before": 7, "space_after": 3},
    "heading_3": {"size": 9.5, "colour": "muted", "small_caps": True, "bold": False,
                  "italic": False, "space_before": 4, "space_after": 2},
    "entry": {"space_after": 4.5},
    "detail": {"size": 9.5},
    "paragraph": {"space_after": 4},
    "date": {"size": 9.5, "colour": "muted"},
    "note": {"size": 9.5, "italic": True, "colour": "muted"},  # a note is no link
    "link": {"colour": "accent"},
    "list": {"space_after": 3.5},
    "legend": {"size": 9, "colour": "muted", "space_after": 3},
    "table": {"size": 9.5, "space_after": 0},
    "table_heading": {"size": 9.5, "small_caps": True, "space_after": 0},
    "footer": {"size": 9, "colour": "muted"},
}  # fmt: skip


class WordTheme:
    """A theme's Word styles resolved over classic's, with colours as #rrggbb."""

    def __init__(self, block: WordBlock, colours: Colours, scale: float = 1.0) -> None:
        """`scale` sizes every style up or down (a design's font_size over the theme's)."""
        self.margins = block.margins.points()
        self.colours = colours
        self.styles: dict[str, StyleSpec] = {}
        for role, defaults in CLASSIC.items():
            own = block.styles.get(role)  # type: ignore[call-overload]
            merged = {**defaults, **(own.model_dump(exclude_none=True) if own else {})}
            if merged.get("size") and scale != 1.0:
                merged["size"] = round(merged["size"] * scale * 2) / 2  # whole or half points
            self.styles[role] = StyleSpec(**merged)

    def colour(self, value: str | None) -> str | None:
        """'#1c4d85' for 'accent' (or for itself); None for None."""
        return getattr(self.colours, value) if value in ColourRole.__args__ else value  # type: ignore[attr-defined]


def _validated(data: Any, origin: str, lines: dict) -> WordTheme:
    parsed, problems = validate_model(ThemeFile, data, origin, lines)
    if parsed is None:
        raise CvgenError(f"{origin}: the theme's Word styles are not valid", problems)
    return WordTheme(parsed.word, parsed.colours)


def word_theme(data: Mapping[str, Any] | None = None, origin: str = "theme") -> WordTheme:
    """The Word theme of a theme.yaml's data (its `colours:` and `word:`); classic's for None.

    A biosketch builds such data from its funder's page rules; a CV's theme holds its
    validated `word:` block already (see word_theme_for in docx.py)."""
    return _validated(dict(data or {}), origin, {})
