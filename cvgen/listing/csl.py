"""Publications as CSL-JSON, the format Zotero, Mendeley and pandoc's citeproc read."""

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


def _name(author: Author) -> dict[str, str]:
    name = {
        "family": author.last,
        "given": author.first,
        "non-dropping-particle": author.von,
        "suffix": author.jr,
    }
    return {key: value for key, value in name.items() if value}


def csl_item(pub: Publication) -> dict[str, Any]:
    date = [pub.year, pub.month] if pub.month else [pub.year]
    item: dict[str, Any] = {
        "id": pub.key,
        "type": CSL_TYPES[pub.kind],
        "title": pub.title,
        "author": [_name(a) for a in pub.authors if a.last != "et al."],
        "issued": None if pub.undated else {"date-parts": [date]},
        _VENUE_KEY.get(pub.kind, "publisher"): pub.venue,
        "editor": [{"literal": editor} for editor in pub.editors] or None,
        "volume": pub.volume,
        "issue" if pub.kind is PubKind.JOURNAL else "number": pub.number,
        "page": pub.pages,
        "publisher-place": pub.address,
        "edition": pub.edition,
        "note": pub.note,
        "status": pub.status,
        "keyword": ", ".join(pub.tags) or None,
        "DOI": pub.links.doi,
        "URL": pub.links.url or pub.links.arxiv_url,
    }
    if pub.publisher and "publisher" not in item:
        item["publisher"] = pub.publisher
    if pub.kind is PubKind.THESIS:
        item["genre"] = "Master's thesis" if "master" in pub.entry_type else "PhD thesis"
    return {key: value for key, value in item.items() if value}


def to_csl_json(pubs: list[Publication]) -> list[dict[str, Any]]:
    return [csl_item(pub) for pub in pubs]
