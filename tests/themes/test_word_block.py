"""A theme's `word:` block (themes/word_block.py): lengths, colours and styles checked with file,
line and field, and a theme's look reaching the document."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from pydantic import ValidationError

from cvgen.errors import CvgenError
from cvgen.model import CV
from cvgen.themes import load_theme
from cvgen.themes.word_block import Margins, StyleSpec, WordBlock, length_points
from tests.support.rendering import render
from tests.support.word_doc import (
    read,
)


def test_a_themes_word_block_restyles_the_document(small_cv: CV, tmp_path: Path):
    theme = tmp_path / "themes" / "moderncv"
    theme.mkdir(parents=True)
    (theme / "theme.yaml").write_text(
        "description: test\ncolours: {accent: '#aa3300'}\n"
        "word:\n  margins: {left: 3cm}\n"
        "  styles:\n    heading_1: {size: 16, font: Georgia, rule: false}\n"
        "    normal: {size: 11}\n",
        encoding="utf-8",
    )
    doc = read(render(small_cv, "docx", theme=load_theme("moderncv", tmp_path)))
    heading = doc.styles["Heading 1"]
    assert heading.font.size == Pt(16) and heading.font.name == "Georgia"
    assert heading.font.color.rgb == RGBColor(0xAA, 0x33, 0x00)  # the theme's accent
    assert heading.element.pPr.find(qn("w:pBdr")) is None
    assert doc.styles["Normal"].font.size == Pt(11)
    assert round(doc.sections[0].left_margin.cm, 1) == 3.0
    assert doc.styles["Heading 2"].font.size == Pt(11)  # classic's, where the theme is silent


def test_a_bad_word_block_names_the_file_line_and_field(tmp_path: Path) -> None:
    folder = tmp_path / "themes" / "x"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text(
        "description: x\nword:\n  styles:\n    heading_1:\n      size: big\n    titel: {}\n",
        encoding="utf-8",
    )
    with pytest.raises(CvgenError) as raised:
        load_theme("x", tmp_path)
    message = raised.value.format_message()
    assert f"{folder / 'theme.yaml'}:5: word.styles.heading_1.size" in message
    assert "did you mean 'title'" in message


def test_lengths_are_read_in_points() -> None:
    assert length_points("36pt") == 36 and length_points(" 0.5 in ") == 36
    assert length_points("2.54cm") == pytest.approx(72) and length_points(
        "25.4mm"
    ) == pytest.approx(72)
    with pytest.raises(ValueError, match="'2 furlongs' is not a length"):
        length_points("2 furlongs")


def test_margins_colours_and_styles_are_checked_when_the_block_is_read() -> None:
    block = WordBlock(
        margins={"top": "1in"}, styles={"heading_1": {"bold": True, "colour": "accent"}}
    )
    assert block.margins.points()["top"] == 72 and block.styles["heading_1"].colour == "accent"
    with pytest.raises(ValidationError, match="is not a colour: use #rrggbb or accent"):
        StyleSpec(colour="blue")
    with pytest.raises(ValidationError):
        WordBlock(styles={"headline": {}})  # not a role the writer has
    with pytest.raises(ValidationError, match="is not a length"):
        Margins(top="wide")
