"""What the tagged reference formats (RIS, MEDLINE) share: one line per value, names split the
way both write them, page ranges cut in two, and the identifiers a .bib may carry (PMID,
PMCID, ISBN, ISSN) that NIH's My Bibliography matches on."""

from __future__ import annotations

import re

from cvgen.model import Author, Publication

_RANGE = re.compile(r"^\s*([^\s–-]+)\s*[–-]+\s*([^\s–-]+)\s*$")
_PMID = re.compile(r"^\d{1,9}$")
_PMCID = re.compile(r"^(?:PMC)?(\d{1,9})$", re.I)


def one_line(text: str | None) -> str:
    """A value on one line: a tagged format ends a value at the line's end."""
    return " ".join((text or "").split())


def family_name(author: Author) -> str:
    """'van der Molen': the particle stays with the family name, as PubMed and RIS write it."""
    return one_line(f"{author.von} {author.last}")


def listed_authors(pub: Publication) -> list[Author]:
    """The people named ('and others' names nobody)."""
    return [a for a in pub.authors if a.last != "et al."]


def page_range(pages: str | None) -> tuple[str | None, str | None]:
    """('475', '482') from '475–482'; an article number is a start page alone."""
    if not pages:
        return None, None
    match = _RANGE.match(pages)
    return (match[1], match[2]) if match else (one_line(pages), None)


def pmid(pub: Publication) -> str | None:
    value = one_line(pub.extra.get("pmid"))
    return value if _PMID.match(value) else None


def pmcid(pub: Publication) -> str | None:
    match = _PMCID.match(one_line(pub.extra.get("pmcid")))
    return f"PMC{match[1]}" if match else None


def extra(pub: Publication, name: str) -> str | None:
    return one_line(pub.extra.get(name)) or None
