"""What a reader sees on the page, which text extraction alone cannot tell: words in the
margin, words cut at a line end with no hyphen, a number range cut at its dash ("212(1– / 2)"),
a title or initial ending a line before its name ("Prof. / Amnon"), a heading left alone at the
foot of a page, and the colour a word is printed in.

pypdf extracts a URL that runs off the page as happily as one that wraps, and a word split
"Neur / al" over two lines reads back as two words. Here poppler's `pdftotext -bbox-layout`
gives every word with its box, grouped in blocks and lines as a reader would see them: a box
outside the text block is a character in the margin (or off the page), and a phrase the CV
prints (a venue's name) that is not found whole in the re-joined lines was broken without a
hyphen. poppler-utils is a system package of .ci/install-system.
"""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from cvgen.themes import Theme, load_theme

MM = 72 / 25.4
# The left and right margins in points of weasyprint's page, which no theme changes: the @page
# rule of classic's cv.css (which every shipped theme includes).
MARGINS = {"weasyprint": (17 * MM, 17 * MM)}
TOLERANCE = 2.5  # points: microtype lets a hyphen or comma protrude this far into the margin
_NS = "{http://www.w3.org/1999/xhtml}"
_LABEL = re.compile(r"\[\d+\]")  # a reference's number, which a theme may hang in the margin
_RANGE_CUT = re.compile(r"\d[-‐–]$")
_TITLE = re.compile(r"(?:Prof|Dr|Mr|Mrs|Ms|[A-Z])\.")  # a title or an initial


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Line:
    page: int
    words: list[str]
    bottom: float


@dataclass(frozen=True)
class Layout:
    """The words of a PDF (with boxes) and its text, each block's lines re-joined; its lines
    in reading order."""

    words: list[Word]
    text: str
    widths: list[float]
    heights: list[float]
    lines: list[Line] = field(default_factory=list)


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
    all_lines: list[Line] = []
    for number, page in enumerate(root.iter(_NS + "page"), start=1):
        widths.append(float(page.get("width")))
        heights.append(float(page.get("height")))
        for block in page.iter(_NS + "block"):
            lines = []
            for line in block.iter(_NS + "line"):
                texts, bottom = [], 0.0
                for word in line.iter(_NS + "word"):
                    box = [float(word.get(k)) for k in ("xMin", "xMax", "yMin", "yMax")]
                    words.append(Word(word.text or "", number, *box))
                    texts.append(word.text or "")
                    bottom = max(bottom, box[3])
                lines.append(" ".join(texts))
                if texts:
                    all_lines.append(Line(number, texts, bottom))
            blocks.append(joined_lines(lines))
    return Layout(words, "\n".join(blocks), widths, heights, all_lines)


def joined_lines(lines: list[str]) -> str:
    """A block's lines as one text: a line ending in a hyphen joins the next without a space
    (the hyphen kept, since 'Lojasiewicz-type' may have broken there too)."""
    text = ""
    for line in lines:
        if text and not text.endswith(("-", "‐")):
            text += " "
        text += line
    return text


def margins(engine: str, theme: Theme | None = None) -> tuple[float, float]:
    """The left and right margins of an engine's page in a theme (LaTeX: its geometry; Typst:
    its typst block's)."""
    if engine in MARGINS:
        return MARGINS[engine]
    if engine == "typst":
        page = (theme or load_theme()).config.typst.margins.points()
        return page["left"], page["right"]
    geometry = (theme or load_theme()).config.latex["geometry"]
    left, right = (geometry.get(side, geometry.get("hmargin")) for side in ("left", "right"))
    return _points(left), _points(right)


def _points(length: str) -> float:
    """A geometry length in centimetres ('2.2cm'), in points."""
    return float(str(length).removesuffix("cm")) * 10 * MM


def outside_text_block(found: Layout, engine: str, theme: Theme | None = None) -> list[Word]:
    """Words with a character in the left or right margin, or beyond the page's edge; a
    reference's number may hang in the left margin."""
    left, right = margins(engine, theme)
    return [
        word
        for word in found.words
        if (word.x0 < left - TOLERANCE and not _LABEL.fullmatch(word.text))
        or word.x1 > found.widths[word.page - 1] - right + TOLERANCE
        or word.top < 0
        or word.bottom > found.heights[word.page - 1]
    ]


def _line_ends(found: Layout) -> list[tuple[Line, Line]]:
    return [(a, b) for a, b in zip(found.lines, found.lines[1:], strict=False) if a.page == b.page]


def _cut(a: Line, b: Line) -> str:
    return f"{' '.join(a.words[-2:])} / {b.words[0]}"


def cut_ranges(found: Layout) -> list[str]:
    """Number ranges cut after their dash at a line end ('pp. 1459– / 1467')."""
    ends = _line_ends(found)
    return [
        _cut(a, b) for a, b in ends if _RANGE_CUT.search(a.words[-1]) and b.words[0][0].isdigit()
    ]


def stranded_titles(found: Layout) -> list[str]:
    """Lines ending in a title or an initial before a name ('Prof. / Amnon Shalev')."""
    ends = _line_ends(found)
    return [
        _cut(a, b) for a, b in ends if _TITLE.fullmatch(a.words[-1]) and b.words[0][0].isupper()
    ]


def _bottom(line: Line) -> float:
    return line.bottom


def stranded_headings(found: Layout, headings: set[str]) -> list[tuple[str, int]]:
    """Headings that end a page, their first entry on the next one: the lowest line of each
    page above its footer (the page's lowest line) that is a heading, numbered or not."""
    wanted = {normalised(h).casefold() for h in headings}
    stranded = []
    for page in range(1, len(found.widths) + 1):
        lines = sorted((line for line in found.lines if line.page == page), key=_bottom)
        body = [line for line in lines if line.bottom < lines[-1].bottom - 2] if lines else []
        if not body or page == len(found.widths):
            continue
        last = normalised(" ".join(body[-1].words)).casefold()
        if last in wanted or re.sub(r"^\d+\. ", "", last) in wanted:
            stranded.append((" ".join(body[-1].words), page))
    return stranded


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


def ink(pdf: bytes, word: Word, dpi: int = 150) -> tuple[int, int, int]:
    """The colour a word is printed in: its darkest pixel on the page, rendered by poppler."""
    from PIL import Image

    scale = dpi / 72
    box = [round(word.x0 * scale), round(word.top * scale)]
    size = [round((word.x1 - word.x0) * scale), round((word.bottom - word.top) * scale)]
    crop = ["-x", str(box[0]), "-y", str(box[1]), "-W", str(size[0]), "-H", str(size[1])]
    page = ["-f", str(word.page), "-l", str(word.page), "-r", str(dpi)]
    ppm = subprocess.run(
        ["pdftoppm", *page, *crop, "-"], input=pdf, capture_output=True, check=True
    ).stdout
    image = Image.open(io.BytesIO(ppm)).convert("RGB")
    pixels = (image.getpixel((x, y)) for x in range(image.width) for y in range(image.height))
    return min(pixels, key=sum)


def is_grey(colour: tuple[int, int, int], tolerance: int = 24) -> bool:
    """Black or a grey (the muted colour of every shipped theme), not a hue such as a link's."""
    return max(colour) - min(colour) <= tolerance


def underline_touches(pdf: bytes, word: Word, dpi: int = 300) -> bool | None:
    """Whether a word's underline touches its letters (the descenders of g, j, p, q, y): in
    some column both the underline's top row and the row just above it are inked. An underline
    below the descenders, or one that stops around them (Typst's evade), touches nothing;
    None: the word has no underline."""
    from PIL import Image

    scale = dpi / 72
    height = word.bottom - word.top
    x, y = round(word.x0 * scale), round(word.top * scale)
    width, depth = round((word.x1 - word.x0) * scale), round(1.4 * height * scale)
    crop = ["-x", str(x), "-y", str(y), "-W", str(width), "-H", str(depth), "-gray"]
    page = ["-f", str(word.page), "-l", str(word.page), "-r", str(dpi)]
    pgm = subprocess.run(
        ["pdftoppm", *page, *crop, "-"], input=pdf, capture_output=True, check=True
    ).stdout
    image = Image.open(io.BytesIO(pgm))
    inked = [[image.getpixel((col, row)) < 128 for col in range(width)] for row in range(depth)]
    lines = [row for row in range(depth // 2, depth) if _longest_run(inked[row]) > 0.3 * width]
    if not lines:
        return None
    top = min(lines)
    return any(inked[top][col] and inked[top - 1][col] for col in range(width))


def _longest_run(row: list[bool]) -> int:
    """The longest stretch of inked pixels: an underline's row, not a row of serifs."""
    longest = run = 0
    for pixel in row:
        run = run + 1 if pixel else 0
        longest = max(longest, run)
    return longest
