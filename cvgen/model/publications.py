"""Publications as read from BibTeX: kinds, authors with their roles, links, statuses."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from functools import cached_property
from typing import Any
from urllib.parse import quote

from pydantic import (
    Field,
    ValidationInfo,
    model_validator,
)

from cvgen.model.base import Strict, Url
from cvgen.model.memory import one_object_per_author
from cvgen.util.dates import Date

# --- publications (from BibTeX) ------------------------------------------------------------


class PubKind(StrEnum):
    """CV categories; several BibTeX entry types map to one (see load/bib_entry.py)."""

    JOURNAL = "journal"
    CONFERENCE = "conference"
    BOOK = "book"
    CHAPTER = "chapter"
    THESIS = "thesis"
    PATENT = "patent"
    PREPRINT = "preprint"
    REPORT = "report"
    OTHER = "other"


def tag_keys(tags: Iterable[str]) -> frozenset[str]:
    """Tags as compared: case and surrounding space aside."""
    return frozenset(tag.strip().casefold() for tag in tags)


FORTHCOMING = ("in press", "accepted", "under review", "submitted", "in preparation")


class Author(Strict):
    """One author as printed, with the roles a CV marks: self (bold), student (underline)."""

    first: str = ""
    von: str = ""
    last: str
    jr: str = ""
    is_self: bool = False
    is_student: bool = False
    equal_contribution: bool = False
    marks: tuple[str, ...] = Field(
        default=(), description="Symbols written after the name other than *, e.g. '†'."
    )

    @model_validator(mode="wrap")
    @classmethod
    def _one_object_per_author(cls, data: Any, handler: Any, info: ValidationInfo) -> Any:
        return one_object_per_author(data, handler, info.context)

    @cached_property
    def display(self) -> str:
        """'First von Last, Jr' — the order readers expect in a CV."""
        name = " ".join(p for p in (self.first, self.von, self.last) if p)
        return f"{name}, {self.jr}" if self.jr else name


_ID_SAFE = "/:;()[]._-+,"  # characters DOIs use that need no encoding in a URL path


class Links(Strict):
    doi: str | None = None
    url: Url | None = None
    pdf: Url | None = None
    code: Url | None = None
    video: Url | None = None
    slides: Url | None = None
    arxiv: str | None = None

    @property
    def doi_url(self) -> str | None:
        """Percent-encoded: old Wiley DOIs hold '<' and '>' (10.1002/(SICI)...<1::AID-...>)."""
        return f"https://doi.org/{quote(self.doi, safe=_ID_SAFE)}" if self.doi else None

    @property
    def arxiv_url(self) -> str | None:
        return f"https://arxiv.org/abs/{quote(self.arxiv, safe=_ID_SAFE)}" if self.arxiv else None

    def _url_repeats_an_id(self) -> bool:
        """A `url` that is just the DOI or arXiv page (as exports often add) is not shown twice."""
        url = (self.url or "").lower()
        return bool(
            (self.doi and "doi.org/" in url and url.endswith(self.doi.lower()))
            or (self.arxiv and "arxiv.org/" in url and self.arxiv.lower() in url)
        )

    def items(self) -> list[tuple[str, str]]:
        """(kind, href) pairs in a stable order: doi, arxiv, url, pdf, code, video, slides."""
        pairs = [
            ("doi", self.doi_url),
            ("arxiv", self.arxiv_url),
            ("url", None if self._url_repeats_an_id() else self.url),
            ("pdf", self.pdf),
            ("code", self.code),
            ("video", self.video),
            ("slides", self.slides),
        ]
        return [(kind, href) for kind, href in pairs if href]


class Publication(Strict):
    key: str
    entry_type: str
    kind: PubKind
    title: str
    authors: list[Author]
    year: int
    month: int | None = Field(default=None, ge=1, le=12)
    venue: str | None = None
    volume: str | None = None
    number: str | None = None
    pages: str | None = None
    publisher: str | None = None
    address: str | None = None
    edition: str | None = None
    editors: list[Author] = Field(
        default_factory=list,
        description="The editors of the book a chapter is in (or of a volume the researcher "
        "edited but did not write in).",
    )
    edited: bool = Field(
        default=False, description="The authors are the editors of this volume (no author given)."
    )
    note: str | None = None
    tags: list[str] = Field(default_factory=list)
    presentation: str | None = None
    acceptance_rate: str | None = None
    award: str | None = None
    impact_factor: str | None = None
    annotation: str | None = None
    status: str | None = Field(default=None, description="e.g. 'under review', 'granted'")
    language: str | None = Field(
        default=None,
        description="The reference's language (a BCP 47 tag such as de or he), from the .bib's "
        "langid or language field; its own words ('vol.', 'pp.', 'and') follow it.",
    )
    undated: bool = Field(
        default=False,
        description="The .bib gives no year (a forthcoming work): `year` is then the year it "
        "was loaded, for sorting and periods, and is not printed.",
    )
    links: Links = Field(default_factory=Links)
    extra: dict[str, str] = Field(
        default_factory=dict,
        description="The entry's other, non-standard fields as decoded text (e.g. al-folio's "
        "`abbr`, `preview`), for exporters that pass chosen fields through; never printed.",
    )
    line: int | None = Field(default=None, description="Line of the entry in the .bib file.")

    @property
    def date(self) -> Date:
        return Date(self.year, self.month)

    @property
    def has_equal_contribution(self) -> bool:
        return any(a.equal_contribution for a in self.authors)

    @property
    def has_student(self) -> bool:
        return any(a.is_student for a in self.authors)

    def has_any_tag(self, tags: Iterable[str]) -> bool:
        """Tags keep the case they were written in; matching ignores it (`--tag erc` finds
        `ERC`)."""
        return not tag_keys(tags).isdisjoint(tag_keys(self.tags))

    @property
    def has_annotations(self) -> bool:
        fields = (self.presentation, self.award, self.acceptance_rate, self.impact_factor)
        return any(fields) or bool(self.annotation)

    @property
    def forthcoming(self) -> bool:
        """Accepted, in press, submitted, under review or in preparation: not yet out."""
        return self.status in FORTHCOMING

    @property
    def shown_year(self) -> int | None:
        return None if self.undated else self.year
