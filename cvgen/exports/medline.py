"""Publications in PubMed's MEDLINE format (`.nbib`), which NIH's My Bibliography uploads and
matches against PubMed by PMID.

Lines are a tag of up to four letters padded to four columns, `- `, the value; a long value
goes on in lines that start with six spaces, as PubMed wraps them at 80 columns; records are
separated by a blank line. Per record: `PMID` when the .bib has it, `PMC`, `IS` (ISSN), `VI`,
`IP`, `DP` ("2015 May"), `TI`, `PG`, `LID` (the DOI, `[doi]`), `AB`, `FAU`+`AU` per author
(`Last, First` and `Last FM`), `LA`, `PT` (PubMed's publication types where one fits), `JT`
(the journal), `SO` (the citation line, NLM style). A forthcoming paper has no `DP`.
"""

from __future__ import annotations

import re
import textwrap

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

_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-"})
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
# PubMed's publication types (https://www.nlm.nih.gov/mesh/pubtypes.html) where one fits.
PUBLICATION_TYPES = {
    PubKind.JOURNAL: "Journal Article",
    PubKind.PREPRINT: "Preprint",
    PubKind.CONFERENCE: "Congress",
    PubKind.PATENT: "Patent",
    PubKind.REPORT: "Technical Report",
}
WIDTH = 80


def initials(first: str) -> str:
    """'Jan Peter' -> 'JP', 'J.-P.' -> 'JP', as PubMed's AU writes them."""
    return "".join(part[0] for part in re.split(r"[\s.\-‐]+", first) if part[:1].isalpha())


def _names(author: Author) -> list[tuple[str, str]]:
    family = family_name(author)
    full = ", ".join(p for p in (family, one_line(author.first), one_line(author.jr)) if p)
    short = " ".join(p for p in (family, initials(author.first), one_line(author.jr)) if p)
    return [("FAU", full), ("AU", short)]


def ascii_range(text: str | None) -> str | None:
    """'1-2': PubMed's issues and pages use the hyphen."""
    return one_line(text).translate(_DASHES) or None


def nlm_pages(pages: str | None) -> str | None:
    """'475-82' from '475–482': NLM drops the end page's digits that repeat the start's."""
    start, end = page_range(pages)
    if not (start and end and start.isdigit() and end.isdigit() and len(start) == len(end)):
        return ascii_range(pages)
    shared = next((i for i, (a, b) in enumerate(zip(start, end, strict=True)) if a != b), len(end))
    return f"{start}-{end[shared:] or end}"


def published(pub: Publication) -> str | None:
    """'2015 May', '2009': PubMed's date of publication."""
    if pub.undated:
        return None
    return f"{pub.year} {MONTHS[pub.month - 1]}" if pub.month else str(pub.year)


def source_line(pub: Publication) -> str:
    """'Public Health. 2015 May;129(5):475-82. doi: 10.1016/j.puhe.2015.01.018.'"""
    issue = f"({ascii_range(pub.number)})" if pub.number else ""
    volume = f"{pub.volume or ''}{issue}"
    where = ";".join(p for p in (published(pub) or pub.status or "", volume) if p)
    where += f":{nlm_pages(pub.pages)}" if pub.pages else ""
    parts = [one_line(pub.venue), where, f"doi: {pub.links.doi}" if pub.links.doi else ""]
    return " ".join(f"{p}." for p in parts if p)


def record_lines(pub: Publication) -> list[tuple[str, str | None]]:
    doi = pub.links.doi
    lines: list[tuple[str, str | None]] = [("PMID", pmid(pub)), ("PMC", pmcid(pub))]
    lines += [("IS", extra(pub, "issn")), ("VI", pub.volume), ("IP", ascii_range(pub.number))]
    lines += [("DP", published(pub)), ("TI", one_line(pub.title)), ("PG", nlm_pages(pub.pages))]
    lines += [("LID", f"{doi} [doi]" if doi else None), ("AB", extra(pub, "abstract"))]
    lines += [line for author in listed_authors(pub) for line in _names(author)]
    lines += [("LA", extra(pub, "language")), ("PT", PUBLICATION_TYPES.get(pub.kind))]
    venue = one_line(pub.venue) or None
    lines += [("JT", venue if pub.kind in (PubKind.JOURNAL, PubKind.PREPRINT) else None)]
    return [*lines, ("SO", source_line(pub))]


def _line(tag: str, value: str) -> str:
    head = f"{tag:<4}- "
    wrapped = textwrap.wrap(
        value, WIDTH - len(head), break_long_words=False, break_on_hyphens=False
    )
    return head + ("\n" + " " * len(head)).join(wrapped) + "\n"


def medline_record(pub: Publication) -> str:
    return "".join(_line(tag, one_line(value)) for tag, value in record_lines(pub) if value)


def to_medline(publications: list[Publication]) -> str:
    return "".join(f"\n{medline_record(pub)}" for pub in publications)


def export(cv: CV, document: Document, settings: Settings) -> str:
    return to_medline(listed_publications(cv, document))
