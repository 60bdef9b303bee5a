"""Private-use characters that carry structure through citeproc-py's plain-string output.

citeproc-py formats a reference into one string. To keep the CV's marks (own name bold,
students underlined) and the style's own formatting, cvgen wraps every piece it must find
again in characters from Unicode's Supplementary Private Use Area-A (plane 15), which no
style, locale or case change touches, and reads them back in `decode.py`. Input text is
cleaned of that plane first (`clean`), so a hostile title can never forge a sentinel.
"""

from __future__ import annotations

import re

_BASE = 0xF0000
LEADING = re.compile("[\U000f0000-\U000fffff]*")
ITALIC_OPEN, ITALIC_CLOSE = chr(_BASE), chr(_BASE + 1)
BOLD_OPEN, BOLD_CLOSE = chr(_BASE + 2), chr(_BASE + 3)
UNDERLINE_OPEN, UNDERLINE_CLOSE = chr(_BASE + 4), chr(_BASE + 5)
SUPERSCRIPT_OPEN, SUPERSCRIPT_CLOSE = chr(_BASE + 6), chr(_BASE + 7)
PLAIN_OPEN, PLAIN_CLOSE = chr(_BASE + 8), chr(_BASE + 9)  # subscript, small caps: text kept
GIVEN_OPEN, GIVEN_CLOSE = chr(_BASE + 10), chr(_BASE + 11)  # a name's given part
FAMILY_OPEN, FAMILY_CLOSE = chr(_BASE + 12), chr(_BASE + 13)  # a name's family part
DOI_OPEN, URL_OPEN, LINK_CLOSE = chr(_BASE + 14), chr(_BASE + 15), chr(_BASE + 16)

# Author i of an item carries FAMILY_ID(i) in its family name (and suffix) and DROP_ID(i) as
# its dropping particle, which citeproc-py always prints next to the given name.
MAX_IDS = 0x2000
_FAMILY_ID_BASE, _DROP_ID_BASE = _BASE + 0x1000, _BASE + 0x4000
SENTINEL = re.compile("[\U000f0000-\U000fffff]")
SPLIT = re.compile("([\U000f0000-\U000fffff])")


def family_id(index: int) -> str:
    return chr(_FAMILY_ID_BASE + index)


def drop_id(index: int) -> str:
    return chr(_DROP_ID_BASE + index)


def id_of(char: str) -> tuple[str, int] | None:
    """('family', i) or ('drop', i) for an author sentinel, else None."""
    code = ord(char)
    if _FAMILY_ID_BASE <= code < _FAMILY_ID_BASE + MAX_IDS:
        return "family", code - _FAMILY_ID_BASE
    if _DROP_ID_BASE <= code < _DROP_ID_BASE + MAX_IDS:
        return "drop", code - _DROP_ID_BASE
    return None


def clean(text: str) -> str:
    """The text without any character cvgen uses as a sentinel."""
    return SENTINEL.sub("", text)
