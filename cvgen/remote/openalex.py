"""OpenAlex: an author's works ($CVGEN_OPENALEX_URL/works?filter=author.id:A...), read page by
page with cursor paging, and the author's citation counts for `cvgen metrics`.

Works come complete (authors, venue, volume, pages), so nothing more is fetched for new ones.
OpenAlex asks for a contact address (`mailto=`) and, since February 2026, a free API key for
more than a handful of list requests a day: set CVGEN_OPENALEX_API_KEY.
"""

from __future__ import annotations

import os
from typing import Any

from cvgen.load.bibtex.kinds import KIND_OF_TYPE, REQUIRED_VENUE
from cvgen.load.identity import plain_text
from cvgen.model import Links, PubKind, Publication
from cvgen.remote.http import OPENALEX, Client, NotFound
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


def _arxiv(work: dict) -> str | None:
    for location in [work.get("primary_location"), *(work.get("locations") or [])]:
        for url in ((location or {}).get("landing_page_url"), (location or {}).get("pdf_url")):
            if url and "arxiv.org" in url and (found := arxiv_id(url)):
                return found
    doi = bare_doi(work.get("doi") or "")
    return arxiv_id(doi) if doi and doi.startswith("10.48550/") else None


def _pages(biblio: dict) -> str | None:
    first, last = biblio.get("first_page"), biblio.get("last_page")
    if first and last and first != last:
        return f"{first}–{last}"
    return first or None


def _publication(work: dict) -> Publication | None:
    """A work as cvgen's model holds it, or None for what is no publication (paratext)."""
    title = plain_text(work.get("title") or work.get("display_name") or "")
    year = work.get("publication_year")
    kind_name = work.get("type") or "other"
    if not title or not year or work.get("is_paratext") or kind_name in NOT_PUBLICATIONS:
        return None
    location = work.get("primary_location") or {}
    source = location.get("source") or {}
    source_type = source.get("type")
    venue = plain_text(source.get("display_name") or "") or None
    arxiv = _arxiv(work)
    preprint = kind_name == "preprint" or source_type == "repository"
    if preprint:
        entry_type, kind = ("misc" if arxiv else "unpublished"), PubKind.PREPRINT
        venue = None if arxiv else venue
    else:
        entry_type = ENTRY_TYPES.get((kind_name, source_type)) or ENTRY_TYPES.get(
            (kind_name, None), "misc"
        )
        if KIND_OF_TYPE[entry_type] in REQUIRED_VENUE and not venue:
            entry_type = "misc"
        kind = KIND_OF_TYPE[entry_type]
    date = work.get("publication_date") or ""
    biblio = work.get("biblio") or {}
    doi = bare_doi(work.get("doi") or "")
    url = location.get("landing_page_url")
    return Publication(
        key=(work.get("id") or "openalex").rsplit("/", 1)[-1],
        entry_type=entry_type,
        kind=kind,
        title=title,
        authors=[
            author_from_name(name)
            for a in work.get("authorships") or []
            if (name := (a.get("author") or {}).get("display_name"))
        ],
        year=int(year),
        month=int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else None,
        venue=venue,
        volume=biblio.get("volume"),
        number=biblio.get("issue"),
        pages=_pages(biblio),
        publisher=(source.get("host_organization_name") if entry_type == "book" else None),
        links=Links(
            doi=doi,
            arxiv=arxiv if preprint else None,
            url=url if url and url.startswith(("http://", "https://")) and not doi else None,
        ),
    )


def author_record(client: Client, author: str) -> dict:
    """/authors/A... or /authors/orcid:0000-...: the profile and its summary_stats."""
    try:
        return client.get(OPENALEX, f"/authors/{author}", params=_params(client)).json()
    except NotFound:
        raise NotFound(f"OpenAlex has no author {author}") from None


class OpenAlexSource:
    def __init__(self, author: str):
        self.author = openalex_author(author)
        self.label = f"OpenAlex {self.author}"
        self.warnings: list[str] = []
        self.fetches_each = False  # whether complete() makes a request per work

    def records(self, client: Client) -> list[dict]:
        """Every work record, following meta.next_cursor until it runs out."""
        records: list[dict] = []
        cursor = "*"
        for _ in range(MAX_PAGES):
            params = _params(
                client,
                filter=f"author.id:{self.author}",
                per_page=PER_PAGE,
                cursor=cursor,
                select=SELECT,
            )
            page = client.get(OPENALEX, "/works", params=params).json()
            results = page.get("results") or []
            records.extend(results)
            cursor = (page.get("meta") or {}).get("next_cursor")
            if not cursor or not results:
                return records
        self.warnings.append(f"{self.label}: stopped after {len(records)} works")
        return records

    def works(self, client: Client, track=iter) -> list[Work]:
        works = []
        for record in self.records(client):
            pub = _publication(record)
            if pub is not None and not pub.authors:
                self.warnings.append(f"{self.label}: skipped “{pub.title}”: no authors listed")
            elif pub is not None:
                works.append(Work.from_publication(pub, ref=record))
        return works

    def complete(self, client: Client, work: Work) -> Publication | None:
        return work.publication
