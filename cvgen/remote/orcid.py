"""ORCID: the works on a record, from the public API v3.0 ($CVGEN_ORCID_URL/v3.0/ID/works).

The works summary groups the versions of each work (one per source that added it) and gives
title, type, date, journal and identifiers, but no authors. So duplicates are decided on the
summary alone, and only the new works are fetched in full: from Crossref when the work has a
DOI (complete and authoritative), else from ORCID's record of the work (its contributors, or
the record's owner when ORCID lists none).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cvgen.errors import CvgenError
from cvgen.load.bibtex.entry import KIND_OF_TYPE, REQUIRED_VENUE
from cvgen.load.identity import Identity, plain_text
from cvgen.model import Links, PubKind, Publication
from cvgen.remote.crossref import publication_for_doi
from cvgen.remote.http import ORCID, Client, NotFound
from cvgen.remote.works import Work, author_from_name
from cvgen.util.ids import arxiv_id, bare_doi, orcid_id

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


# --- the answers' shapes (public API v3.0: what cvgen reads of them) -----------------------


class Shape(BaseModel):
    """An ORCID JSON object: hyphenated keys, anything cvgen does not read ignored."""

    model_config = ConfigDict(
        extra="ignore",
        frozen=True,
        alias_generator=lambda name: name.replace("_", "-"),
        coerce_numbers_to_str=True,
    )


class Value(Shape):
    """ORCID wraps most scalars: {"value": "..."}."""

    value: str | None = None


class Title(Shape):
    title: Value | None = None


class PublicationDate(Shape):
    year: Value | None = None
    month: Value | None = None

    def number(self, part: Value | None) -> int | None:
        raw = part.value if part else None
        return int(raw) if raw and raw.isascii() and raw.isdigit() and len(raw) <= 4 else None


class ExternalId(Shape):
    external_id_type: str | None = None
    external_id_value: str | None = None
    external_id_normalized: Value | None = None
    external_id_relationship: str | None = None


class ExternalIds(Shape):
    external_id: list[ExternalId] = []

    def own(self) -> list[tuple[str, str]]:
        """(type, value) of the ids that identify this work; `part-of` ids name its journal
        or book, `version-of` another version."""
        found = []
        for ext in self.external_id:
            if (ext.external_id_relationship or "self").lower() != "self":
                continue
            normalized = ext.external_id_normalized.value if ext.external_id_normalized else None
            value = ext.external_id_value or normalized or ""
            found.append(((ext.external_id_type or "").lower(), value.strip()))
        return found


PutCode = Annotated[int, Field(strict=True, ge=0, le=10**15)]  # it goes into a URL


class Summary(Shape):
    put_code: PutCode | None = None
    title: Title | None = None
    type: str | None = None
    publication_date: PublicationDate | None = None
    journal_title: Value | None = None
    external_ids: ExternalIds | None = None
    url: Value | None = None


class Group(Shape):
    external_ids: ExternalIds | None = None
    work_summary: list[Summary] = []


class WorksSummary(Shape):
    """GET /v3.0/{ORCID iD}/works."""

    group: list[Group] = []


class Attributes(Shape):
    contributor_role: str | None = None


class Contributor(Shape):
    credit_name: Value | None = None
    contributor_attributes: Attributes | None = None

    @property
    def is_author(self) -> bool:
        """Authors, not editors or translators: v3.0's 'author' role, a CRediT role, or none."""
        attributes = self.contributor_attributes
        role = (attributes.contributor_role if attributes else None) or "author"
        return role.lower() == "author" or role.startswith("http://credit.niso.org/")


class Contributors(Shape):
    contributor: list[Contributor] = []


class WorkRecord(Summary):
    """GET /v3.0/{ORCID iD}/work/{put-code}: the summary's fields and the contributors."""

    contributors: Contributors | None = None


def _text(value: Value | None) -> str:
    return (value.value or "") if value else ""


def _year_month(summary: Summary) -> tuple[int | None, int | None]:
    date = summary.publication_date
    return (date.number(date.year), date.number(date.month)) if date else (None, None)


def _identity(summary: Summary, ids: list[tuple[str, str]]) -> Identity:
    journal = _text(summary.journal_title).lower()
    preprint = summary.type in ("preprint", "working-paper") or journal.startswith(
        ("arxiv", "corr")
    )
    arxiv = next((a for kind, v in ids if kind == "arxiv" and (a := arxiv_id(v))), None)
    title = _text(summary.title.title) if summary.title else ""
    return Identity.of(
        title,
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
            data = client.get_json(ORCID, f"/v3.0/{self.orcid}/works", shape=WorksSummary)
        except NotFound:
            raise NotFound(f"ORCID has no record {self.orcid}") from None
        works = []
        for group in data.group:
            summary = group.work_summary[0] if group.work_summary else None  # preferred first
            title = _text(summary.title.title) if summary and summary.title else ""
            if not summary or not title or summary.type in NOT_PUBLICATIONS:
                continue
            own = (group.external_ids or ExternalIds()).own()
            ids = own + (summary.external_ids or ExternalIds()).own()
            identity = _identity(summary, ids)
            doi = next((d for kind, v in ids if kind == "doi" and (d := bare_doi(v))), None)
            works.append(Work(title, identity.year, identity, doi=doi, ref=summary.put_code))
        return works

    def complete(self, client: Client, work: Work) -> Publication | None:
        if work.doi:
            try:
                return publication_for_doi(client, work.doi, work.identity.preprint)
            except NotFound:
                pass  # a DataCite DOI, or one Crossref does not have: ORCID's record will do
        try:
            if work.ref is None:
                raise CvgenError("ORCID gives no put-code to fetch the work by")
            path = f"/v3.0/{self.orcid}/work/{int(work.ref)}"
            return self._publication(client.get_json(ORCID, path, shape=WorkRecord), work)
        except CvgenError as skipped:  # NotFound included: one lost work is no failed import
            self.warnings.append(f"{self.label}: skipped “{work.title}”: {skipped.message}")
        except ValidationError as wrong:  # a month of 13, a title of nothing
            reason = wrong.errors()[0]["msg"]
            self.warnings.append(f"{self.label}: skipped “{work.title}”: {reason}")
        return None

    def _publication(self, detail: WorkRecord, work: Work) -> Publication:
        contributors = detail.contributors.contributor if detail.contributors else []
        names = [n for c in contributors if c.is_author and (n := _text(c.credit_name))]
        if not names and not self.owner:
            raise CvgenError("ORCID lists no authors, and cv.yaml gives no person.name")
        authors = [author_from_name(n) for n in names] or [author_from_name(self.owner or "")]
        entry_type = ENTRY_TYPES.get(detail.type or "", "misc")
        venue = plain_text(_text(detail.journal_title)) or None
        if KIND_OF_TYPE[entry_type] in REQUIRED_VENUE and not venue:
            entry_type = "misc"
        arxiv = work.identity.arxiv
        if arxiv and entry_type == "unpublished":
            entry_type = "misc"
        kind = PubKind.PREPRINT if work.identity.preprint else KIND_OF_TYPE[entry_type]
        year, month = _year_month(detail)
        if year is None:
            raise CvgenError("ORCID gives no publication year")
        url = _text(detail.url)
        title = _text(detail.title.title) if detail.title else ""
        return Publication(
            key=f"orcid{work.ref}",
            entry_type=entry_type,
            kind=kind,
            title=plain_text(title or work.title),
            authors=authors,
            year=year,
            month=month,
            venue=venue,
            links=Links(
                doi=work.doi,
                arxiv=arxiv,
                url=url if url.startswith(("http://", "https://")) else None,
            ),
        )
