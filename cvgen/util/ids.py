"""Identifiers as people paste them (profile URLs, `doi:` prefixes) reduced to the bare form each
service's API takes, and compared the way the services compare them.

Stdlib only: cv.yaml validation (cvgen/model/) uses these too.
"""

from __future__ import annotations

import re

_DOI_PREFIXES = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.I)
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_ARXIV_NEW = re.compile(r"^(\d{4}\.\d{4,5})(?:v\d+)?$")
_ARXIV_OLD = re.compile(r"^([a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", re.I)
_ARXIV_IN_TEXT = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf)/|arxiv[.:]|abs[/-])"
    r"(\d{4}[.-]\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})",
    re.I,
)
_DBLP_PID = re.compile(r"^[a-z0-9]+/[A-Za-z0-9_=.:-]+$")
_DBLP_URL = re.compile(r"^https?://dblp\.(?:org|uni-trier\.de|dagstuhl\.de)/pid/", re.I)
_OPENALEX_AUTHOR = re.compile(r"^A\d{4,12}$")


def bare_doi(text: str) -> str | None:
    """'https://doi.org/10.1/X', 'doi:10.1/X' and '10.1/X' are one DOI; None if it is not one."""
    doi = _DOI_PREFIXES.sub("", text.strip()).strip()
    return doi if _DOI.match(doi) else None


def doi_key(doi: str) -> str:
    """DOIs are case-insensitive (the DOI Handbook, section 2.4): compare them lowercased."""
    return doi.strip().lower()


def arxiv_id(text: str) -> str | None:
    """The arXiv identifier in an eprint field, an arXiv DOI or URL, or DBLP's CoRR volume
    ('abs/2301.01234'), without its version: v1 and v2 are one paper."""
    value = text.strip()
    for pattern in (_ARXIV_NEW, _ARXIV_OLD):
        match = pattern.match(value.removeprefix("arXiv:").removeprefix("arxiv:"))
        if match:
            return match.group(1).lower()
    match = _ARXIV_IN_TEXT.search(value)
    if match:
        found = match.group(1)
        return (found[:4] + "." + found[5:] if found[4] == "-" else found).lower()
    return None


def dblp_pid(text: str) -> str:
    """A DBLP person id ('71/8342', 'h/GeoffreyEHinton') from itself or its profile URL."""
    pid = _DBLP_URL.sub("", text.strip())
    pid = re.sub(r"\.(?:html|bib|xml|rdf)$", "", pid).strip("/")
    if not _DBLP_PID.match(pid):
        raise ValueError(
            f"{text!r} is not a DBLP person id: use the part after dblp.org/pid/, e.g. '71/8342'"
        )
    return pid


def orcid_id(text: str) -> str:
    """An ORCID iD from itself or its https://orcid.org/ URL (checksum checked by the model)."""
    value = re.sub(r"^https?://(?:www\.)?orcid\.org/", "", text.strip(), flags=re.I).strip("/")
    if not re.match(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$", value):
        raise ValueError(f"{text!r} is not an ORCID iD (0000-0002-1825-0097)")
    return value


def openalex_author(text: str) -> str:
    """An OpenAlex author id ('A5023888391') from itself or its https://openalex.org/ URL."""
    value = re.sub(r"^https?://(?:api\.)?openalex\.org/(?:authors/)?", "", text.strip(), flags=re.I)
    value = value.strip("/").upper()
    if not _OPENALEX_AUTHOR.match(value):
        raise ValueError(f"{text!r} is not an OpenAlex author id (A followed by digits)")
    return value
