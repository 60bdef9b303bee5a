"""Crossref: the BibTeX of a DOI, from $CVGEN_CROSSREF_URL/works/DOI/transform/application/x-bibtex
(the REST API's form of DOI content negotiation).

Crossref's BibTeX is one line per entry and needs two repairs before any BibTeX reader takes it:
month names it writes bare (`month=june`, not a BibTeX macro), and posted content (bioRxiv and
other preprints) written as `@article` with no journal.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from cvgen.load.bibtex.values import MONTH_MACROS
from cvgen.load.identity import is_preprint_doi
from cvgen.model import Publication
from cvgen.remote.entries import read_service_bibtex
from cvgen.remote.http import CROSSREF, Client, NotFound
from cvgen.remote.works import Work

_BARE_MONTH = re.compile(r"(\bmonth\s*=\s*)([A-Za-z]+)(?=\s*[,}])", re.I)
_ARTICLE = re.compile(r"^\s*@article\s*\{", re.I)
_JOURNAL = re.compile(r"[{,]\s*journal\s*=", re.I)


def _braced_month(match: re.Match[str]) -> str:
    word = match.group(2)
    return match.group(0) if word.lower() in MONTH_MACROS else f"{match.group(1)}{{{word}}}"


def repaired(bibtex: str, doi: str, preprint: bool = False) -> str:
    text = _BARE_MONTH.sub(_braced_month, bibtex)
    if _ARTICLE.match(text) and not _JOURNAL.search(text):
        kind = "unpublished" if preprint or is_preprint_doi(doi) else "misc"
        text = _ARTICLE.sub(f"@{kind}{{", text, count=1)
    return text


def publication_for_doi(client: Client, doi: str, preprint: bool = False) -> Publication:
    """The DOI's record; NotFound when Crossref has no readable record of it (DataCite DOIs
    such as arXiv's and Zenodo's are not Crossref's)."""
    params = {"mailto": client.email} if client.email else None
    if {".", ".."} & set(doi.split("/")):  # a path segment the URL would resolve away
        raise NotFound(f"doi:{doi} is not a DOI cvgen can look up (it holds '.' or '..' parts)")
    path = f"/works/{quote(doi, safe='/')}/transform/application/x-bibtex"
    try:
        text = client.get_text(CROSSREF, path, params=params)
    except NotFound:
        raise NotFound(
            f"Crossref does not know doi:{doi} (DataCite DOIs, such as arXiv's, are not there)"
        ) from None
    text = repaired(text, doi, preprint)
    publications, warnings = read_service_bibtex(text, f"Crossref doi:{doi}")
    if not publications:  # as good as no record: the caller may look elsewhere
        raise NotFound(warnings[0] if warnings else f"Crossref sent no BibTeX for doi:{doi}")
    pub = publications[0]  # with the DOI as asked for: Crossref's BibTeX lowercases it
    return pub.model_copy(update={"links": pub.links.model_copy(update={"doi": doi})})


class DoiSource:
    """`cvgen import doi DOI...`: each DOI's record from Crossref."""

    def __init__(self, dois: list[str]):
        self.dois = dois
        self.label = "Crossref"
        self.warnings: list[str] = []
        self.fetches_each = False  # whether complete() makes a request per work

    def works(self, client: Client, track=iter) -> list[Work]:
        works = []
        for doi in track(self.dois):
            try:
                works.append(Work.from_publication(publication_for_doi(client, doi)))
            except NotFound as missing:
                self.warnings.append(missing.message)
        return works

    def complete(self, client: Client, work: Work) -> Publication | None:
        return work.publication
