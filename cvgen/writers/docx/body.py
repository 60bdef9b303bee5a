"""Building a Word document paragraph by paragraph: what the CV, the bio and the sketches share.

`WordBody` sets the document up (base or reference document, styles from the theme, paper,
language, direction) and offers the few blocks the writers need: headings in Word's heading
styles, styled paragraphs, numbered and bulleted lists, the footer with its page fields. Every
paragraph of a right-to-left document is marked right-to-left (w:bidi). Widths Word cannot
measure (the date column, the widest list label) are estimated from the text: a digit is about
half an em in every font a theme may choose.
"""

from __future__ import annotations

import string
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement

from cvgen.document import Span
from cvgen.writers.docx.numbering import Numbering, number_paragraph
from cvgen.writers.docx.package import Properties, blank, has_footer, package_bytes, reference
from cvgen.writers.docx.runs import Runs
from cvgen.writers.docx.styles import (
    element,
    insert_property,
    install_styles,
    page_setup,
    set_language,
    text_width,
)
from cvgen.writers.docx.theme import WordTheme

EM_PER_CHAR = 0.56  # a digit, a dash, a letter: about half an em in every font, a little over
EM_PER_SPACE = 0.28
LABEL_GAP_EM = 0.6
_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")


def text_points(text: str, size: float) -> float:
    """A generous estimate of the width of `text` at `size` points."""
    spaces = text.count(" ")
    return ((len(text) - spaces) * EM_PER_CHAR + spaces * EM_PER_SPACE) * size


class WordBody:
    """One Word document being written, top to bottom."""

    def __init__(
        self,
        theme: WordTheme,
        *,
        reference_docx: str | None = None,
        paper: str | None = None,
        lang: str = "en",
        rtl: bool = False,
        fonts: dict[str, str] | None = None,
    ) -> None:
        """`fonts`: the theme's font of each script with its own, by language (he, ar, zh,
        ja, ko): the complex-script and East Asian fonts of the document and of its runs."""
        self.theme, self.rtl = theme, rtl
        self.doc: DocxDocument = reference(Path(reference_docx)) if reference_docx else blank()
        own_base = reference_docx is None
        install_styles(self.doc, theme, restyle=own_base)
        set_language(self.doc, lang, rtl, fonts)
        page_setup(self.doc, paper or ("a4" if own_base else None), theme if own_base else None)
        if rtl:
            _section_rtl(self.doc.sections[0]._sectPr)
        self.numbering = Numbering(self.doc)
        self.style_ids = {style.name: style.style_id for style in self.doc.styles}
        self.runs = Runs(self.style_ids, "rtl" if rtl else "ltr", fonts)
        self.width = text_width(self.doc)
        self._end = None  # the body's last section properties, where paragraphs go before

    # --- blocks -------------------------------------------------------------------------------

    def paragraph(self, spans: list[Span] | None = None, style: str = "Normal", container=None):
        """A paragraph of `style` at the end of the body (or of a table cell)."""
        if container is not None:
            paragraph = container.add_paragraph()
            paragraph._p.style = self.style_ids[style]
        else:
            paragraph = self._appended(self.style_ids[style])
        self.directed(paragraph)
        self.runs.spans(paragraph, spans or [])
        return paragraph

    def _appended(self, style_id: str) -> Paragraph:
        """A new paragraph of the style `style_id` at the end of the body, before its last
        section's properties.

        python-docx's add_paragraph looks for those properties from the first paragraph on,
        each time: quadratic, 393 s for 50,000 publications. The end is found once here, and
        the paragraph's XML is made directly."""
        if self._end is None:
            body = self.doc.element.body
            self._end = body.sectPr if body.sectPr is not None else OxmlElement("w:sectPr")
            if self._end.getparent() is None:
                body.append(self._end)
        p = OxmlElement("w:p")
        SubElement(SubElement(p, _PPR), _PSTYLE, {_VAL: style_id})
        self._end.addprevious(p)
        return Paragraph(p, self.doc._body)

    def directed(self, paragraph: Paragraph) -> None:
        """Mark the paragraph right-to-left in a right-to-left document."""
        if self.rtl:
            insert_property(paragraph._p.get_or_add_pPr(), element("w:bidi"))

    def heading(self, text: str, level: int) -> Paragraph:
        """Level 0 is the document's title, 1-3 Word's Heading 1-3 (deeper levels are 3)."""
        style = "Title" if level == 0 else f"Heading {min(level, 3)}"
        return self.paragraph([Span(text)], style)

    def numbered(self, rows: list[tuple[int | None, list[Span]]], style: str) -> list[Paragraph]:
        """Entries as a numbered list showing their own numbers; unnumbered ones unlabelled."""
        widest = max((len(str(n)) for n, _ in rows if n is not None), default=0)
        indent, gap = self._label_indent(widest)
        abstract = self.numbering.numbered(indent, gap, self.theme.colour("muted"))
        instances = self.numbering.number_runs(abstract, [number for number, _ in rows])
        paragraphs = []
        for (_, spans), instance in zip(rows, instances, strict=True):
            paragraph = self.paragraph(spans, style)
            if instance is not None:
                number_paragraph(paragraph, instance)
            else:
                fmt = paragraph.paragraph_format
                fmt.left_indent, fmt.first_line_indent = Pt(indent), Pt(-indent)
            paragraphs.append(paragraph)
        return paragraphs

    def bullets(self, items: list[list[Span]]) -> None:
        size = self.points("CV Bullet")
        instance = self.numbering.bullets(1.6 * size, 0.6 * size, self.theme.colour("accent"))
        for spans in items:
            number_paragraph(self.paragraph(spans, "CV Bullet"), instance)

    def _label_indent(self, digits: int) -> tuple[float, float]:
        """Where the text of a list with labels '[n]' of `digits` digits starts, and the gap."""
        size = self.points("CV Publication")
        gap = LABEL_GAP_EM * size
        return text_points("[" + "0" * max(digits, 1) + "]", size) + gap, gap

    def points(self, style: str) -> float:
        """The font size a style sets or inherits (a reference document's own, say)."""
        current = self.doc.styles[style]
        while current is not None:
            if current.font.size is not None:
                return current.font.size.pt
            current = current.base_style
        defaults = self.doc.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:sz')}")
        return int(defaults.get(qn("w:val"))) / 2 if defaults is not None else 10.0

    def indent_style(self, name: str, left: float, hanging: float = 0.0) -> None:
        """Set a paragraph style's indents for this document (the date column's width)."""
        fmt = self.doc.styles[name].paragraph_format
        fmt.left_indent, fmt.first_line_indent = Pt(left), Pt(-hanging)
        if hanging:
            fmt.tab_stops.add_tab_stop(Pt(left))

    # --- page furniture -----------------------------------------------------------------------

    def footer(self, left: str, page_of: str) -> None:
        """'Name · Curriculum Vitae' at the start, 'Page N of M' (Word's fields) at the end;
        a reference document's own footer is kept instead."""
        if has_footer(self.doc):
            return
        paragraph = self.doc.sections[0].footer.paragraphs[0]
        paragraph.style = self.doc.styles["Footer"]
        self.directed(paragraph)
        tabs = paragraph.paragraph_format.tab_stops
        for inherited in self.doc.styles["Footer"].paragraph_format.tab_stops:
            tabs.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
        tabs.add_tab_stop(Pt(self.width), WD_TAB_ALIGNMENT.RIGHT)  # the end, mirrored
        self.runs.text(paragraph, left)
        paragraph.add_run().add_tab()
        fields = {"page": ("PAGE", "1"), "pages": ("NUMPAGES", "1")}
        for literal, name, _, _ in string.Formatter().parse(page_of):
            if literal:
                self.runs.text(paragraph, literal)
            if name in fields:
                self.runs.field(paragraph, *fields[name])

    def finish(self, props: Properties) -> bytes:
        return package_bytes(self.doc, props)


def _section_rtl(sect_pr) -> None:
    """Right-to-left pages."""
    insert_property(sect_pr, element("w:bidi"))
