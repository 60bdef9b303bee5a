"""schema.org data for the web: the researcher as a Person and the works the CV lists.

Search engines and scholarly crawlers read this instead of guessing from the layout. The
researcher's own authorships point at the Person node (`@id: #person`), so the graph says
"these are her papers" rather than repeating her name as a string.
"""

from __future__ import annotations

from typing import Any

from cvgen.model import CvData, Person, PubKind, Publication
from cvgen.util.urls import safe_href

WORK_TYPES = {
    PubKind.BOOK: "Book",
    PubKind.CHAPTER: "Chapter",
    PubKind.THESIS: "Thesis",
    PubKind.PATENT: "Patent",
    PubKind.REPORT: "Report",
}  # the rest are ScholarlyArticles
PERSON_ID = "#person"


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def personal_nodes(person: Person) -> dict[str, Any]:
    """Birth date, birth place and citizenship: only when design.personal_details_in_jsonld
    asks, since search engines keep what they read."""
    return {
        "birthDate": person.birth_date.iso() if person.birth_date else None,
        "birthPlace": {"@type": "Place", "name": person.birth_place}
        if person.birth_place
        else None,
        "nationality": [{"@type": "Country", "name": name} for name in person.citizenship],
    }


def person_node(data: CvData) -> dict[str, Any]:
    person: Person = data.person
    same_as = [f"https://orcid.org/{person.orcid}"] if person.orcid else []
    same_as += [href for url in person.links.values() if (href := safe_href(url))]
    organisation = _compact(
        {
            "@type": "Organization",
            "name": person.affiliation,
            "department": _compact({"@type": "Organization", "name": person.department})
            if person.department
            else None,
        }
    )
    return _compact(
        {
            "@type": "Person",
            "@id": PERSON_ID,
            "name": person.name,
            "alternateName": person.name_variants,
            "jobTitle": person.position,
            "affiliation": organisation if person.affiliation else None,
            "email": f"mailto:{person.email}" if person.email else None,
            "telephone": person.phone,
            "url": safe_href(person.website),
            "sameAs": same_as,
            "knowsAbout": data.research_interests,
            "alumniOf": [
                {"@type": "CollegeOrUniversity", "name": name}
                for name in dict.fromkeys(degree.institution for degree in data.education)
            ],
            **(personal_nodes(person) if data.design.personal_details_in_jsonld else {}),
        }
    )


def _organisation(name: str | None, kind: str = "Organization") -> dict[str, str] | None:
    return {"@type": kind, "name": name} if name else None


def _where(pub: Publication) -> dict[str, Any]:
    """Where a work appeared, as schema.org says it for its kind: a journal article is part of
    a Periodical, a chapter of a Book; a book has a publisher, a thesis the university it was
    written at (sourceOrganization), a patent its assignee, a preprint its server as
    publisher, a report the institution that issued it."""
    venue, kind = pub.venue, pub.kind
    if kind is PubKind.BOOK:
        return {"publisher": _organisation(pub.publisher or venue)}
    if kind is PubKind.THESIS:
        return {"sourceOrganization": _organisation(venue, "CollegeOrUniversity")}
    if kind is PubKind.PATENT:
        return {"sourceOrganization": _organisation(venue)}
    if kind is PubKind.PREPRINT:
        server = venue or ("arXiv" if pub.links.arxiv else None)
        return {"publisher": _organisation(server), "creativeWorkStatus": "Preprint"}
    if kind is PubKind.REPORT:
        return {"publisher": _organisation(venue), "reportNumber": pub.number}
    part = {PubKind.JOURNAL: "Periodical", PubKind.CHAPTER: "Book"}.get(kind, "CreativeWork")
    return {
        "isPartOf": {"@type": part, "name": venue} if venue else None,
        "publisher": _organisation(pub.publisher),
    }


def _identifiers(pub: Publication) -> list[dict[str, str]]:
    found = [("DOI", pub.links.doi), ("PMID", pub.extra.get("pmid"))]
    found += [("arXiv", pub.links.arxiv), ("ISBN", pub.extra.get("isbn"))]
    found += [("patent number", pub.number if pub.kind is PubKind.PATENT else None)]
    return [
        {"@type": "PropertyValue", "propertyID": name, "value": value}
        for name, value in found
        if value
    ]


def work_node(pub: Publication) -> dict[str, Any]:
    authors = [
        {"@id": PERSON_ID} if author.is_self else {"@type": "Person", "name": author.display}
        for author in pub.authors
    ]
    url = next((href for _, url in pub.links.items() if (href := safe_href(url))), None)
    return _compact(
        {
            "@type": WORK_TYPES.get(pub.kind, "ScholarlyArticle"),
            "name": pub.title,
            "author": authors,
            "datePublished": None if pub.undated else pub.date.iso(),
            **_where(pub),
            "isbn": pub.extra.get("isbn") if pub.kind is PubKind.BOOK else None,
            "identifier": _identifiers(pub),
            "url": url,
            "keywords": pub.tags,
        }
    )


def schema_org(data: CvData, works: list[Publication]) -> dict[str, Any]:
    """The JSON-LD graph: the Person, then each work, authored by the Person where it is hers."""
    return {
        "@context": "https://schema.org",
        "@graph": [person_node(data), *(work_node(pub) for pub in works)],
    }
