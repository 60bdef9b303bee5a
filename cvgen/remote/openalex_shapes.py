"""What cvgen reads of OpenAlex's answers (https://docs.openalex.org/api-entities), as shapes an
answer must fit before anything reads it: a work, a page of works, an author."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, NonNegativeInt


class Shape(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, coerce_numbers_to_str=True)


class Source(Shape):
    display_name: str | None = None
    type: str | None = None
    host_organization_name: str | None = None


class Location(Shape):
    landing_page_url: str | None = None
    pdf_url: str | None = None
    source: Source | None = None


class AuthorName(Shape):
    display_name: str | None = None


class Authorship(Shape):
    author: AuthorName | None = None


class Biblio(Shape):
    volume: str | None = None
    issue: str | None = None
    first_page: str | None = None
    last_page: str | None = None


class OpenAlexWork(Shape):
    id: str | None = None
    doi: str | None = None
    title: str | None = None
    display_name: str | None = None
    publication_year: int | None = None
    publication_date: str | None = None
    type: str | None = None
    authorships: list[Authorship] = []
    primary_location: Location | None = None
    locations: list[Location | None] = []
    biblio: Biblio | None = None
    cited_by_count: NonNegativeInt | None = None
    is_paratext: bool | None = None


class Meta(Shape):
    next_cursor: str | None = None


class WorksPage(Shape):
    """GET /works?filter=author.id:A...&cursor=..."""

    results: list[OpenAlexWork] = []
    meta: Meta | None = None


class SummaryStats(Shape):
    h_index: NonNegativeInt | None = None
    i10_index: NonNegativeInt | None = None


class AuthorRecord(Shape):
    """GET /authors/A... or /authors/orcid:..."""

    id: str | None = None
    cited_by_count: NonNegativeInt | None = None
    works_count: NonNegativeInt | None = None
    summary_stats: SummaryStats | None = None
