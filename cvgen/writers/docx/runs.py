"""Spans as Word runs: the one place cvgen text enters a Word document.

Word's XML cannot hold control characters, so they are dropped, and tabs and line breaks
become spaces (a tab would jump to the date column). A CV mark takes its character style
(CV Own Name, CV Student, CV Equal Contribution), so the legend's "bold" is one style Word
users can restyle; a citation style's own bold or italics are direct formatting. Links become
real hyperlinks (a relationship to the target), only for what `safe_href` lets through.
Text in a right-to-left script is marked as such, as Word marks what is typed in it.

A run in another language than the document's carries its language (w:lang, in the slot of
its script: w:bidi for Hebrew and Arabic, w:eastAsia for Chinese, Japanese and Korean, w:val
otherwise), its script's font, and, where its direction is not the paragraph's, marks at both
ends (U+200E or U+200F) that keep its punctuation with it: an English sentence in a Hebrew
paragraph ends in its full stop, not '.Thesis'. A number range in right-to-left text is held
left to right the same way, so it reads '640–652'. Hebrew, Arabic and CJK have no italics:
Word would slant them; their emphasis is bold.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement
from lxml.etree import _Element as Element

from cvgen.document import MARK_STYLES as MARK_LOOKS
from cvgen.document import Span, language_runs
from cvgen.util.languages import language_of_script, primary
from cvgen.util.urls import safe_href
from cvgen.words import text_direction
from cvgen.writers.docx.styles import MARK_STYLES, element
from cvgen.writers.spans import is_number_range

Looks = tuple[str, ...]  # "bold", "italic", "underline", "superscript"
_R, _RPR, _T, _VAL, _STYLE, _RTL = (
    qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:val"), qn("w:rStyle"), qn("w:rtl")
)  # fmt: skip
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Direct formatting, in the order of CT_RPr's schema (rStyle before, rtl after them all).
_LOOKS = {"bold": qn("w:b"), "italic": qn("w:i"), "underline": qn("w:u"),
          "superscript": qn("w:vertAlign")}  # fmt: skip
_VALUES = {"underline": "single", "superscript": "superscript"}
# Bold's complex-script twin; no italic one: Word would slant Hebrew and Arabic.
_COMPLEX = {"bold": qn("w:bCs")}
_FONTS, _LANG, _CS, _EAST = qn("w:rFonts"), qn("w:lang"), qn("w:cs"), qn("w:eastAsia")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SPACES = re.compile(r"[\t\n\r\v\f]")


def clean(text: str) -> str:
    """Text Word can hold: no control characters, tabs and line breaks as spaces."""
    return _NOT_XML.sub("", _SPACES.sub(" ", text))


_UNBREAKABLE = str.maketrans({" ": "\u00a0", "-": "\u2011", "–": "–\u2060", "—": "—\u2060"})


def unbreakable(text: str) -> str:
    """Text Word keeps on one line: no-break spaces and hyphens, a word joiner after a dash
    (a number range, 'pp. 12–19'; a period, '09/2021 – 08/2026')."""
    return text.translate(_UNBREAKABLE)


def is_rtl(text: str) -> bool:
    if text.isascii():
        return False
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


_MARKS = {"ltr": "\u200e", "rtl": "\u200f"}  # LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
_EAST_ASIAN = frozenset({"zh", "ja", "ko"})


def language_slot(lang: str) -> str:
    """The attribute of w:lang (and w:rFonts) a language's script takes."""
    if text_direction(lang) == "rtl":
        return "bidi"
    return "eastAsia" if primary(lang) in _EAST_ASIAN else "val"


def upright_emphasis(text: str) -> bool:
    """Whether `text` is in a script without italics (Hebrew, Arabic, CJK)."""
    return language_of_script(text, latin="") in ("he", "ar", "fa", "zh", "ja", "ko")


class _Relationships:
    """A part's hyperlink relationships, one per target, numbered on from the part's last rId
    (python-docx searches every relationship for each new link: quadratic in a long CV)."""

    def __init__(self, part) -> None:
        self.rels = part.rels
        self.ids = {
            rel.target_ref: rid
            for rid, rel in self.rels.items()
            if rel.is_external and rel.reltype == RELATIONSHIP_TYPE.HYPERLINK
        }
        numbers = [int(rid[3:]) for rid in self.rels if rid.startswith("rId") and rid[3:].isdigit()]
        self.next = max(numbers, default=0) + 1

    def __call__(self, target: str) -> str:
        if target not in self.ids:
            rid = f"rId{self.next}"
            self.next += 1
            self.rels.add_relationship(RELATIONSHIP_TYPE.HYPERLINK, target, rid, is_external=True)
            self.ids[target] = rid
        return self.ids[target]


class Runs:
    """Writes runs into one document, naming styles by the ids it has for them (looked up once:
    python-docx searches the styles by name on every use, which costs more than the text)."""

    def __init__(
        self,
        style_ids: Mapping[str, str],
        direction: str = "ltr",
        fonts: Mapping[str, str] | None = None,
    ) -> None:
        """`direction`: the paragraphs'; `fonts`: the theme's font of each script slot
        ('bidi', 'eastAsia') by language ('he', 'ja'), for runs in another language."""
        self.ids = style_ids
        self.direction = direction
        self.fonts = fonts or {}
        self._relationships: dict[int, _Relationships] = {}

    def _hyperlink(self, paragraph: Paragraph, target: str):
        """A <w:hyperlink> to `target` (a safe href) appended to the paragraph."""
        part = paragraph.part
        if id(part) not in self._relationships:
            self._relationships[id(part)] = _Relationships(part)
        relationships = self._relationships[id(part)]
        link = element("w:hyperlink", history="1")
        link.set(qn("r:id"), relationships(target))
        paragraph._p.append(link)
        return link

    def text(
        self,
        paragraph: Paragraph,
        text: str,
        style: str | None = None,
        looks: Looks = (),
        lang: str | None = None,
    ) -> Element:
        """A run of `text` at the end of the paragraph, in character style `style`, with the
        direct formatting `looks` (bold, italic, underline, superscript: in that order), marked
        right-to-left when its script is, and in `lang` where it is another language. Built as
        XML directly: python-docx's run and font objects look every property up on each use,
        ten times the cost of the text."""
        text = clean(text)
        rtl = is_rtl(text)
        run = SubElement(paragraph._p, _R)
        language = self._language(lang) if lang else []
        properties = [(_STYLE, {_VAL: self.ids[style]})] if style else []
        properties += [item for item in language if item[0] == _FONTS]
        for look in looks:  # in CT_RPr's order, which Word insists on, as LOOKS lists them
            value = _VALUES.get(look)
            properties.append((_LOOKS[look], {_VAL: value} if value else {}))
            if rtl and look in _COMPLEX:
                properties.append((_COMPLEX[look], {}))
        if rtl:
            properties.append((_RTL, {}))
        properties += [item for item in language if item[0] == _LANG]
        if properties:
            holder = SubElement(run, _RPR)
            for tag, attributes in properties:
                SubElement(holder, tag, attributes)
        if text:
            piece = SubElement(run, _T)
            piece.text = text
            if text != text.strip():
                piece.set(_XML_SPACE, "preserve")
        return run

    def _styled(self, paragraph: Paragraph, span: Span, linked: bool, style: str | None):
        """One run: a mark's character style (else a link's, else `style`), the rest directly."""
        implied = MARK_LOOKS.get(span.mark or "")
        style = MARK_STYLES.get(span.mark or "") or ("Hyperlink" if linked else style)
        text = unbreakable(span.text) if span.nobreak else span.text
        if span.nobreak and self._run_direction(span.lang) == "rtl" and is_number_range(span):
            text = _MARKS["ltr"] + text + _MARKS["ltr"]  # '640–652' ascending
        upright = span.italic and upright_emphasis(span.text)
        looks = [
            look
            for look, wanted in (
                ("bold", (span.bold and implied != "bold") or upright),
                ("italic", span.italic and not upright),
                ("underline", span.underline and implied != "underline"),
                ("superscript", span.superscript and implied != "superscript"),
            )
            if wanted
        ]
        return self.text(paragraph, text, style, tuple(looks), span.lang)

    def _run_direction(self, lang: str | None) -> str:
        return text_direction(lang) if lang else self.direction

    def _language(self, lang: str) -> list[tuple[str, dict[str, str]]]:
        """A run's language in its script's slot (w:lang, last of its properties), and its
        script's font where the theme names one (w:rFonts, right after its style)."""
        slot = language_slot(lang)
        font = self.fonts.get(primary(lang))
        fonts = (
            [(_FONTS, {_CS if slot == "bidi" else _EAST: font})] if font and slot != "val" else []
        )
        return [*fonts, (_LANG, {qn(f"w:{slot}"): lang})]

    def spans(self, paragraph: Paragraph, spans: list[Span], style: str | None = None) -> None:
        """The spans as runs (in character style `style`, unless a mark or a link says
        otherwise); consecutive spans with one link share one hyperlink. A run of another
        direction than the paragraph's is held in it by a mark at each end."""
        marked: list[Span] = []
        for lang, run in language_runs(spans):
            direction = self._run_direction(lang)
            if lang and direction != self.direction and run:
                mark = Span(_MARKS[direction], lang=lang)
                run = [mark, *run, mark]
            marked += run
        link, linked = None, None
        for span in marked:
            if not span.text:
                continue
            target = safe_href(span.href)
            run = self._styled(paragraph, span, target is not None, style)
            if target != linked:
                link, linked = (self._hyperlink(paragraph, target) if target else None), target
            if link is not None:
                link.append(run)

    def field(self, paragraph: Paragraph, instruction: str, shown: str) -> None:
        """A simple field (PAGE, NUMPAGES), with the value shown until Word updates it."""
        field = element("w:fldSimple", instr=f" {instruction} ")
        field.append(self.text(paragraph, shown))
        paragraph._p.append(field)
