"""The person section of an ORCID record as cv.yaml's `person`, `research_interests` and `bio`."""

from __future__ import annotations

import re
from typing import Any

from cvgen.model.base import check_email
from cvgen.remote.orcid_career import Career
from cvgen.remote.orcid_shapes import field, items, text

_LINK_KEY = re.compile(r"[^a-z0-9]+")


def web_url(url: str | None) -> str | None:
    """An absolute http(s) link with nothing a cv.yaml link refuses (spaces, quotes, <>)."""
    if not url or not re.match(r"^https?://", url, re.I):
        return None
    return None if re.search(r"[\s<>\"'`\\]", url) else url


def link_key(name: str) -> str:
    """'Brown University Page' -> 'brown_university_page', a key of person.links."""
    return _LINK_KEY.sub("_", name.lower()).strip("_") or "link"


def person_name(person: Any) -> str | None:
    """The credit name, else given and family names."""
    credit = text(person, "name", "credit-name")
    given = [text(person, "name", part) for part in ("given-names", "family-name")]
    return credit or " ".join(part for part in given if part) or None


def _email(person: Any) -> str | None:
    addresses = sorted(items(person, "emails", "email"), key=lambda e: not e.get("primary"))
    for entry in addresses:
        try:
            return check_email(text(entry, "email") or "")
        except ValueError:
            continue
    return None


def _pages(person: Any) -> dict[str, str]:
    """The researcher's own pages (researcher-urls), by a key made of their names."""
    found: dict[str, str] = {}
    for entry in items(person, "researcher-urls", "researcher-url"):
        url = web_url(text(entry, "url"))
        if url and url not in found.values():
            found.setdefault(link_key(text(entry, "url-name") or "website"), url)
    return found


def _profiles(person: Any, found: dict[str, str]) -> dict[str, str]:
    """Profiles elsewhere (Scopus, ResearcherID) from the external identifiers."""
    found = dict(found)
    for entry in items(person, "external-identifiers", "external-identifier"):
        url = web_url(text(entry, "external-id-url"))
        kind = text(entry, "external-id-type")
        if url and kind and url not in found.values():
            found.setdefault(link_key(kind), url)
    return found


def _keywords(person: Any) -> list[str]:
    """Keywords, each of one phrase: 'ecology, R' is two."""
    found: list[str] = []
    for entry in items(person, "keywords", "keyword"):
        for word in re.split(r"[;,]", text(entry, "content") or ""):
            if word.strip() and word.strip() not in found:
                found.append(word.strip())
    return found


def _biography(person: Any) -> str | None:
    content = field(person, "biography", "content")
    if not isinstance(content, str):
        return None
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", content.replace("\r", ""))]
    return "\n\n".join(p for p in paragraphs if p) or None


def add_person(career: Career, person: Any, orcid: str) -> None:
    """`person` (name, variants, email, website, links, orcid), interests and the biography."""
    name = person_name(person)
    if not name:
        career.notes.append("the record shows no public name: person.name is the ORCID iD")
    variants = [text(entry, "content") for entry in items(person, "other-names", "other-name")]
    pages = _pages(person)
    website = next(iter(pages.values()), None)
    links = _profiles(person, pages)
    entry: dict[str, Any] = {
        "name": name or orcid,
        "name_variants": [v for v in variants if v and v != name],
        "email": _email(person),
        "website": website,
        "orcid": orcid,
        "links": {key: url for key, url in links.items() if url != website},
    }
    career.data["person"] = {k: v for k, v in entry.items() if v not in (None, [], {})}
    interests = _keywords(person)
    if interests:
        career.data["research_interests"] = interests
    biography = _biography(person)
    if biography:
        career.data["bio"] = biography
