"""OpenAlex: an author's works ($CVGEN_OPENALEX_URL/works?filter=author.id:A...), read page by
page with cursor paging, and the author's citation counts for `cvgen metrics`.

Works come complete (authors, venue, volume, pages), so nothing more is fetched for new ones.
OpenAlex asks for a contact address (`mailto=`) and, since February 2026, a free API key for
more than a handful of list requests a day: set CVGEN_OPENALEX_API_KEY.
"""

from __future__ import annotations

import os
from typing import Any

from pydantic import ValidationError

from cvgen.load.bibtex.kinds import KIND_OF_TYPE, REQUIRED_VENUE
from cvgen.load.identity import plain_text
from cvgen.model import Links, PubKind, Publication
from cvgen.remote.http import OPENALEX, Client, NotFound
from cvgen.remote.openalex_shapes import (
    AuthorRecord,
    Biblio,
    Location,
    OpenAlexWork,
    Source,
    WorksPage,
)
from cvgen.remote.works import Work, author_from_name
from cvgen.util.ids import arxiv_id, bare_doi, openalex_author

API_KEY_ENV = "CVGEN_OPENALEX_API_KEY"
PER_PAGE = 100
MAX_PAGES = 100  # 10,000 works: far beyond any one researcher
SELECT = (
    "id,doi,title,display_name,publication_year,publication_date,type,authorships,"
    "primary_location,locations,biblio,cited_by_count,is_paratext"
)
NOT_PUBLICATIONS = frozenset(
    {"paratext", "erratum", "peer-review", "supplementary-materials", "libguides", "retraction"}
)
# (OpenAlex work type, its source's type) -> BibTeX entry type; None stands for any source.
ENTRY_TYPES: dict[tuple[str, str | None], str] = {
    ("article", "journal"): "article",
    ("article", "conference"): "inproceedings",
    ("article", "book series"): "inproceedings",
    ("review", "journal"): "article",
    ("letter", "journal"): "article",
    ("editorial", "journal"): "article",
    ("book-chapter", None): "incollection",
    ("book", None): "book",
    ("dissertation", None): "phdthesis",
    ("report", None): "techreport",
}


def _params(client: Client, **params: Any) -> dict[str, Any]:
    polite = {"mailto": client.email} if client.email else {}
    key = os.environ.get(API_KEY_ENV)
    return params | polite | ({"api_key": key} if key else {})


def _arxiv(work: OpenAlexWork) -> str | None:
    for location in [work.primary_location, *work.locations]:
        for url in (location.landing_page_url, location.pdf_url) if location else ():
            if url and "arxiv.org" in url and (found := arxiv_id(url)):
                return found
    doi = bare_doi(work.doi or "")
    return arxiv_id(doi) if doi and doi.startswith("10.48550/") else None


def _pages(biblio: Biblio) -> str | None:
    first, last = biblio.first_page, biblio.last_page
    if first and last and first != last:
        return f"{first}–{last}"
    return first or None


def _kinds(work: OpenAlexWork, arxiv: str | None) -> tuple[str, PubKind, bool]:
    """The BibTeX entry type, the kind of publication, and whether it is a preprint."""
    location = work.primary_location or Location()
    source_type = (location.source or Source()).type
    kind_name = work.type or "other"
    if kind_name == "preprint" or source_type == "repository":
        return ("misc" if arxiv else "unpublished"), PubKind.PREPRINT, True
    entry_type = ENTRY_TYPES.get((kind_name, source_type)) or ENTRY_TYPES.get(
        (kind_name, None), "misc"
    )
    venue = (location.source or Source()).display_name
    if KIND_OF_TYPE[entry_type] in REQUIRED_VENUE and not venue:
        entry_type = "misc"
    return entry_type, KIND_OF_TYPE[entry_type], False


def _publication(work: OpenAlexWork) -> Publication | None:
    """A work as cvgen's model holds it, or None for what is no publication (paratext)."""
    title = plain_text(work.title or work.display_name or "")
    if not title or not work.publication_year or work.is_paratext:
        return None
    if (work.type or "other") in NOT_PUBLICATIONS:
        return None
    location = work.primary_location or Location()
    source = location.source or Source()
    arxiv = _arxiv(work)
    entry_type, kind, preprint = _kinds(work, arxiv)
    venue = plain_text(source.display_name or "") or None
    date = work.publication_date or ""
    biblio = work.biblio or Biblio()
    doi = bare_doi(work.doi or "")
    url = location.landing_page_url
    return Publication(
        key=(work.id or "openalex").rsplit("/", 1)[-1],
        entry_type=entry_type,
        kind=kind,
        title=title,
        authors=[
            author_from_name(a.author.display_name)
            for a in work.authorships
            if a.author and a.author.display_name
        ],
        year=work.publication_year,
        month=int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else None,
        venue=None if preprint and arxiv else venue,
        volume=biblio.volume,
        number=biblio.issue,
        pages=_pages(biblio),
        publisher=source.host_organization_name if entry_type == "book" else None,
        links=Links(
            doi=doi,
            arxiv=arxiv if preprint else None,
            url=url if url and url.startswith(("http://", "https://")) and not doi else None,
        ),
    )


def author_record(client: Client, author: str) -> AuthorRecord:
    """/authors/A... or /authors/orcid:0000-...: the profile and its summary_stats."""
    try:
        return client.get_json(
            OPENALEX, f"/authors/{author}", params=_params(client), shape=AuthorRecord
        )
    except NotFound:
        raise NotFound(f"OpenAlex has no author {author}") from None


class OpenAlexSource:
    def __init__(self, author: str):
        self.author = openalex_author(author)
        self.label = f"OpenAlex {self.author}"
        self.warnings: list[str] = []
        self.fetches_each = False  # whether complete() makes a request per work

    def records(self, client: Client) -> list[OpenAlexWork]:
        """Every work record, following meta.next_cursor until it runs out."""
        records: list[OpenAlexWork] = []
        cursor = "*"
        for _ in range(MAX_PAGES):
            params = _params(
                client,
                filter=f"author.id:{self.author}",
                per_page=PER_PAGE,
                cursor=cursor,
                select=SELECT,
            )
            page = client.get_json(OPENALEX, "/works", params=params, shape=WorksPage)
            records.extend(page.results)
            cursor = page.meta.next_cursor if page.meta else None
            if not cursor or not page.results:
                return records
        self.warnings.append(f"{self.label}: stopped after {len(records)} works")
        return records

    def works(self, client: Client, track=iter) -> list[Work]:
        works = []
        for record in self.records(client):
            try:
                pub = _publication(record)
            except ValidationError as wrong:  # a month of 13, a title of nothing
                title = record.title or record.display_name or record.id
                reason = wrong.errors()[0]["msg"]
                self.warnings.append(f"{self.label}: skipped “{title}”: {reason}")
                continue
            if pub is not None and not pub.authors:
                self.warnings.append(f"{self.label}: skipped “{pub.title}”: no authors listed")
            elif pub is not None:
                works.append(Work.from_publication(pub, ref=record))
        return works

    def complete(self, client: Client, work: Work) -> Publication | None:
        return work.publication
