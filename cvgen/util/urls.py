"""Which links may reach an output: one check for every writer that makes a link.

`safe_href` re-checks links even though the model validated them: DOIs and arXiv ids are free
text, and a template should not be able to turn data into a `javascript:` link by accident.
"""

from __future__ import annotations

import re

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f<>\"'`\\]")
_PATH_START = re.compile(r"[/?#]")


def safe_href(url: str | None) -> str | None:
    """The link as an href (doi: becomes https://doi.org/), or None if it is not safe to link.

    Browsers ignore whitespace and control characters inside a scheme ("java\\tscript:"), so a
    link containing any of them is refused outright rather than cleaned. A colon before the
    first '/', '?' or '#' marks a scheme (RFC 3986), and only http(s), mailto and doi pass.
    """
    if not url:
        return None
    url = url.strip()
    if _UNSAFE_CHARS.search(url):
        return None
    if ":" not in _PATH_START.split(url, maxsplit=1)[0]:
        return url
    scheme, rest = url.split(":", 1)
    if scheme.lower() == "doi":
        return "https://doi.org/" + rest.lstrip("/")
    return url if scheme.lower() in _SAFE_SCHEMES else None
