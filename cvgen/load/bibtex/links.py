"""An entry's links as people and exporters write them, made into links a CV can use.

A link field holds more than a link in real files: `[PubMed](https://…) [PR](https://…)` (a
website's Markdown), two addresses one after the other, `\\url{…}`, a space inside the address,
`www.` without a scheme, `DOI: 10.1002/…`. What plainly means one address is repaired (the
first address, spaces encoded, a scheme added); what cannot be a safe link is dropped with a
warning. A bad link never costs the entry.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cvgen.load.latex.literals import unescape_url
from cvgen.model.base import check_url
from cvgen.util.ids import bare_doi

_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(\s*([^()\s]+)\s*\)")
_URL_MACRO = re.compile(r"\\(?:url|href)\s*\{([^{}]*)\}")
_NEXT_ADDRESS = re.compile(r"\s+(?=(?:https?://|www\.))", re.I)
_ADDRESS_START = re.compile(r"(?:https?://|www\.)", re.I)
_PLACEHOLDERS = frozenset({"na", "n/a", "nan", "none", "null", "-", "–", "tbd", "todo"})
_DOI_IN_TEXT = re.compile(r"(?<![\w.])10\.\d+(?:\.\d+)*/[^\s,;]+")


class Link(NamedTuple):
    """The link to use (None: none usable) and what the user should hear about it."""

    url: str | None
    warning: str | None = None


def _addresses(raw: str) -> list[str]:
    text = _URL_MACRO.sub(r"\1", raw.strip())
    found = _MARKDOWN_LINK.findall(text)
    if not found:  # addresses one after another; a space inside one is part of it
        text = unescape_url(text)
        start = _ADDRESS_START.search(text)
        found = _NEXT_ADDRESS.split(text[start.start() :]) if start else [text]
    return [_without_placeholder(unescape_url(address).strip()).rstrip(".,;") for address in found]


def _without_placeholder(address: str) -> str:
    """'http://dx.doi.org/10.1037/met0000025 NA': Mendeley's NA after the address is none of it."""
    head, _, tail = address.rpartition(" ")
    return head if head and tail.lower() in _PLACEHOLDERS else address


def first_address(raw: str) -> str:
    """The first address a link field holds, as written (for recognising a preprint server)."""
    return _addresses(raw)[0]


def repaired_link(raw: str) -> Link:
    """The one address a link field means, or None with the reason."""
    addresses = _addresses(raw)
    url = addresses[0]
    more = len(addresses) - 1
    warning = f"holds {more + 1} links; the CV links the first, {url}" if more else None
    if url.lower().startswith("www."):
        url = "https://" + url
    url = url.replace(" ", "%20")
    try:
        return Link(check_url(url), warning)
    except ValueError as exc:
        return Link(None, f"{exc}; the link is left out (the entry is shown)")


def repaired_doi(raw: str) -> Link:
    """The bare DOI of a `doi` field written as a link, with a label (`DOI: 10.…`) or beside
    other text; None with a warning when it holds none."""
    value = unescape_url(raw)
    doi = bare_doi(value)
    if doi:
        return Link(doi)
    found = _DOI_IN_TEXT.search(value)  # after a label, or with a registrant code of any length
    if found:
        return Link(found.group(0).rstrip("."))
    return Link(None, f"{value!r} is not a DOI (10.NNNN/...); it is left out (the entry is shown)")
