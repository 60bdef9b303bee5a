"""Preprints, however a .bib says so: arXiv's eprint fields, an arXiv URL or DOI, Google
Scholar's `journal = {arXiv preprint arXiv:2103.04567}`, DBLP's CoRR, ADS's "arXiv e-prints",
and the other servers' DOIs and addresses (bioRxiv, medRxiv, SSRN, OSF, ...), DBLP's ECCC
and IACR ePrint reports (filed under journals/ there) too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

ARXIV_ID = re.compile(r"(?<![\w.])(\d{4}\.\d{4,5}|[a-z][a-z.\-]*/\d{7})(?:v\d+)?(?![\w])", re.I)
_BIORXIV_DOI = re.compile(r"^10\.1101/(\d{4}\.\d{2}\.\d{2}\.|\d{6}$)")


class Server(NamedTuple):
    name: str
    doi_prefixes: tuple[str, ...]
    hosts: tuple[str, ...]
    venue_names: tuple[str, ...]  # lower case; a venue starting with one names the server


SERVERS = (
    Server("arXiv", ("10.48550/arxiv.",), ("arxiv.org",), ("arxiv", "corr")),
    Server("medRxiv", (), ("medrxiv.org",), ("medrxiv",)),
    Server("bioRxiv", (), ("biorxiv.org",), ("biorxiv",)),
    Server("SSRN", ("10.2139/ssrn",), ("ssrn.com",), ("ssrn", "social science research network")),
    Server("PsyArXiv", ("10.31234/",), ("psyarxiv.com",), ("psyarxiv",)),
    Server("OSF Preprints", ("10.31219/",), ("osf.io",), ("osf preprints",)),
    Server("SocArXiv", ("10.31235/",), (), ("socarxiv",)),
    Server("EarthArXiv", ("10.31223/",), ("eartharxiv.org",), ("eartharxiv",)),
    Server("engrXiv", ("10.31224/",), (), ("engrxiv",)),
    Server("ChemRxiv", ("10.26434/chemrxiv",), ("chemrxiv.org",), ("chemrxiv",)),
    Server("Research Square", ("10.21203/rs.",), ("researchsquare.com",), ("research square",)),
    Server("Preprints.org", ("10.20944/preprints",), ("preprints.org",), ("preprints.org",)),
    Server("TechRxiv", ("10.36227/techrxiv",), ("techrxiv.org",), ("techrxiv",)),
    Server("Authorea", ("10.22541/au.",), ("authorea.com",), ("authorea",)),
    Server(
        "ECCC",
        (),
        ("eccc.weizmann.ac.il",),
        ("electron. colloquium comput. complex", "electronic colloquium on computational", "eccc"),
    ),
    Server(
        "Cryptology ePrint Archive",
        (),
        ("eprint.iacr.org",),
        ("iacr cryptol. eprint arch", "cryptology eprint archive", "iacr cryptology eprint"),
    ),
)
_ARXIV = SERVERS[0]


class Preprint(NamedTuple):
    server: str
    arxiv_id: str | None = None


@lru_cache(maxsize=4096)
def server_named(venue: str | None) -> Server | None:
    """The server a venue names ('arXiv preprint arXiv:2103.04567', 'CoRR', 'bioRxiv'); venues
    recur, so each is looked up once."""
    lowered = (venue or "").strip().lower()
    return next((s for s in SERVERS if lowered.startswith(s.venue_names)), None)


_SERVER_WORDS = re.compile(
    r"\b(?:arxiv|corr|e-?prints?|preprints?|abs|preprint server)\b|[\d./:()\[\],;-]+", re.I
)


def server_only(venue: str, server: Server) -> bool:
    """Whether a venue says nothing but the server ('arXiv preprint arXiv:2103.04567', 'arXiv
    e-prints', 'CoRR, abs/2301.01234'); 'arXiv Feb. (Survey Paper)' says more."""
    lowered = venue.lower()
    for name in server.venue_names:
        lowered = lowered.replace(name, " ")
    return not _SERVER_WORDS.sub(" ", lowered).strip()


def _server_of_doi(doi: str) -> Server | None:
    lowered = doi.lower()
    if _BIORXIV_DOI.match(lowered):
        return SERVERS[2]
    return next((s for s in SERVERS if lowered.startswith(s.doi_prefixes)), None)


def _server_of_url(url: str) -> Server | None:
    host = re.sub(r"^[a-z]+://(www\.)?", "", url.lower()).split("/")[0]
    return next((s for s in SERVERS if any(host.endswith(h) for h in s.hosts)), None)


def arxiv_id(*texts: str | None) -> str | None:
    """The first arXiv identifier (without version) in the texts."""
    for text in texts:
        match = ARXIV_ID.search(text or "")
        if match:
            return match.group(1)
    return None


def find_preprint(
    venue: str | None,
    doi: str | None,
    urls: list[str],
    eprint: str | None,
    archive: str | None,
    volume: str | None = None,
) -> Preprint | None:
    """The server an entry's fields point to, with its arXiv identifier when it is arXiv."""
    server = server_named(venue)
    if (archive and archive.lower() == "arxiv") or (eprint and not archive and arxiv_id(eprint)):
        server = server or _ARXIV
    if server is None and doi:
        server = _server_of_doi(doi)
    for url in urls:
        if server is None:
            server = _server_of_url(url)
    if server is None:
        return None
    if server is SERVERS[2] and "medrxiv" in " ".join([venue or "", *urls]).lower():
        server = SERVERS[1]
    if server is not _ARXIV:
        return Preprint(server.name)
    arxiv_urls = [u for u in urls if "arxiv.org" in u.lower()]
    doi_id = (
        doi[len("10.48550/arxiv.") :] if doi and doi.lower().startswith("10.48550/arxiv.") else None
    )
    if eprint and archive and archive.lower() == "arxiv":
        return Preprint("arXiv", eprint.strip().removeprefix("arXiv:").removeprefix("arxiv:"))
    corr = volume if volume and volume.lower().startswith("abs/") else None  # DBLP's CoRR
    return Preprint("arXiv", arxiv_id(eprint, doi_id, venue, corr, *arxiv_urls))
