"""Reading a .docx back in tests: its paragraphs in order, headings, the numbers Word shows."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def read(data: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(data))


def paragraphs(doc: DocxDocument) -> Iterator[Paragraph]:
    """Every paragraph of the body in reading order, a table's cell by cell (a merged cell
    once)."""
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block
            continue
        for tr in block._tbl.tr_lst:
            for tc in tr.tc_lst:
                yield from _Cell(tc, block).paragraphs


# What the Word writer adds to keep a range on one line (docx_runs.unbreakable): a reader
# copies a hyphen and nothing.
_UNBROKEN = str.maketrans({"\u2011": "-", "\u2060": None})


def plain(text: str) -> str:
    return text.translate(_UNBROKEN)


def text(doc: DocxDocument) -> str:
    return "\n".join(plain(paragraph.text) for paragraph in paragraphs(doc))


def footer_text(doc: DocxDocument) -> str:
    return "\n".join(p.text for p in doc.sections[0].footer.paragraphs)


def heading_level(paragraph: Paragraph) -> int | None:
    """0 for Word's Title, n for Heading n, None for any other style."""
    name = paragraph.style.name
    if name == "Title":
        return 0
    return int(name.split()[1]) if name.startswith("Heading ") else None


def num_id(paragraph: Paragraph) -> int | None:
    ppr = paragraph._p.pPr
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    return ppr.numPr.numId.val


def shown_numbers(doc: DocxDocument) -> list[tuple[Paragraph, int]]:
    """The number Word shows before each decimal-numbered paragraph, counted as Word counts:
    each list instance (w:num) from its start override, up by one per paragraph."""
    numbering = doc.part.numbering_part.element
    abstracts = {a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
    nums = {int(n.get(qn("w:numId"))): n for n in numbering.findall(qn("w:num"))}
    counters: dict[int, int] = {}
    shown = []
    for paragraph in paragraphs(doc):
        ident = num_id(paragraph)
        if ident is None:
            continue
        num = nums[ident]
        level = abstracts[num.find(qn("w:abstractNumId")).get(qn("w:val"))].find(qn("w:lvl"))
        if level.find(qn("w:numFmt")).get(qn("w:val")) != "decimal":
            continue
        if ident not in counters:
            override = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
            start = override if override is not None else level.find(qn("w:start"))
            counters[ident] = int(start.get(qn("w:val")))
        else:
            counters[ident] += 1
        shown.append((paragraph, counters[ident]))
    return shown


def runs(paragraph: Paragraph) -> list[Run]:
    """The paragraph's runs, those inside hyperlinks and fields included."""
    return [Run(r, paragraph) for r in paragraph._p.iter(qn("w:r"))]


def looks(run: Run, attribute: str) -> bool:
    """Whether the run shows `attribute` (bold, underline, superscript, italic): set on the
    run itself or by its character style (or the styles that style is based on)."""
    direct = getattr(run.font, attribute)
    if direct is not None:
        return bool(direct)
    style = run.style
    while style is not None:
        value = getattr(style.font, attribute)
        if value is not None:
            return bool(value)
        style = style.base_style
    return False


def _marked(paragraph: Paragraph) -> str:
    """The paragraph's text with its looks spelt out: **bold**, _underlined_, ^superscript^,
    /italic/, [link text](target), and ⇥ for a tab."""
    out = []
    links = {run._r: link.url for link in paragraph.hyperlinks for run in link.runs}
    for run in runs(paragraph):
        piece = plain(run.text).replace("\t", "⇥")
        for attribute, sign in (("italic", "/"), ("underline", "_"), ("bold", "**")):
            if piece.strip() and looks(run, attribute):
                piece = f"{sign}{piece}{sign}"
        if looks(run, "superscript"):
            piece = f"^{piece}^"
        if run._r in links:
            piece = f"[{piece}]({links[run._r]})"
        out.append(piece)
    return "".join(out)


def outline(doc: DocxDocument) -> str:
    """The document as readable lines, for golden files: each paragraph with its style (and
    the number Word shows), each table row with its cells, then the footer."""
    shown = {p._p: n for p, n in shown_numbers(doc)}
    lines = []
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            number = f" [{shown[block._p]}]" if block._p in shown else ""
            lines.append(f"{block.style.name}{number}: {_marked(block)}")
            continue
        for tr in block._tbl.tr_lst:
            cells = [_Cell(tc, block) for tc in tr.tc_lst]
            text = " | ".join(" / ".join(_marked(p) for p in c.paragraphs) for c in cells)
            lines.append(f"  | {text} |")
    footer = " / ".join(_marked(p) for p in doc.sections[0].footer.paragraphs)
    return "\n".join([*lines, f"Footer: {footer}"]) + "\n"


def _style_line(style) -> str:
    """A paragraph style as a theme sets it: font, size, weight, colour, spacing, alignment."""
    font, fmt = style.font, style.paragraph_format
    parts = [
        f"font {font.name}" if font.name else "",
        f"{font.size.pt:g}pt" if font.size else "",
        *(name for name in ("bold", "italic", "small_caps") if getattr(font, name)),
        f"colour #{font.color.rgb}" if font.color is not None and font.color.rgb else "",
        f"before {fmt.space_before.pt:g}pt" if fmt.space_before is not None else "",
        f"after {fmt.space_after.pt:g}pt" if fmt.space_after is not None else "",
        f"align {fmt.alignment.name.lower()}" if fmt.alignment is not None else "",
    ]
    based = f" (on {style.base_style.name})" if style.base_style is not None else ""
    return f"{style.name}{based}: {', '.join(p for p in parts if p)}"


def style_sheet(doc: DocxDocument) -> str:
    """The page and every paragraph style the document uses (and those they are based on), as
    readable lines: what a theme's `word:` block changes."""
    section = doc.sections[0]
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    page = f"Page: {section.page_width.mm:.0f} x {section.page_height.mm:.0f} mm, margins " + (
        " ".join(f"{m.pt:g}" for m in margins) + " pt"
    )
    used: dict[str, object] = {}
    for paragraph in paragraphs(doc):
        style = paragraph.style
        while style is not None and style.name not in used:
            used[style.name] = style
            style = style.base_style
    return "\n".join([page, *(_style_line(used[name]) for name in sorted(used))]) + "\n"


def reference_docx(path: Path, *, footer: str | None = None, template: bool = False) -> Path:
    """A user's template: its own heading font and colour, a header, letter paper, a body."""
    doc = docx.Document()
    heading = doc.styles["Heading 1"]
    heading.font.name, heading.font.color.rgb = "Courier New", RGBColor(0x80, 0, 0)
    doc.add_paragraph("TEMPLATE BODY TEXT")
    doc.sections[0].header.paragraphs[0].text = "Institute letterhead"
    if footer:
        doc.sections[0].footer.paragraphs[0].text = footer
    doc.save(path)
    if template:  # the package of a .dotx: the same parts, another main content type
        data = path.read_bytes()
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                blob = src.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    blob = blob.replace(b"document.main+xml", b"template.main+xml")
                dst.writestr(info, blob)
        path.write_bytes(out.getvalue())
    return path
