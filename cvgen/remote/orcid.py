"""ORCID: the works on a record, from the public API v3.0 ($CVGEN_ORCID_URL/v3.0/ID/works).

The works summary groups the versions of each work (one per source that added it) and gives
title, type, date, journal and identifiers, but no authors. So duplicates are decided on the
summary alone, and only the new works are fetched in full: from Crossref when the work has a
DOI (complete and authoritative), else from ORCID's record of the work (its contributors, or
the record's owner when ORCID lists none). A work whose full record ORCID no longer has (404)
is made from its summary, with the owner as its author, and said so.
"""

from __future__ import annotations

from typing import Any

from cvgen.errors import CvgenError
from cvgen.load.bibtex.entry import KIND_OF_TYPE, REQUIRED_VENUE
from cvgen.load.identity import Identity, plain_text
from cvgen.model import Links, PubKind, Publication
from cvgen.remote.crossref import publication_for_doi
from cvgen.remote.http import ORCID, Client, NotFound
from cvgen.remote.orcid_shapes import items, json_object, put_code, text
from cvgen.remote.orcid_shapes import value as _value
from cvgen.remote.works import Work, author_from_name
from cvgen.util.ids import arxiv_id, bare_doi, orcid_id

JSON = "application/json"
# ORCID work types that are talks or non-publications: cv.yaml's talks section holds talks.
NOT_PUBLICATIONS = frozenset(
    {"lecture-speech", "public-speech", "conference-presentation", "spin-off-company",
     "trademark", "registered-copyright", "license"}
)  # fmt: skip
# Without its journal, proceedings or book, an entry of these kinds reads wrongly (a chapter
# would take its own title as its book's): it is kept as @misc.
NEEDS_VENUE = frozenset({*REQUIRED_VENUE, PubKind.CHAPTER})
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


def _type(node: Any) -> str:
    """A work's type as v3.0 writes it (v2.1 wrote JOURNAL_ARTICLE)."""
    return (text(node, "type") or "").lower().replace("_", "-")


def _self_ids(node: Any) -> list[tuple[str, str]]:
    """(type, value) of the ids that identify this work; `part-of` ids name its journal or
    book, `version-of` another version."""
    found = []
    for ext in items(node, "external-ids", "external-id"):
        if (text(ext, "external-id-relationship") or "self").lower() != "self":
            continue
        value = text(ext, "external-id-value") or text(ext, "external-id-normalized") or ""
        found.append(((text(ext, "external-id-type") or "").lower(), value))
    return found


def _is_author(contributor: dict) -> bool:
    """Authors, not editors or translators: v3.0's 'author' role, a CRediT role, or none."""
    role = text(contributor, "contributor-attributes", "contributor-role") or "author"
    return role.lower() == "author" or role.startswith("http://credit.niso.org/")


def _year_month(node: Any) -> tuple[int | None, int | None]:
    def number(part: str) -> int | None:
        raw = _value(node, "publication-date", part)
        return int(raw) if raw and str(raw).isdigit() else None

    return number("year"), number("month")


def _identity(summary: dict, ids: list[tuple[str, str]]) -> Identity:
    journal = (text(summary, "journal-title") or "").lower()
    preprint = _type(summary) in ("preprint", "working-paper") or journal.startswith(
        ("arxiv", "corr")
    )
    arxiv = next((a for kind, v in ids if kind == "arxiv" and (a := arxiv_id(v))), None)
    return Identity.of(
        text(summary, "title", "title") or "",
        _year_month(summary)[0],
        [v for kind, v in ids if kind == "doi"],
        arxiv if preprint else None,
        preprint=preprint,
    )


class OrcidSource:
    def __init__(self, orcid: str, owner: str | None, summary: dict | None = None):
        self.orcid = orcid_id(orcid)
        self.summary = summary  # the works summary, when the whole record was fetched already
        self.summaries: dict[str, dict] = {}  # by put-code, for works ORCID lost the detail of
        self.label = f"ORCID {self.orcid}"
        self.owner = owner  # the record's owner: the author of works that list no contributors
        self.warnings: list[str] = []
        self.fetches_each = True  # whether complete() makes a request per work

    def works(self, client: Client, track=iter) -> list[Work]:
        data = self.summary if self.summary is not None else self._fetch_works(client)
        works = []
        for group in items(data, "group"):
            summary = next(iter(items(group, "work-summary")), None)  # the preferred first
            title = text(summary, "title", "title")
            code = put_code(summary)
            if not summary or not title or not code or _type(summary) in NOT_PUBLICATIONS:
                continue
            ids = _self_ids(group) + _self_ids(summary)
            identity = _identity(summary, ids)
            doi = next((d for kind, v in ids if kind == "doi" and (d := bare_doi(v))), None)
            self.summaries[code] = summary
            works.append(Work(title, identity.year, identity, doi=doi, ref=code))
        return works

    def _fetch_works(self, client: Client) -> dict:
        try:
            response = client.get(ORCID, f"/v3.0/{self.orcid}/works", accept=JSON)
        except NotFound:
            raise NotFound(f"ORCID has no record {self.orcid}") from None
        return json_object(response, f"the works of {self.orcid}")

    def complete(self, client: Client, work: Work) -> Publication | None:
        if work.doi:
            try:
                return publication_for_doi(client, work.doi, work.identity.preprint)
            except NotFound:
                pass  # a DataCite DOI, or one Crossref does not have: ORCID's record will do
        try:
            try:
                response = client.get(ORCID, f"/v3.0/{self.orcid}/work/{work.ref}", accept=JSON)
                detail = json_object(response, f"work {work.ref}")
            except NotFound:
                detail = self._from_summary(work)
            return self._publication(detail, work)
        except CvgenError as skipped:  # NotFound included: one lost work is no failed import
            self.warnings.append(f"{self.label}: skipped “{work.title}”: {skipped.message}")
            return None

    def _from_summary(self, work: Work) -> dict:
        """The summary stands in for a full record ORCID does not have: no contributors, so
        the owner is the author."""
        summary = self.summaries.get(str(work.ref))
        if summary is None or not self.owner:
            raise NotFound("ORCID has no full record of it")
        self.warnings.append(
            f"{self.label}: “{work.title}” has no full record on ORCID: added from its summary "
            "with you as its only author; check its authors"
        )
        return {**summary, "contributors": None}

    def _publication(self, detail: dict, work: Work) -> Publication:
        contributors = items(detail, "contributors", "contributor")
        names = [n for c in contributors if _is_author(c) and (n := text(c, "credit-name"))]
        if not names and not self.owner:
            raise CvgenError("ORCID lists no authors, and cv.yaml gives no person.name")
        authors = [author_from_name(n) for n in names] or [author_from_name(self.owner or "")]
        entry_type = ENTRY_TYPES.get(_type(detail), "misc")
        venue = plain_text(text(detail, "journal-title") or "") or None
        if KIND_OF_TYPE[entry_type] in NEEDS_VENUE and not venue:
            entry_type = "misc"
        arxiv = work.identity.arxiv
        if arxiv and entry_type == "unpublished":
            entry_type = "misc"
        kind = PubKind.PREPRINT if work.identity.preprint else KIND_OF_TYPE[entry_type]
        year, month = _year_month(detail)
        if year is None:
            raise CvgenError("ORCID gives no publication year")
        url = text(detail, "url")
        return Publication(
            key=f"orcid{work.ref}",
            entry_type=entry_type,
            kind=kind,
            title=plain_text(text(detail, "title", "title") or work.title),
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
