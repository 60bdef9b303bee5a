"""Publications as CSL-JSON items: what CSL styles format (citations/style.py) and what
`cvgen filter --format csl-json` exports for Zotero, Mendeley and pandoc's citeproc."""

from __future__ import annotations

from typing import Any

from cvgen.model import Author, PubKind, Publication

CSL_TYPES: dict[PubKind, str] = {
    PubKind.JOURNAL: "article-journal",
    PubKind.CONFERENCE: "paper-conference",
    PubKind.BOOK: "book",
    PubKind.CHAPTER: "chapter",
    PubKind.THESIS: "thesis",
    PubKind.PATENT: "patent",
    PubKind.PREPRINT: "article",
    PubKind.REPORT: "report",
    PubKind.OTHER: "document",
}
# Where the model's venue goes: the container for articles and papers, else who published it.
_VENUE_KEY = {
    PubKind.JOURNAL: "container-title",
    PubKind.CONFERENCE: "container-title",
    PubKind.CHAPTER: "container-title",
    PubKind.PREPRINT: "container-title",
    PubKind.OTHER: "container-title",
}


def csl_name(author: Author) -> dict[str, str]:
    name = {
        "family": author.last,
        "given": author.first,
        "non-dropping-particle": author.von,
        "suffix": author.jr,
    }
    return {key: value for key, value in name.items() if value}


def listed_authors(pub: Publication) -> list[Author]:
    """The authors a CSL item names ('and others' has no CSL form)."""
    return [a for a in pub.authors if a.last != "et al."]


def _url(pub: Publication) -> str | None:
    """The page to link: the `url` unless it only repeats the DOI, else the arXiv abstract."""
    return dict(pub.links.items()).get("URL") or pub.links.arxiv_url


def csl_item(pub: Publication) -> dict[str, Any]:
    date = [pub.year, pub.month] if pub.month else [pub.year]
    item: dict[str, Any] = {
        "id": pub.key,
        "type": CSL_TYPES[pub.kind],
        "title": pub.title,
        "editor" if pub.edited else "author": [csl_name(a) for a in listed_authors(pub)],
        "issued": None if pub.undated else {"date-parts": [date]},  # in press: no year yet
        _VENUE_KEY.get(pub.kind, "publisher"): pub.venue,
        **({} if pub.edited else {"editor": [csl_name(e) for e in pub.editors] or None}),
        "volume": pub.volume,
        "issue" if pub.kind is PubKind.JOURNAL else "number": pub.number,
        "page": pub.pages,
        "publisher-place": pub.address,
        "edition": pub.edition,
        "note": pub.note,
        "status": pub.status,
        "keyword": ", ".join(pub.tags) or None,
        "DOI": pub.links.doi,
        "URL": _url(pub),
    }
    if pub.publisher and "publisher" not in item:
        item["publisher"] = pub.publisher
    item.update(_by_kind(pub))
    return {key: value for key, value in item.items() if value}


def _by_kind(pub: Publication) -> dict[str, Any]:
    """What CSL styles read for some kinds: a thesis's genre, a conference's place, an arXiv
    preprint's repository and identifier."""
    if pub.kind is PubKind.THESIS:
        return {"genre": "Master's thesis" if "master" in pub.entry_type else "PhD thesis"}
    if pub.kind is PubKind.CONFERENCE:
        return {"event-place": pub.address}
    if pub.kind is PubKind.PREPRINT and pub.links.arxiv and not pub.venue:
        return {"publisher": "arXiv", "number": f"arXiv:{pub.links.arxiv}"}  # as Zotero has it
    return {}


def to_csl_json(pubs: list[Publication]) -> list[dict[str, Any]]:
    return [csl_item(pub) for pub in pubs]
