"""Publications as RIS, the tagged format every reference manager imports (Zotero, EndNote,
Mendeley) and one of the two that NIH's My Bibliography uploads.

Each reference is `TAG  - value` lines from `TY` to `ER`, tags as rispy's default map and
Zotero's export use them: `AU` one per author (`Last, First, Jr`), `A2` editors, `TI`, `T2`
the journal, proceedings or book (and `JO` for a journal), `PY` the year, `DA` the date,
`VL`, `IS`, `SP`/`EP`, `PB`, `CY`, `ET`, `SN`, `DO`, `UR`, `L1` the PDF, `AN` + `DB` the PMID,
`C2` the PMCID, `AB`, `LA`, `N1` what the CV says beside the paper (status, award, note). A
forthcoming paper has no year rather than an invented one.
"""

from __future__ import annotations

from cvgen.compose import Settings
from cvgen.document import Document
from cvgen.exports import listed_publications
from cvgen.exports.tagged import (
    extra,
    family_name,
    listed_authors,
    one_line,
    page_range,
    pmcid,
    pmid,
)
from cvgen.model import CV, Author, PubKind, Publication

TYPES = {
    PubKind.JOURNAL: "JOUR",
    PubKind.CONFERENCE: "CPAPER",
    PubKind.BOOK: "BOOK",
    PubKind.CHAPTER: "CHAP",
    PubKind.THESIS: "THES",
    PubKind.PATENT: "PAT",
    PubKind.PREPRINT: "UNPB",
    PubKind.REPORT: "RPRT",
    PubKind.OTHER: "GEN",
}


def ris_name(author: Author) -> str:
    """'van der Molen, Jan', 'King, Martin Luther, Jr'."""
    parts = [family_name(author), one_line(author.first), one_line(author.jr)]
    while len(parts) > 1 and not parts[-1]:
        parts.pop()
    return ", ".join(parts)


def _people(pub: Publication) -> list[tuple[str, str]]:
    names = [ris_name(a) for a in listed_authors(pub)]
    if pub.edited:
        return [("A2" if pub.kind is PubKind.CHAPTER else "AU", n) for n in names]
    return [("AU", n) for n in names] + [("A2", ris_name(e)) for e in pub.editors]


def _type(pub: Publication) -> str:
    if pub.kind is PubKind.BOOK and pub.edited:
        return "EDBOOK"
    return TYPES[pub.kind]


def _when(pub: Publication) -> list[tuple[str, str | None]]:
    if pub.undated:
        return []
    month = f"{pub.month:02d}" if pub.month else ""
    return [("PY", str(pub.year)), ("DA", f"{pub.year}/{month}//" if month else None)]


def _notes(pub: Publication) -> list[tuple[str, str | None]]:
    said = [pub.status, pub.award, pub.presentation, pub.note]
    return [("N1", one_line(text)) for text in said if text]


def record_lines(pub: Publication) -> list[tuple[str, str | None]]:
    """The (tag, value) lines of one reference, TY first and ER last; empty values left out."""
    start, end = page_range(pub.pages)
    links = pub.links
    venue = one_line(pub.venue) or None
    serial = extra(pub, "isbn") or extra(pub, "issn")
    lines: list[tuple[str, str | None]] = [("TY", _type(pub)), *_people(pub)]
    lines += [("TI", one_line(pub.title)), ("T2", venue)]
    lines += [("JO", venue if pub.kind is PubKind.JOURNAL else None), *_when(pub)]
    lines += [("VL", pub.volume), ("IS", pub.number), ("SP", start), ("EP", end)]
    lines += [("PB", pub.publisher), ("CY", pub.address), ("ET", pub.edition), ("SN", serial)]
    lines += [("DO", links.doi), ("UR", links.url or links.arxiv_url), ("L1", links.pdf)]
    found = pmid(pub)
    lines += [("AN", found), ("DB", "PubMed" if found else None), ("C2", pmcid(pub))]
    lines += [("AB", extra(pub, "abstract")), ("LA", extra(pub, "language")), *_notes(pub)]
    return [*lines, ("ER", "")]


def ris_record(pub: Publication) -> str:
    return "".join(
        f"{tag}  - {one_line(value)}\n" if value else "ER  - \n" if tag == "ER" else ""
        for tag, value in record_lines(pub)
    )


def to_ris(publications: list[Publication]) -> str:
    return "\n".join(ris_record(pub) for pub in publications)


def export(cv: CV, document: Document, settings: Settings) -> str:
    return to_ris(listed_publications(cv, document))
