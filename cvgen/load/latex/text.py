"""Decode the LaTeX inside BibTeX values ({\\"o}, \\&, --, $\\ell_1$, \\textbf{...}) to Unicode.

Almost every real value uses only accent macros, escaped specials, dashes and simple math,
which a few regular expressions translate in microseconds (the fast path). Anything else goes
to a small reader of LaTeX that follows the macro policy in latex_tables.py, knows the user's
own macros and the AAS journal macros, and reports the macros it does not know. Decoding never
raises: whatever goes wrong inside, the field falls back to a plain reading (braces stripped,
macro names dropped, their arguments kept) and says so.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from cvgen.load.latex import tables as T
from cvgen.load.latex.aas_journals import AAS_JOURNALS
from cvgen.load.latex.literals import PLACEHOLDER, RESTORE, protect_literals
from cvgen.load.latex.macros import NO_MACROS, MacroTable
from cvgen.load.latex.reader import HANDLED, Reader, Trouble, library_symbol

_ACCENT = re.compile(
    r"\\([\"'`^~=.]|[uvHckrdb](?=[\s{]))\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))"
)
_LETTER = re.compile(r"\\(ss|aa|AA|ae|AE|oe|OE|dh|DH|th|TH|ng|NG|[oOlLij])(?![A-Za-z])\s?")
_MATH = re.compile(r"(?<!\\)\$([^$]*)\$")
_MATH_MACRO = re.compile(r"\\([A-Za-z]+)")
_MATH_SCRIPT = re.compile(r"([_^])(?:\{([0-9+\-=()]+)\}|([0-9]))")
_UNSAFE_LEFTOVER = re.compile(r"[\\$]")
# DBLP escapes the math of titles a second time: {\textdollar}{\textbackslash}mathrm\{AC\}...
_DOUBLE_ESCAPED_MATH = re.compile(r"\{?\\textdollar\}?(.*?)\{?\\textdollar\}?", re.S)
_PLAIN_CONTROL = re.compile(r"\\(?:[A-Za-z]+\*?|.)")


class Decoded(NamedTuple):
    """A decoded value: the text, the macros cvgen did not know, the links of \\href/\\url, and
    why the full reading failed, if it did (then `text` is the plain reading)."""

    text: str
    unknown: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    failed: str | None = None


def _accent(match: re.Match[str]) -> str:
    base = match.group(2) or match.group(3)
    base = {"\\i": "i", "\\j": "j"}.get(base, base)
    return unicodedata.normalize("NFC", base + T.ACCENTS[match.group(1)])


def _math(match: re.Match[str]) -> str:
    """Simple inline math as Unicode: $\\ell_1$ -> ℓ₁, $O(n^2)$ -> O(n²); else left as is."""

    def script(m: re.Match[str]) -> str:
        table = T.SUBSCRIPTS if m.group(1) == "_" else T.SUPERSCRIPTS
        return (m.group(2) or m.group(3)).translate(table)

    body = _MATH_SCRIPT.sub(script, match.group(1))
    body = _MATH_MACRO.sub(lambda m: T.MATH_SYMBOLS.get(m.group(1), m.group(0)), body)
    leftover = _UNSAFE_LEFTOVER.search(body) or "^" in body or "_" in body
    return match.group(0) if leftover else body


def _fast_decode(value: str) -> str:
    text = _MATH.sub(_math, value) if "$" in value else value
    if "\\" in text:
        text = _ACCENT.sub(_accent, text)
        text = _LETTER.sub(lambda m: T.LETTERS[m.group(1)], text)
        text = text.replace("\\-", "").replace("\\,", " ").replace("\\ ", " ")
    return _typography(text)


def _typography(text: str) -> str:
    """TeX's dashes, double quotes (German ,,low`` ones too) and ties, the LaTeX of most titles
    without a backslash."""
    if "-" in text:
        text = text.replace("---", "—").replace("--", "–")
    if ",," in text:
        text = text.replace(",,", "„")
    if "`" in text or "'" in text:
        text = text.replace("``", "“").replace("''", "”")
    return text.replace("~", " ") if "~" in text else text


def _undo_double_escape(value: str) -> str:
    """DBLP escapes math a second time: {\\textdollar}{\\textbackslash}mathrm..."""

    def math(match: re.Match[str]) -> str:
        body = re.sub(r"\{?\\textbackslash\}?", lambda _: "\\", match.group(1))
        body = body.replace("\\{", "{").replace("\\}", "}")
        body = re.sub(r"\{?\\\^\{\}\}?", "^", body).replace("{\\_}", "_").replace("\\_", "_")
        return "$" + body + "$"

    return _DOUBLE_ESCAPED_MATH.sub(math, value)


def plain_reading(value: str) -> str:
    """The last resort: macro names dropped, their arguments kept, braces and $ removed."""
    text = protect_literals(value)
    text = _PLAIN_CONTROL.sub(lambda m: T.CONTROL_SYMBOLS.get(m.group(0)[1:], ""), text)
    text = text.replace("{", "").replace("}", "").replace("$", "").replace("~", " ")
    return " ".join(text.split()).translate(RESTORE)


def decode(value: str, macros: MacroTable = NO_MACROS) -> Decoded:
    """The plain text of a BibTeX value; never raises (see the module docstring)."""
    if (
        "\\" not in value
        and "$" not in value
        and (value.isascii() or not PLACEHOLDER.search(value))
    ):
        return Decoded(
            _quotes(" ".join(_typography(value).replace("{", "").replace("}", "").split()))
        )
    try:
        return _decode(value, macros)
    except Exception as exc:  # any failure must fall back to the plain reading, per field
        reason = str(exc) if isinstance(exc, Trouble) else f"{type(exc).__name__}: {exc}"
        return Decoded(plain_reading(value), failed=reason)


@lru_cache(maxsize=65536)
def _decode(value: str, macros: MacroTable) -> Decoded:
    if "textdollar" in value:
        value = _undo_double_escape(value)
    protected = protect_literals(value)
    text = _fast_decode(protected)
    if not _UNSAFE_LEFTOVER.search(text):
        text = " ".join(text.replace("{", "").replace("}", "").split())
        return Decoded(_quotes(text).translate(RESTORE))
    reader = Reader(macros)
    text = reader.render(protected, depth=0, math=False)
    text = " ".join(text.replace("\xa0", " ").split())
    return Decoded(
        _quotes(text).translate(RESTORE), tuple(dict.fromkeys(reader.unknown)), tuple(reader.links)
    )


def latex_to_unicode(value: str) -> str:
    """Plain text of a BibTeX value: accents and symbols decoded, protecting braces dropped."""
    return decode(value).text


def _quotes(text: str) -> str:
    """TeX's `single quotes' become ‘…’; a lone apostrophe stays as typed."""
    if "`" not in text:
        return text
    return re.sub(r"`([^`']*)'", r"‘\1’", text).replace("`", "‘")


def is_known_macro(name: str) -> bool:
    """Whether cvgen's policy (or pylatexenc) says what `\\name` prints."""
    return (
        name in HANDLED
        or name in T.DROP
        or name in T.SPACES
        or name in T.TEXT_SYMBOLS
        or name in T.MATH_SYMBOLS
        or name in T.MATH_FUNCTIONS
        or name in T.LETTERS
        or name in AAS_JOURNALS
        or library_symbol(name) is not None
    )
