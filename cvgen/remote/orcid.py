"""ORCID: the works on a record, from the public API v3.0 ($CVGEN_ORCID_URL/v3.0/ID/works).

The works summary groups the versions of each work (one per source that added it) and gives
title, type, date, journal and identifiers, but no authors. So duplicates are decided on the
summary alone, and only the new works are fetched in full: from Crossref when the work has a
DOI (complete and authoritative), else from ORCID's record of the work (its contributors, or
the record's owner when ORCID lists none).
"""

from __future__ import annotations

from typing import Any

from cvgen.errors import CvgenError
from cvgen.load.bibtex.kinds import KIND_OF_TYPE, REQUIRED_VENUE
from cvgen.load.identity import Identity, plain_text
from cvgen.model import Links, PubKind, Publication
from cvgen.remote.crossref import publication_for_doi
from cvgen.remote.http import ORCID, Client, NotFound
from cvgen.remote.works import Work, author_from_name
from cvgen.util.ids import arxiv_id, bare_doi, orcid_id

JSON = "application/json"
# ORCID work types that are talks or non-publications: cv.yaml's talks section holds talks.
NOT_PUBLICATIONS = frozenset(
    {"lecture-speech", "public-speech", "conference-presentation", "spin-off-company",
     "trademark", "registered-copyright", "license"}
)  # fmt: skip
ENTRY_TYPES = {
    "journal-article": "article",
    "conference-paper": "inproceedings",
    "book": "book",
    "edited-book": "book",
    "book-chapter": "incollection",
    "dissertation-thesis": "phdthesis",
    "dissertation": "phdthesis",
    "report": "techreport",
    "preprint": "unpublished",
    "working-paper": "unpublished",
}


def _value(node: Any, *path: str) -> Any:
    """ORCID wraps most scalars: {"title": {"title": {"value": "..."}}}."""
    for key in (*path, "value"):
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _self_ids(node: Any) -> list[tuple[str, str]]:
    """(type, value) of the ids that identify this work; `part-of` ids name its journal or
    book, `version-of` another version."""
    found = []
    for ext in (node or {}).get("external-ids", {}).get("external-id") or []:
        if (ext.get("external-id-relationship") or "self").lower() != "self":
            continue
        value = ext.get("external-id-value") or _value(ext, "external-id-normalized") or ""
        found.append(((ext.get("external-id-type") or "").lower(), str(value).strip()))
    return found


def _is_author(contributor: dict) -> bool:
    """Authors, not editors or translators: v3.0's 'author' role, a CRediT role, or none."""
    role = (contributor.get("contributor-attributes") or {}).get("contributor-role") or "author"
    return role.lower() == "author" or role.startswith("http://credit.niso.org/")


def _year_month(node: Any) -> tuple[int | None, int | None]:
    def number(part: str) -> int | None:
        raw = _value(node, "publication-date", part)
        return int(raw) if raw and str(raw).isdigit() else None

    return number("year"), number("month")


def _identity(summary: dict, ids: list[tuple[str, str]]) -> Identity:
    journal = (_value(summary, "journal-title") or "").lower()
    preprint = summary.get("type") in ("preprint", "working-paper") or journal.startswith(
        ("arxiv", "corr")
    )
    arxiv = next((a for kind, v in ids if kind == "arxiv" and (a := arxiv_id(v))), None)
    return Identity.of(
        _value(summary, "title", "title") or "",
        _year_month(summary)[0],
        [v for kind, v in ids if kind == "doi"],
        arxiv if preprint else None,
        preprint=preprint,
    )


class OrcidSource:
    def __init__(self, orcid: str, owner: str | None):
        self.orcid = orcid_id(orcid)
        self.label = f"ORCID {self.orcid}"
        self.owner = owner  # the record's owner: the author of works that list no contributors
        self.warnings: list[str] = []
        self.fetches_each = True  # whether complete() makes a request per work

    def works(self, client: Client, track=iter) -> list[Work]:
        try:
            data = client.get(ORCID, f"/v3.0/{self.orcid}/works", accept=JSON).json()
        except NotFound:
            raise NotFound(f"ORCID has no record {self.orcid}") from None
        works = []
        for group in data.get("group") or []:
            summary = (group.get("work-summary") or [None])[0]  # ORCID lists the preferred first
            title = _value(summary, "title", "title")
            if not summary or not title or summary.get("type") in NOT_PUBLICATIONS:
                continue
            ids = _self_ids(group) + _self_ids(summary)
            identity = _identity(summary, ids)
            doi = next((d for kind, v in ids if kind == "doi" and (d := bare_doi(v))), None)
            works.append(Work(title, identity.year, identity, doi=doi, ref=summary.get("put-code")))
        return works

    def complete(self, client: Client, work: Work) -> Publication | None:
        if work.doi:
            try:
                return publication_for_doi(client, work.doi, work.identity.preprint)
            except NotFound:
                pass  # a DataCite DOI, or one Crossref does not have: ORCID's record will do
        try:
            detail = client.get(ORCID, f"/v3.0/{self.orcid}/work/{work.ref}", accept=JSON).json()
            return self._publication(detail, work)
        except CvgenError as skipped:  # NotFound included: one lost work is no failed import
            self.warnings.append(f"{self.label}: skipped “{work.title}”: {skipped.message}")
            return None

    def _publication(self, detail: dict, work: Work) -> Publication:
        contributors = (detail.get("contributors") or {}).get("contributor") or []
        names = [n for c in contributors if _is_author(c) and (n := _value(c, "credit-name"))]
        if not names and not self.owner:
            raise CvgenError("ORCID lists no authors, and cv.yaml gives no person.name")
        authors = [author_from_name(n) for n in names] or [author_from_name(self.owner or "")]
        entry_type = ENTRY_TYPES.get(detail.get("type") or "", "misc")
        venue = plain_text(_value(detail, "journal-title") or "") or None
        if KIND_OF_TYPE[entry_type] in REQUIRED_VENUE and not venue:
            entry_type = "misc"
        arxiv = work.identity.arxiv
        if arxiv and entry_type == "unpublished":
            entry_type = "misc"
        kind = PubKind.PREPRINT if work.identity.preprint else KIND_OF_TYPE[entry_type]
        year, month = _year_month(detail)
        if year is None:
            raise CvgenError("ORCID gives no publication year")
        url = _value(detail, "url")
        return Publication(
            key=f"orcid{work.ref}",
            entry_type=entry_type,
            kind=kind,
            title=plain_text(_value(detail, "title", "title") or work.title),
            authors=authors,
            year=year,
            month=month,
            venue=venue,
            links=Links(
                doi=work.doi,
                arxiv=arxiv,
                url=url if url and url.startswith(("http://", "https://")) else None,
            ),
        )
