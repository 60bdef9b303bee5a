"""The Word styles of a cvgen document, and the page they sit on.

Every paragraph and run the writer makes names a style from `STYLES`, so a user restyles the
whole CV in Word's styles pane (or with a reference document) and the navigation pane shows
the headings. On cvgen's own base document each style is written afresh from the theme; on a
reference document its own styles are kept and only the missing ones are added, carrying
cvgen's structure (bold, italics) but the reference's fonts, sizes and colours.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import BaseStyle

from cvgen.themes.word_block import StyleSpec
from cvgen.writers.docx.theme import WordTheme

PARAGRAPH, CHARACTER = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER
PAPER_MM = {"a4": (210, 297), "letter": (215.9, 279.4)}
STRUCTURE = ("bold", "italic", "small_caps", "caps", "align", "space_before", "space_after")
# 'start' and 'end' are Word's left and right, which it mirrors in right-to-left paragraphs.
ALIGNMENTS = {
    "start": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "end": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}  # what a style added to a reference document keeps


@dataclass(frozen=True)
class StyleDef:
    name: str
    role: str | None  # the theme's role; None: a mark's style, the same in every theme
    kind: WD_STYLE_TYPE = PARAGRAPH
    outline: int | None = None  # heading level 0-2: the navigation pane and contents
    keep_next: bool = False
    keep_lines: bool = False
    mark: str | None = None  # the run property a mark's style sets: b, u, vertAlign
    based_on: str = "Normal"


STYLES = (
    StyleDef("Normal", "normal"),
    StyleDef("Title", "title", keep_next=True),
    StyleDef("Subtitle", "subtitle", keep_next=True),
    StyleDef("CV Contact", "contact"),
    StyleDef("Heading 1", "heading_1", outline=0, keep_next=True, keep_lines=True),
    StyleDef("Heading 2", "heading_2", outline=1, keep_next=True, keep_lines=True),
    StyleDef("Heading 3", "heading_3", outline=2, keep_next=True, keep_lines=True),
    StyleDef("CV Entry", "entry", keep_lines=True),
    StyleDef("CV Detail", "detail", keep_lines=True, based_on="CV Entry"),
    StyleDef("CV Paragraph", "paragraph"),
    StyleDef("CV Publication", "list", keep_lines=True),
    StyleDef("CV Bullet", "list"),
    StyleDef("CV Legend", "legend"),
    StyleDef("CV Table", "table"),
    StyleDef("CV Table Heading", "table_heading", keep_next=True),
    StyleDef("Footer", "footer"),
    StyleDef("CV Date", "date", CHARACTER),
    StyleDef("CV Note", "note", CHARACTER),
    StyleDef("Hyperlink", "link", CHARACTER),
    StyleDef("CV Own Name", None, CHARACTER, mark="b"),
    StyleDef("CV Student", None, CHARACTER, mark="u"),
    StyleDef("CV Equal Contribution", None, CHARACTER, mark="vertAlign"),
)
MARK_STYLES = {"self": "CV Own Name", "student": "CV Student", "equal": "CV Equal Contribution"}


def element(tag: str, **attributes: str) -> OxmlElement:
    """<w:tag w:key="value" ...>."""
    node = OxmlElement(tag)
    for key, value in attributes.items():
        node.set(qn(f"w:{key}"), value)
    return node


def twips(points: float) -> str:
    return str(round(points * 20))


def run_properties(style: BaseStyle, spec: StyleSpec, theme: WordTheme) -> None:
    """Font, size, colour and emphasis, for Latin and complex scripts alike."""
    rpr = style.element.get_or_add_rPr()
    if spec.font:
        fonts = rpr.get_or_add_rFonts()
        for key in list(fonts.attrib):
            del fonts.attrib[key]
        for attr in ("ascii", "hAnsi"):  # complex scripts and CJK: set_language's
            fonts.set(qn(f"w:{attr}"), spec.font)
    if spec.bold is not None:
        style.font.bold = style.font.cs_bold = spec.bold
    if spec.italic is not None:  # not for complex scripts: Word would slant Hebrew and Arabic
        style.font.italic = spec.italic
    if spec.small_caps is not None:
        style.font.small_caps = spec.small_caps
    if spec.caps is not None:
        style.font.all_caps = spec.caps
    if spec.colour:
        style.font.color.rgb = None
        style.font.color.rgb = _rgb(theme.colour(spec.colour))
    if spec.size:
        style.font.size = Pt(spec.size)
        size_cs = rpr.find(qn("w:szCs"))
        if size_cs is None:
            size_cs = element("w:szCs")
            rpr.find(qn("w:sz")).addnext(size_cs)
        size_cs.set(qn("w:val"), str(round(spec.size * 2)))


# The order ECMA-376 (Part 1, transitional) gives the children of the property elements cvgen
# adds to; Word refuses a document whose properties are out of order.
PROPERTY_ORDER = {
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
        "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
        "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
        "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ).split(),
    "rPr": (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
        "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
        "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
    ).split(),
    "tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
        "tblDescription tblPrChange"
    ).split(),
    "tcPr": (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
        "vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"
    ).split(),
    "sectPr": (
        "footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols "
        "formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
        "sectPrChange"
    ).split(),
}


def _after(properties, tag: str) -> tuple[str, ...]:
    """The tags that must follow `tag` inside `properties` (w:pPr, w:rPr, w:tblPr, ...)."""
    order = PROPERTY_ORDER[properties.tag.split("}")[1]]
    return tuple(f"w:{name}" for name in order[order.index(tag.split(":")[1]) + 1 :])


def _rgb(hex_colour: str | None):
    from docx.shared import RGBColor

    return RGBColor.from_string(hex_colour.lstrip("#").upper()) if hex_colour else None


def paragraph_properties(style: BaseStyle, spec: StyleSpec, theme: WordTheme) -> None:
    fmt = style.paragraph_format
    if spec.align:
        fmt.alignment = ALIGNMENTS[spec.align]
    if spec.space_before is not None:
        fmt.space_before = Pt(spec.space_before)
    if spec.space_after is not None:
        fmt.space_after = Pt(spec.space_after)
    if spec.line_spacing is not None:
        fmt.line_spacing = spec.line_spacing
    if spec.rule:
        rule_below(style.element.get_or_add_pPr(), theme.colour("rule"), 0.5, 1)


def rule_below(ppr, colour: str | None, width: float, space: float) -> None:
    """A line `width` points thick, `space` points under the paragraph's text."""
    borders = element("w:pBdr")
    colour = (colour or "#000000").lstrip("#")
    size, gap = str(round(width * 8)), str(round(space))
    borders.append(element("w:bottom", val="single", sz=size, space=gap, color=colour))
    insert_property(ppr, borders)


def insert_property(properties, node) -> None:
    """Add `node` to a property element where the schema orders it (see PROPERTY_ORDER)."""
    tag = node.tag.split("}")[1]
    properties.insert_element_before(node, *_after(properties, f"w:{tag}"))


def _reset(style: BaseStyle) -> None:
    """A built-in style of the base document, emptied of its own look (Word 2010's blues)."""
    for tag in ("w:pPr", "w:rPr"):
        for node in style.element.findall(qn(tag)):
            style.element.remove(node)


def _structure(style: BaseStyle, definition: StyleDef) -> None:
    fmt = style.paragraph_format
    if definition.keep_next:
        fmt.keep_with_next = True
    if definition.keep_lines:
        fmt.keep_together = True
    if definition.outline is not None:
        outline = element("w:outlineLvl", val=str(definition.outline))
        insert_property(style.element.get_or_add_pPr(), outline)


def _mark(style: BaseStyle, definition: StyleDef) -> None:
    if definition.mark == "b":
        style.font.bold = style.font.cs_bold = True
    elif definition.mark == "u":
        style.font.underline = True
    elif definition.mark == "vertAlign":
        style.font.superscript = True


def install_styles(doc: DocxDocument, theme: WordTheme, *, restyle: bool) -> None:
    """Every style of STYLES in `doc`: restyled from the theme when `restyle` (cvgen's base),
    else only added where missing (a reference document's own styles win)."""
    styles = doc.styles
    for definition in STYLES:
        present = definition.name in styles
        if present and not restyle:
            continue
        if present:
            style = styles[definition.name]
            _reset(style)
        else:
            style = styles.add_style(definition.name, definition.kind)
            if definition.name != "Normal" and definition.kind == PARAGRAPH:
                style.base_style = styles[definition.based_on]
            style.quick_style = definition.role in ("title", "heading_1", "heading_2")
        if definition.kind == PARAGRAPH:
            _structure(style, definition)
        _mark(style, definition)
        if definition.role is None:
            continue
        spec = theme.styles[definition.role]
        if not restyle:
            spec = StyleSpec(**{key: getattr(spec, key) for key in STRUCTURE})
        run_properties(style, spec, theme)
        if definition.kind == PARAGRAPH:
            paragraph_properties(style, spec, theme)
    link = styles["Hyperlink"]
    if restyle:
        link.font.underline = False  # students are underlined; a link must not look like one


# The theme's font of each script with its own (theme.yaml fonts:), by language.
SCRIPT_SLOTS = {"he": "hebrew", "ar": "arabic", "fa": "arabic", "ur": "arabic",
                "zh": "chinese", "ja": "japanese", "ko": "korean"}  # fmt: skip


def set_language(
    doc: DocxDocument, lang: str, rtl: bool, fonts: dict[str, str] | None = None
) -> None:
    """The proofing language of the text (in the slot of its script: complex scripts for a
    right-to-left language, East Asian for CJK), and the fonts of the complex-script and East
    Asian slots: the document language's where it has one, else the theme's Hebrew and
    Chinese ones (`fonts`: by language, see SCRIPT_SLOTS)."""
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    east_asian = lang.split("-")[0] in ("zh", "ja", "ko")
    attributes = {"val": lang, **({"bidi": lang} if rtl else {})}
    attributes |= {"eastAsia": lang} if east_asian else {}
    node = rpr.find(qn("w:lang"))
    if node is None:
        node = element("w:lang")
        insert_property(rpr, node)
    for key, value in attributes.items():
        node.set(qn(f"w:{key}"), value)
    if fonts:
        own = fonts.get(lang.split("-")[0])
        slots = rpr.get_or_add_rFonts()
        slots.set(qn("w:cs"), own if rtl and own else fonts.get("he", ""))
        slots.set(qn("w:eastAsia"), own if east_asian and own else fonts.get("zh", ""))


def page_setup(doc: DocxDocument, paper: str | None, theme: WordTheme | None) -> None:
    """The paper (None: keep the document's) and, given a theme, its margins."""
    section = doc.sections[0]
    if paper:
        width, height = PAPER_MM[paper]
        section.page_width, section.page_height = Mm(width), Mm(height)
    if theme is not None:
        margins = theme.margins
        section.top_margin, section.bottom_margin = Pt(margins["top"]), Pt(margins["bottom"])
        section.left_margin, section.right_margin = Pt(margins["left"]), Pt(margins["right"])
        section.footer_distance = Pt(margins["footer"])
        section.header_distance = Pt(margins["footer"])
        section.gutter = 0


def text_width(doc: DocxDocument) -> float:
    """Points between the margins."""
    section = doc.sections[0]
    return (section.page_width - section.left_margin - section.right_margin) / 12700
