"""What a reader sees on the page, which text extraction alone cannot tell: words in the
margin, and words cut at a line end with no hyphen.

pypdf extracts a URL that runs off the page as happily as one that wraps, and a word split
"Neur / al" over two lines reads back as two words. Here poppler's `pdftotext -bbox-layout`
gives every word with its box, grouped in blocks and lines as a reader would see them: a box
outside the text block is a character in the margin (or off the page), and a phrase the CV
prints (a venue's name) that is not found whole in the re-joined lines was broken without a
hyphen. poppler-utils is a system package of .ci/install-system.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass

MM = 72 / 25.4
# Each engine's left and right margins in points (from its layout: latex_preamble.GEOMETRY,
# the Typst template's page set-up, the @page rule of templates/html/cv.css).
MARGINS = {"latex": 22 * MM, "typst": 22 * MM, "weasyprint": 17 * MM}
TOLERANCE = 2.5  # points: microtype lets a hyphen or comma protrude this far into the margin
_NS = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Layout:
    """The words of a PDF (with boxes) and its text, each block's lines re-joined."""

    words: list[Word]
    text: str
    widths: list[float]
    heights: list[float]


def layout(pdf: bytes) -> Layout:
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout
    root = ET.fromstring(xhtml)
    words: list[Word] = []
    blocks: list[str] = []
    widths, heights = [], []
    for number, page in enumerate(root.iter(_NS + "page"), start=1):
        widths.append(float(page.get("width")))
        heights.append(float(page.get("height")))
        for block in page.iter(_NS + "block"):
            lines = []
            for line in block.iter(_NS + "line"):
                texts = []
                for word in line.iter(_NS + "word"):
                    box = [float(word.get(k)) for k in ("xMin", "xMax", "yMin", "yMax")]
                    words.append(Word(word.text or "", number, *box))
                    texts.append(word.text or "")
                lines.append(" ".join(texts))
            blocks.append(joined_lines(lines))
    return Layout(words, "\n".join(blocks), widths, heights)


def joined_lines(lines: list[str]) -> str:
    """A block's lines as one text: a line ending in a hyphen joins the next without a space
    (the hyphen kept, since 'Lojasiewicz-type' may have broken there too)."""
    text = ""
    for line in lines:
        if text and not text.endswith(("-", "‐")):
            text += " "
        text += line
    return text


def outside_text_block(found: Layout, engine: str) -> list[Word]:
    """Words with a character in the left or right margin, or beyond the page's edge."""
    margin = MARGINS[engine]
    return [
        word
        for word in found.words
        if word.x0 < margin - TOLERANCE
        or word.x1 > found.widths[word.page - 1] - margin + TOLERANCE
        or word.top < 0
        or word.bottom > found.heights[word.page - 1]
    ]


def normalised(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans("“”‘’\u00a0", "\"\"'' "))
    return re.sub(r"\s+", " ", text)


def broken_phrases(found: Layout, phrases: set[str]) -> list[str]:
    """The phrases not found whole: cut at a line end without a hyphen (or missing)."""
    text = normalised(found.text)
    unhyphenated = re.sub(r"(?<=\w)[-‐] ?(?=\w)", "", text)
    return sorted(
        phrase
        for phrase in phrases
        if normalised(phrase) not in text and normalised(phrase) not in unhyphenated
    )
