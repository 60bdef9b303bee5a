"""Decode the LaTeX inside BibTeX values ({\\"o}, \\&, --, $\\ell_1$) to plain Unicode.

pylatexenc does the real work but costs ~0.3 ms a string, which is 2 s for a 1000-entry file.
Most values need no decoding or only brace removal, and author names repeat across entries, so a
fast path and a cache keep loading well under the budget.
"""

from __future__ import annotations

import re
from functools import lru_cache

_NEEDS_DECODING = re.compile(r"[\\$~]|--|``|''")
_SUBSCRIPTS = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SUPERSCRIPTS = str.maketrans("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾")
_MATH_SCRIPT = re.compile(r"([_^])(?:\{([0-9+\-=()]+)\}|([0-9]))")
_INLINE_MATH = re.compile(r"\$([^$]*)\$")


@lru_cache(maxsize=1)
def _converter():
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text", strict_latex_spaces=True)


def _scripts_to_unicode(math: str) -> str:
    """Turn simple sub/superscripts in math into Unicode, so '$\\ell_1$' reads 'ℓ₁' not 'ℓ_1'."""

    def replace(match: re.Match[str]) -> str:
        digits = match.group(2) or match.group(3)
        table = _SUBSCRIPTS if match.group(1) == "_" else _SUPERSCRIPTS
        return digits.translate(table)

    return "$" + _MATH_SCRIPT.sub(replace, math.group(1)) + "$"


@lru_cache(maxsize=65536)
def latex_to_unicode(value: str) -> str:
    """Plain text of a BibTeX value: accents and symbols decoded, protecting braces dropped."""
    if not _NEEDS_DECODING.search(value):
        return " ".join(value.replace("{", "").replace("}", "").split())
    if "$" in value:
        value = _INLINE_MATH.sub(_scripts_to_unicode, value)
    text = _converter().latex_to_text(value)
    return " ".join(text.replace("\xa0", " ").split())


_URL_ESCAPES = re.compile(r"\\([_%#&~$])")


def unescape_url(value: str) -> str:
    """URLs in .bib files are often written with \\_ and \\%; a link needs the bare characters."""
    return _URL_ESCAPES.sub(r"\1", value.replace("{", "").replace("}", "")).strip()
