"""A theme's print colours, one model for every engine (LaTeX, Typst, Word; a theme's cv.css
may use them too). Classic's are the defaults a theme or a funder's page starts from."""

from __future__ import annotations

from pydantic import Field

from cvgen.model import HexColour, Strict


class Colours(Strict):
    accent: HexColour = Field(default="#1c4d85", description="Name, headings, links.")
    muted: HexColour = Field(default="#616161", description="Dates, labels, the footer.")
    rule: HexColour = Field(default="#9e9e9e", description="Rules and lines.")
    text: HexColour = "#000000"
