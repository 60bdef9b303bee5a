"""Text, links and citation spans as LaTeX: the one place where cvgen's plain text becomes TeX.

The CV document, `cvgen filter --format latex` and the bio all go through these three
functions, so no user string reaches TeX unescaped and an entry reads the same everywhere.
Escaping must make *any* text print literally: TeX's specials, `\\input{...}`, `^^5c` and
`\\catcode` tricks, and the font ligatures that would silently turn `--` into a dash or `,,`
into a low quote. Straight quotes become typographic ones, as a typesetter would set them.
This module imports no TeX library, so other writers can use it cheaply.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import partial
from urllib.parse import quote

from cvgen.document import Span
from cvgen.writers.bidi import phrases
from cvgen.writers.latex.babel import foreign_language
from cvgen.writers.pdf.fonts import is_emoji
from cvgen.writers.spans import SpanStyle, render_spans

_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "%": r"\%",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "`": r"\textasciigrave{}",
    # Braced so that text after `\\` or `\item` is never read as an optional argument.
    "[": "{[}",
    "]": "{]}",
    "\u00a0": "~",
    "\u202f": r"\,",
    "\u00ad": r"\-",
}
# Math symbols that decoded BibTeX titles carry ("ℓ₁-regularised", "O(n²)"): set as math, they
# need no Unicode font, so such CVs still typeset with the fast pdflatex. Each is wrapped in
# \cvmath{code}{...} (latex_preamble.FONTS), so that it copies as the character it shows.
_MATH_TEX = {
    "ℓ": r"\ensuremath{\ell}", "∞": r"\ensuremath{\infty}", "≤": r"\ensuremath{\leq}",
    "≥": r"\ensuremath{\geq}", "≠": r"\ensuremath{\neq}", "≈": r"\ensuremath{\approx}",
    "∈": r"\ensuremath{\in}", "→": r"\ensuremath{\rightarrow}", "√": r"\ensuremath{\surd}",
    "∑": r"\ensuremath{\sum}", "∏": r"\ensuremath{\prod}", "∂": r"\ensuremath{\partial}",
    "∇": r"\ensuremath{\nabla}", "ϵ": r"\ensuremath{\epsilon}", "ϕ": r"\ensuremath{\phi}",
    "ϑ": r"\ensuremath{\vartheta}",
    **{chr(0x2080 + d): rf"\textsubscript{{{d}}}" for d in range(10)},
    **{sup: rf"\textsuperscript{{{d}}}" for d, sup in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")},
}  # fmt: skip


def _as_math(ch: str, tex: str) -> str:
    return rf"\cvmath{{{ord(ch):04X}}}{{{tex}}}"


_MATH = {ch: _as_math(ch, tex) for ch, tex in _MATH_TEX.items()}


# Greek letters LaTeX names in math (capitals only where they differ from Latin ones).
_GREEK = {
    chr(code): "\\" + unicodedata.name(chr(code)).split()[-1].lower()
    for code in range(0x03B1, 0x03CA)
    if code != 0x03C2 and code not in (0x03BF,)  # final sigma; omicron is just "o"
} | {ch: "\\" + unicodedata.name(ch).split()[-1].capitalize() for ch in "ΓΔΘΛΞΠΣΥΦΨΩ"}
_GREEK |= {"λ": r"\lambda", "Λ": r"\Lambda", "ε": r"\varepsilon", "φ": r"\varphi"}


def _is_greek(ch: str) -> bool:
    return "\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff"


def _greek_symbol(text: str, index: int) -> str | None:
    """A lone Greek letter ('α-nets', 'the β distribution') as math; words stay text."""
    ch = text[index]
    if ch not in _GREEK:
        return None
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if _is_greek(before) or _is_greek(after) or unicodedata.combining(after):
        return None
    return rf"\ensuremath{{{_GREEK[ch]}}}"


# Character pairs that T1 fonts (and fontspec's TeX ligatures) would merge into one glyph.
LIGATURE_PAIRS = frozenset({"--", ",,", "<<", ">>", "’’", "‘‘", "!‘", "?‘"})
_LIGATURE_BREAK = r"\kern0pt{}"  # an empty group is enough for pdfTeX, not for LuaTeX
_QUOTE_OPENERS = frozenset(" ([{<\u2014\u2013-/")
_KEEP_FORMAT = frozenset({"\u200c", "\u200d", "\u00ad"})  # joiners shape scripts; soft hyphen
_WHITESPACE = re.compile(r"[^\S\u00a0\u202f]+")  # any run of spaces, but not the no-break ones

# URL characters hyperref's \href takes literally, even inside another macro's argument or a
# table cell; #, % and & it takes escaped; everything else is percent-encoded.
_URL_SAFE = "-._~:/?[]@!$'()*+,;="
_URL_ESCAPES = {"#": r"\#", "%": r"\%", "&": r"\&"}
# URLs inside running text ('Data at https://...'), and where they may break across lines.
# A break there leaves some stretch and shrink at the end of the line (a line of URL has no
# spaces to adjust in a justified paragraph); where the line does not break, the two glues
# cancel out, and the kern stops TeX from hyphenating the rest of the URL.
_URL_IN_TEXT = re.compile(r"\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+", re.IGNORECASE)
_URL_BREAK_AFTER = frozenset("/.?&=#_")
_URL_BREAK = r"\hskip0pt plus4em minus.1em\penalty0\hskip0pt plus-4em minus-.1em\kern0pt{}"


def _clean(text: str) -> str:
    """NFC; breakable whitespace runs become one space; control and invisible chars go, and
    noncharacters. A character newer than this Python's Unicode tables (a 2024 emoji) stays:
    whether a font has it is checked after typesetting (font_coverage.py)."""
    text = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text))
    return "".join(ch for ch in text if ch in _KEEP_FORMAT or _printable(ch))


def _printable(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category == "Cn":
        code = ord(ch)
        return not (0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE)
    return category not in {"Cc", "Cs", "Cf"}


def _smart_quote(text: str, index: int) -> str:
    opening = index == 0 or text[index - 1] in _QUOTE_OPENERS
    if text[index] == '"':
        return "\u201c" if opening else "\u201d"
    elided = text[index + 1 : index + 3].isdigit()  # JCDL '21, the '90s: an apostrophe
    return "\u2018" if opening and not elided else "\u2019"


def _url_breaks(text: str, whole: bool) -> set[int]:
    """Where the URLs in `text` (or all of it) may break: after a run of separators, before
    more of the URL. TeX sees a URL as one long word that would run into the margin."""
    spans = [(0, len(text))] if whole else [m.span() for m in _URL_IN_TEXT.finditer(text)]
    return {
        index
        for start, end in spans
        for index in range(start, end - 1)
        if text[index] in _URL_BREAK_AFTER and text[index + 1] not in _URL_BREAK_AFTER
    }


# Text made only of these needs no escaping at all (most names, titles and venues): letters
# with their accents, digits, single spaces and punctuation that is neither special to TeX nor
# half of a ligature or a URL.
_PLAIN_CHARS = r"[A-Za-z0-9.,;:()!?/@+=*\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f-]+"
_PLAIN = re.compile(f"{_PLAIN_CHARS}( {_PLAIN_CHARS})*")


def _is_plain(text: str) -> bool:
    return bool(
        _PLAIN.fullmatch(text)
        and "--" not in text
        and ",," not in text
        and "://" not in text
        and "www." not in text.lower()
        and unicodedata.is_normalized("NFC", text)
    )


def escape_latex(text: str, *, url: bool = False, copyable: bool = True, rtl: bool = False) -> str:
    """Plain Unicode text -> LaTeX that prints exactly that text (quotes made typographic).

    URLs in the text, or the whole text with `url=True` (a link shown as 'example.edu/~me'),
    get invisible break points after their '/', '.', '?', ... so they wrap within the margins.
    `copyable` math symbols go through the CV preamble's \\cvmath; a fragment for the
    user's own document (`copyable=False`) gets standard commands only. With `rtl` (a
    right-to-left CV), each right-to-left phrase is isolated in \\cvrtl.
    """
    if rtl and any(is_phrase for _, is_phrase in phrases(text)):
        return "".join(
            "\\cvrtl{" + escape_latex(piece, url=url, copyable=copyable) + "}"
            if is_phrase
            else escape_latex(piece, url=url, copyable=copyable)
            for piece, is_phrase in phrases(text)
        )
    if not url and _is_plain(text):
        return text
    return _escape(text, url=url, copyable=copyable)


def _symbol(text: str, index: int, copyable: bool) -> str | None:
    ch = text[index]
    if copyable and is_emoji(ch):  # \cvemoji keeps it in the PDF's text (latex_preamble.py)
        return rf"\cvemoji{{{ch.encode('utf-16-be').hex().upper()}}}{{{ch}}}"
    tex = _MATH_TEX.get(ch) or _greek_symbol(text, index)
    return _as_math(ch, tex) if tex and copyable else tex


def _escape(text: str, *, url: bool = False, copyable: bool = True) -> str:
    text = _clean(text)
    breaks = _url_breaks(text, whole=url)
    out: list[str] = []
    for index, ch in enumerate(text):
        if ch in "\"'":
            unit = _smart_quote(text, index)
        else:
            unit = _SPECIALS.get(ch) or _symbol(text, index, copyable) or ch
        if out and out[-1][-1] + unit[0] in LIGATURE_PAIRS:
            out.append(_LIGATURE_BREAK)
        out.append(unit + _URL_BREAK if index in breaks else unit)
    return "".join(out)


def latex_url(url: str) -> str:
    """A link target for \\href: doi: links resolved, unsafe characters percent-encoded."""
    url = url.strip()
    if url.lower().startswith("doi:"):
        url = "https://doi.org/" + url[4:].lstrip("/")
    encoded = quote(url, safe=_URL_SAFE + "".join(_URL_ESCAPES))
    return "".join(_URL_ESCAPES.get(ch, ch) for ch in encoded)


def _underline(inner: str) -> str:
    """ulem's \\uline (latex_preamble.UNDERLINE), which breaks between the words of a long name
    and sits at one depth under the descenders, where LaTeX's \\underline does neither. But
    \\uline sets each word in a box of its own, one after the other in the paragraph's
    direction: a name in Hebrew or Arabic keeps \\underline, or its words would read in the
    wrong order (and so does every underline of a right-to-left CV, LATEX_RTL_STYLE)."""
    if any(is_phrase for _, is_phrase in phrases(inner)):
        return rf"\underline{{{inner}}}"
    return rf"\uline{{{inner}}}"


# A range is boxed: TeX would break after a hyphen-minus ("1-2"), though not after an en dash.
LATEX_STYLE = SpanStyle(
    escape=escape_latex,
    superscript="\\textsuperscript{{{}}}",
    italic="\\textit{{{}}}",
    underline=_underline,
    bold="\\textbf{{{}}}",
    link=lambda href, inner: f"\\href{{{latex_url(href)}}}{{{inner}}}",
    nobreak="\\mbox{{{}}}",
    language=lambda lang, _direction, inner: foreign_language(lang, inner),
    left_to_right="\\cvltr{{{}}}",
)
LATEX_RTL_STYLE = replace(
    LATEX_STYLE, escape=lambda text: escape_latex(text, rtl=True), underline="\\underline{{{}}}"
)


# A user's own document has no ulem unless they load it (LaTeX's own \underline there), nor
# cvgen's babel set-up (a run's language is not marked).
FRAGMENT_STYLE = replace(
    LATEX_STYLE,
    escape=partial(escape_latex, copyable=False),
    underline="\\underline{{{}}}",
    language=None,
)


def spans_to_latex(spans: list[Span], *, rtl: bool = False, fragment: bool = False) -> str:
    """A citation as LaTeX for the CV's document (`rtl` for a right-to-left CV, see
    escape_latex), or (`fragment`) using only standard commands (and hyperref's \\href for
    links) for the user's own document."""
    if fragment:
        return render_spans(spans, FRAGMENT_STYLE)
    return render_spans(spans, LATEX_RTL_STYLE if rtl else LATEX_STYLE, "rtl" if rtl else "ltr")
