"""A publication as the CSL engine sees it: cvgen's CSL-JSON with each author's name carrying
sentinels, and the marks and links `decode` puts back afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cvgen.citations.csl_json import csl_name, listed_authors
from cvgen.citations.sentinels import (
    DOI_OPEN,
    LINK_CLOSE,
    MAX_IDS,
    SENTINEL,
    URL_OPEN,
    drop_id,
    family_id,
)
from cvgen.model import Publication


@dataclass(frozen=True)
class AuthorMarks:
    bold: bool = False
    underline: bool = False
    star: bool = False


@dataclass(frozen=True)
class Marks:
    """What one formatted reference needs besides its text: per CSL author, its marks; and
    the targets of the DOI and URL the style may print."""

    authors: tuple[AuthorMarks, ...]
    doi_href: str | None
    url_href: str | None


def _clean(value: Any) -> Any:
    """The item with every sentinel character removed from its strings."""
    if isinstance(value, str):
        return SENTINEL.sub("", value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {key: _clean(v) for key, v in value.items()}
    return value


def _marked_name(name: dict[str, str], index: int) -> dict[str, str]:
    """Sentinels in the parts citeproc-py never initialises: the family name (and suffix) and
    a dropping particle, which is printed beside the given name in either name order."""
    if index >= MAX_IDS or "family" not in name:
        return name
    marked = {**name, "family": family_id(index) + name["family"]}
    if "suffix" in name:
        marked["suffix"] = name["suffix"] + family_id(index)
    if "given" in name:
        marked["dropping-particle"] = drop_id(index)
    return marked


def marks_of(pub: Publication, item: dict[str, Any]) -> Marks:
    """`item` is the publication's csl_item (its URL is the one the style may print)."""
    authors = listed_authors(pub)
    return Marks(
        authors=tuple(AuthorMarks(a.is_self, a.is_student, a.equal_contribution) for a in authors),
        doi_href=pub.links.doi_url,
        url_href=_clean(item.get("URL")),
    )


def engine_item(item: dict[str, Any], pub: Publication, item_id: str) -> dict[str, Any]:
    """The csl_item as the engine formats it: cleaned of sentinels, then given its own."""
    marked = _clean({**item, "id": item_id})
    marked.pop("author", None)
    names = [_marked_name(_clean(csl_name(a)), i) for i, a in enumerate(listed_authors(pub))]
    if names:
        marked["author"] = names
    for key, opening in (("DOI", DOI_OPEN), ("URL", URL_OPEN)):
        if key in marked:  # linked wherever the style prints it
            marked[key] = f"{opening}{marked[key]}{LINK_CLOSE}"
    return marked
