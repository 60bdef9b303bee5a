"""Bios and biosketches as Word documents.

A sketch takes its page, margins, font and size from the funder's profile, as its PDF does,
and the classic theme's structure in black: funders print in one colour and one font.
"""

from __future__ import annotations

from typing import Any

from cvgen.bio.markup import sketch_blocks
from cvgen.bio.profile import Page
from cvgen.bio.sketch import Sketch
from cvgen.document import Span
from cvgen.words import Words


def _first_family(families: str) -> str:
    """'Arial, Helvetica, sans-serif' -> 'Arial' (Word names one font per style)."""
    return families.split(",")[0].strip().strip("'\"")


def sketch_theme_data(page: Page) -> dict[str, Any]:
    """The profile's page as a theme's data (see cvgen.writers.docx.theme)."""
    from cvgen.themes.word_block import length_points

    size = length_points(page.font_size)
    black = {"accent": "#000000", "muted": "#000000", "rule": "#000000", "text": "#000000"}
    margin = page.margin
    return {
        "colours": black,
        "word": {
            "margins": {"top": margin, "bottom": margin, "left": margin, "right": margin,
                        "footer": f"{length_points(margin) / 2:.1f}pt"},
            "styles": {
                "normal": {"font": _first_family(page.font_family), "size": size},
                "title": {"size": round(size * 1.35, 1), "bold": True, "align": "center"},
                "subtitle": {"size": size, "bold": True, "italic": False, "align": "center",
                             "space_after": 10},
                "heading_1": {"size": round(size * 1.05, 1), "bold": True, "small_caps": False,
                              "caps": True, "space_before": 11, "space_after": 4},
                "heading_2": {"size": size, "bold": True, "italic": False},
                "detail": {"size": size}, "date": {"size": size}, "note": {"size": size},
                "legend": {"size": round(size * 0.9, 1), "space_before": 10},
                "footer": {"size": round(size * 0.9, 1)},
                "entry": {"space_after": 3},
                "paragraph": {"align": "justify", "space_after": 4},
            },
        },
    }  # fmt: skip


def sketch_docx(sketch: Sketch, words: Words) -> bytes:
    """The sketch on the profile's page, its sections as Word headings, products numbered."""
    from cvgen.writers.docx.body import WordBody
    from cvgen.writers.docx.lists import WordMarkup
    from cvgen.writers.docx.package import Properties
    from cvgen.writers.docx.theme import word_theme

    page = sketch.profile.page
    theme = word_theme(sketch_theme_data(page), f"biosketch profile {sketch.profile.name}")
    body = WordBody(theme, paper=page.size.lower(), lang=words.language,
                    rtl=words.direction == "rtl")  # fmt: skip
    hanging = 1.5 * body.points("CV Entry")
    body.indent_style("CV Entry", hanging, hanging)
    sketch_blocks(sketch, WordMarkup(body))
    body.footer(sketch.name, words("furniture.page_of"))
    title = f"{sketch.profile.title}: {sketch.name}"
    props = Properties(title=title, author=sketch.name, subject=sketch.profile.title,
                       language=words.language)  # fmt: skip
    return body.finish(props)


def bio_docx(text: str, name: str, words: Words) -> bytes:
    """The bio as one paragraph of a Word document, in the CV's theme."""
    from cvgen.writers import WriteOptions
    from cvgen.writers.docx.body import WordBody
    from cvgen.writers.docx.package import Properties
    from cvgen.writers.docx.writer import word_theme_for

    theme = word_theme_for(WriteOptions())
    body = WordBody(theme, lang=words.language, rtl=words.direction == "rtl")
    body.paragraph([Span(text)], "CV Paragraph")
    return body.finish(Properties(title=name, author=name, language=words.language))
