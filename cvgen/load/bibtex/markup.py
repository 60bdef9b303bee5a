"""Web markup that exporters leave in BibTeX values, read as the text it stands for.

Crossref writes `&amp;` and `&#58;`, ADS `<ASTROBJ>51 Pegasi b</ASTROBJ>`, INSPIRE and
publishers MathML (`<math><mi>t</mi><mo>¯</mo></math>`) and JATS (`<i>`, `<sup>`,
`<inline-formula>`), websites `<b>`, `<br>` and Markdown links (`[PR](https://…)`). Only these
known forms are read: a `<` in `p < 0.05` is text. Runs before the LaTeX is decoded, and only
on values that hold a `<`, a `&` or a `](`, which most never do.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from typing import NamedTuple

from cvgen.load.latex import tables as T

_TAG_NAMES = (
    r"b|i|u|em|strong|sup|sub|br|span|div|p|a|font|scp|sc|it|tt|small|big|strike|s|ins|del|"
    r"ASTROBJ|inline-formula|tex-math|alternatives|named-content|styled-content|italic|bold|"
    r"mml:[a-z]+|jats:[a-z-]+|title|abstract"
)
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s+[^<>]*)?/?>", re.I)
_SCRIPT = re.compile(r"<(sup|sub)>([^<>]*)</\1>", re.I)
_BREAK = re.compile(r"<(?:br|p)\s*/?>", re.I)
_MATHML = re.compile(r"<(?:mml:)?math\b.*?</(?:mml:)?math>", re.I | re.S)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]+)\]\(\s*((?:https?://|www\.)[^()\s]*)\s*\)")
_PREFIX = re.compile(r"(</?)[A-Za-z]+:")
# MathML's accents over a base (mover), as the combining marks that put them on a letter.
_OVER = {"¯": "\u0304", "‾": "\u0305", "^": "\u0302", "ˆ": "\u0302", "~": "\u0303",
         "˜": "\u0303", "→": "\u20d7", "⃗": "\u20d7", "˙": "\u0307", "¨": "\u0308"}  # fmt: skip


class WebText(NamedTuple):
    text: str
    links: tuple[str, ...] = ()


def has_web_markup(value: str) -> bool:
    return "<" in value or "&" in value or "](" in value


def read_web_markup(value: str) -> WebText:
    """The value with MathML, known tags, character entities and Markdown links read."""
    links: list[str] = []
    if "](" in value:

        def link(match: re.Match[str]) -> str:
            links.append(match.group(2))
            return match.group(1)

        value = _MARKDOWN_LINK.sub(link, value)
    if "<" in value:
        value = _MATHML.sub(lambda m: _mathml_text(m.group(0)), value)
        value = _SCRIPT.sub(lambda m: _script(m.group(1).lower(), m.group(2)), value)
        value = _BREAK.sub(" ", value)
        value = _TAG.sub("", value)
    if "&" in value:
        value = _ENTITY.sub(lambda m: html.unescape(m.group(0)), value)
    return WebText(value, tuple(links))


def _script(kind: str, text: str) -> str:
    chars = T.SUPERSCRIPT_CHARS if kind == "sup" else T.SUBSCRIPT_CHARS
    if text and all(c in chars for c in text):
        return text.translate(T.SUPERSCRIPTS if kind == "sup" else T.SUBSCRIPTS)
    return text


def _mathml_text(source: str) -> str:
    """MathML as plain text: identifiers, numbers and operators in order, scripts as Unicode
    super- and subscripts where they exist, accents over a letter as combining marks."""
    try:
        root = ElementTree.fromstring(_PREFIX.sub(r"\1", source))
    except ElementTree.ParseError:
        return _TAG.sub("", re.sub(r"<[^<>]*>", "", source))
    return _element_text(root)


def _element_text(element: ElementTree.Element) -> str:
    tag = element.tag.rsplit("}", 1)[-1].lower()
    children = list(element)
    parts = [_element_text(child) for child in children]
    if tag in ("msup", "msub") and len(parts) == 2:
        return parts[0] + _script("sup" if tag == "msup" else "sub", parts[1])
    if tag == "msubsup" and len(parts) == 3:
        return parts[0] + _script("sub", parts[1]) + _script("sup", parts[2])
    if tag == "mover" and len(parts) == 2 and parts[1] in _OVER:
        return "".join(c + _OVER[parts[1]] for c in parts[0])
    if tag == "mfrac" and len(parts) == 2:
        return "/".join(p if len(p) == 1 else f"({p})" for p in parts)
    if tag == "msqrt":
        inner = "".join(parts)
        return "√" + (inner if len(inner) == 1 else f"({inner})")
    if tag == "annotation" or tag == "annotation-xml":
        return ""
    own = (element.text or "").strip() if not children else (element.text or "")
    return own + "".join(p + (child.tail or "") for p, child in zip(parts, children, strict=True))
