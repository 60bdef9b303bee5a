"""Word numbering for the publication lists: real numbered paragraphs showing the tree's numbers.

Word counts a list up from its start, so the numbers the tree gives (restarting per type,
continuing across types, or counting down) are honoured by starting a new list instance
(a `w:num` overriding the start) wherever the next number is not the previous one plus one:
one instance per group when counting up, one per entry when counting down. Every instance
shares one definition (`w:abstractNum`), so restyling the list in Word restyles all of them.
Ids are handed out in order, so the same CV always gets the same numbering part.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement as _element
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement as _sub

from cvgen.writers.docx.styles import element, twips

_NUM_PR, _STYLE, _ILVL, _NUM_ID, _VAL = (
    qn("w:numPr"), qn("w:pStyle"), qn("w:ilvl"), qn("w:numId"), qn("w:val")
)  # fmt: skip


def _ids(root, tag: str, attribute: str) -> list[int]:
    return [int(node.get(qn(attribute))) for node in root.findall(qn(tag))]


class Numbering:
    """The document's list definitions: '[n]' labels and bullets."""

    def __init__(self, doc: DocxDocument) -> None:
        self.root = doc.part.numbering_part.element
        self._definitions: dict[str, int] = {}
        self._next_num = max(_ids(self.root, "w:num", "w:numId"), default=0) + 1

    def _definition(self, key: str, level) -> int:
        """The abstract numbering for `key`, added on first use."""
        if key in self._definitions:
            return self._definitions[key]
        ident = max(_ids(self.root, "w:abstractNum", "w:abstractNumId"), default=-1) + 1
        abstract = element("w:abstractNum", abstractNumId=str(ident))
        abstract.append(element("w:nsid", val=f"{0x43560000 + ident:08X}"))
        abstract.append(element("w:multiLevelType", val="singleLevel"))
        abstract.append(level)
        existing = self.root.findall(qn("w:abstractNum"))
        if existing:
            existing[-1].addnext(abstract)
        else:
            first = self.root.find(qn("w:num"))
            if first is not None:
                first.addprevious(abstract)
            else:
                self.root.append(abstract)
        self._definitions[key] = ident
        return ident

    def start(self, abstract: int, number: int | None = None) -> int:
        """A new list instance of the definition `abstract`, counting from `number`."""
        ident, self._next_num = self._next_num, self._next_num + 1
        num = element("w:num", numId=str(ident))
        num.append(element("w:abstractNumId", val=str(abstract)))
        if number is not None:
            override = element("w:lvlOverride", ilvl="0")
            override.append(element("w:startOverride", val=str(number)))
            num.append(override)
        self.root.append(num)
        return ident

    def numbered(self, indent: float, gap: float, label_colour: str | None) -> int:
        """The definition of '[n]' lists with labels flush right and text at `indent` (one per
        width, so a list of a hundred entries gets room for its labels)."""
        level = _level("decimal", "[%1]", "right", indent, gap, label_colour)
        return self._definition(f"numbered-{indent:.1f}", level)

    def bullets(self, indent: float, gap: float, colour: str | None) -> int:
        """A new bulleted list instance."""
        level = _level("bullet", "•", "left", indent, gap, colour)
        return self.start(self._definition("bullet", level))

    def number_runs(self, abstract: int, numbers: list[int | None]) -> list[int | None]:
        """The list instance of each entry (None for an unnumbered one): a new instance where
        the count does not go on by one."""
        out: list[int | None] = []
        previous, current = None, None
        for number in numbers:
            if number is None:
                out.append(None)
                previous = None
                continue
            if previous is None or number != previous + 1:
                current = self.start(abstract, number)
            out.append(current)
            previous = number
        return out


def _level(fmt: str, text: str, justify: str, indent: float, gap: float, colour: str | None):
    """Level 0 of a list: the label `text` in a `indent`-point hanging indent."""
    level = element("w:lvl", ilvl="0")
    for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
        level.append(element(tag, val=value))
    level.append(element("w:lvlJc", val=justify))
    ppr = element("w:pPr")
    tabs = element("w:tabs")
    tabs.append(element("w:tab", val="num", pos=twips(indent)))
    ppr.append(tabs)
    hanging = gap if justify == "right" else indent
    ppr.append(element("w:ind", left=twips(indent), hanging=twips(hanging)))
    level.append(ppr)
    if colour:
        rpr = element("w:rPr")
        rpr.append(element("w:color", val=colour.lstrip("#")))
        level.append(rpr)
    return level


def number_paragraph(paragraph: Paragraph, num_id: int) -> None:
    """Put the paragraph in list `num_id` (level 0). Its properties are built as XML here,
    where the schema wants them (after the style): python-docx's way tries thirty tags each."""
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = ppr.find(_NUM_PR)
    if num_pr is None:
        num_pr = _element("w:numPr")
        style = ppr.find(_STYLE)
        ppr.insert(0 if style is None else ppr.index(style) + 1, num_pr)
    num_pr.clear()
    _sub(num_pr, _ILVL, {_VAL: "0"})
    _sub(num_pr, _NUM_ID, {_VAL: str(num_id)})
