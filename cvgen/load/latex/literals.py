"""LaTeX's escaped special characters (\\&, \\textbackslash, \\{) as the characters they print.

While a value is decoded they stand as private-use placeholders, so a decoded backslash or
brace is never read as LaTeX again; `RESTORE` turns the placeholders back into characters.
"""

from __future__ import annotations

import re

# Text-mode names of characters that are special in LaTeX, as BibTeX writers emit them.
_LITERALS = {
    r"\textbackslash": "\\", r"\textasciicircum": "^", r"\textasciitilde": "~",
    r"\textbraceleft": "{", r"\textbraceright": "}", r"\textbar": "|", r"\textless": "<",
    r"\textgreater": ">", r"\textunderscore": "_", r"\textdollar": "$", r"\^{}": "^",
    r"\~{}": "~", r"\{": "{", r"\}": "}", r"\$": "$", r"\_": "_", r"\#": "#", r"\%": "%",
    r"\&": "&", r"\string^": "^", r"\textasciigrave": "`",
}  # fmt: skip
_LITERAL = re.compile(
    "|".join(
        re.escape(name) + (r"(?![A-Za-z])(?:\{\}|[ \t]*)" if name[-1].isalpha() else "")
        for name in sorted(_LITERALS, key=len, reverse=True)
    )
)  # a control word swallows the spaces or the empty group after it, as in TeX
_PLACEHOLDERS = {
    literal: chr(0xE000 + i) for i, literal in enumerate(sorted(set(_LITERALS.values())))
}
RESTORE = str.maketrans({v: k for k, v in _PLACEHOLDERS.items()})
PLACEHOLDER = re.compile(f"[{min(_PLACEHOLDERS.values())}-{max(_PLACEHOLDERS.values())}]")
_URL_ESCAPES = re.compile(r"\\([_%#&~$])")


def protect_literals(value: str) -> str:
    """The value with each escaped special character as its placeholder."""

    def swap(match: re.Match[str]) -> str:
        text = match.group(0)
        name = text if text in _LITERALS else text.rstrip(" \t").removesuffix("{}")
        return _PLACEHOLDERS[_LITERALS[name]]

    return _LITERAL.sub(swap, value)


def unescape_url(value: str) -> str:
    """URLs in .bib files are often written with \\_ and \\%; a link needs the bare characters."""
    return _URL_ESCAPES.sub(r"\1", value.replace("{", "").replace("}", "")).strip()
