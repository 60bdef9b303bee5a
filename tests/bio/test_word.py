"""Bios and biosketches as Word documents (bio/word.py)."""

from __future__ import annotations

from cvgen.bio.profile import load_profile
from cvgen.bio.sketch import build_sketch
from cvgen.bio.word import bio_docx, sketch_docx, sketch_theme_data
from cvgen.model import CV
from cvgen.themes.word_block import length_points
from cvgen.words import load_words
from tests.support.word_doc import heading_level, paragraphs, read


def test_a_bio_is_one_paragraph_with_the_researchers_name_as_author() -> None:
    doc = read(bio_docx("Ada is a researcher.", "Ada Example", load_words()))
    assert [p.text for p in paragraphs(doc)] == ["Ada is a researcher."]
    assert doc.core_properties.author == "Ada Example"


def test_the_profiles_page_becomes_a_black_theme_with_its_font_and_margins() -> None:
    page = load_profile("nih").page
    data = sketch_theme_data(page)
    assert set(data["colours"].values()) == {"#000000"}
    normal = data["word"]["styles"]["normal"]
    assert normal["size"] == length_points(page.font_size)
    assert normal["font"] == page.font_family.split(",")[0].strip().strip("'\"")
    assert data["word"]["margins"]["left"] == page.margin


def test_a_sketch_has_its_sections_as_word_headings_in_the_funders_order(small_cv: CV) -> None:
    sketch = build_sketch(small_cv, load_profile("nsf"))
    doc = read(sketch_docx(sketch, load_words()))
    headings = [p.text for p in paragraphs(doc) if heading_level(p) == 1]
    assert headings == [block.heading for block in sketch.blocks]
