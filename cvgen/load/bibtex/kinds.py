"""What kind of publication an entry is, and which fields name its venue.

BibTeX's and biblatex's entry types map to the CV's kinds; a few entries say more than their
type: a Google Patents export is a `@misc` whose publisher is "Google Patents" and whose note is
"US Patent App. 17/...", which is a patent.
"""

from __future__ import annotations

import re

from cvgen.errors import Severity
from cvgen.load.bibtex.reader import EntryReader
from cvgen.model import PubKind

KIND_OF_TYPE: dict[str, PubKind] = {
    "article": PubKind.JOURNAL,
    "inproceedings": PubKind.CONFERENCE,
    "conference": PubKind.CONFERENCE,
    "phdthesis": PubKind.THESIS,
    "mastersthesis": PubKind.THESIS,
    "thesis": PubKind.THESIS,
    "patent": PubKind.PATENT,
    "misc": PubKind.OTHER,
    "online": PubKind.OTHER,
    "unpublished": PubKind.PREPRINT,
    "book": PubKind.BOOK,
    "incollection": PubKind.CHAPTER,
    "inbook": PubKind.CHAPTER,
    "techreport": PubKind.REPORT,
    "report": PubKind.REPORT,
    # biblatex's further types
    "mvbook": PubKind.BOOK,
    "collection": PubKind.BOOK,
    "mvcollection": PubKind.BOOK,
    "proceedings": PubKind.BOOK,
    "mvproceedings": PubKind.BOOK,
    "reference": PubKind.BOOK,
    "mvreference": PubKind.BOOK,
    "inreference": PubKind.CHAPTER,
    "suppbook": PubKind.CHAPTER,
    "suppcollection": PubKind.CHAPTER,
    "bookinbook": PubKind.CHAPTER,
    **dict.fromkeys(
        "booklet manual online www electronic software dataset periodical suppperiodical "
        "standard artwork audio video movie music performance image letter review commentary "
        "legislation jurisdiction legal".split(),
        PubKind.OTHER,
    ),
}
# biblatex containers that group or feed other entries; not publications of their own.
CONTAINER_TYPES = frozenset({"set", "xdata"})
# Entry types a preprint server's fields make a preprint (an @article in ApJ with an arXiv
# eprint is a journal article; an @article in "arXiv e-prints" is not).
PREPRINT_TYPES = frozenset({"article", "misc", "online", "www", "electronic", "unpublished"})
VENUE_FIELDS: dict[PubKind, tuple[str, ...]] = {
    PubKind.JOURNAL: ("journal", "journaltitle"),
    PubKind.CONFERENCE: ("booktitle", "eventtitle", "journal", "journaltitle"),  # Scholar
    PubKind.CHAPTER: ("booktitle", "title"),
    PubKind.THESIS: ("school", "institution"),
    PubKind.REPORT: ("institution", "school"),
    PubKind.BOOK: ("publisher",),
    PubKind.PATENT: ("holder", "assignee", "organization"),
    PubKind.PREPRINT: ("journal", "journaltitle", "howpublished", "publisher"),
    PubKind.OTHER: ("howpublished", "journal", "booktitle", "publisher", "organization"),
}
REQUIRED_VENUE = {PubKind.JOURNAL: "journal", PubKind.CONFERENCE: "booktitle"}
_PATENT_WORDS = re.compile(r"\bpatent\b|\bpatents?\s+app", re.I)
_PATENT_PUBLISHERS = re.compile(r"^\s*(?:google patents|espacenet|uspto|wipo)\b", re.I)


# The types of a biblatex CV (a teaching post, an award, a grant): not publications.
NOT_PUBLICATIONS = {
    **dict.fromkeys(("teaching", "course"), "teaching"),
    **dict.fromkeys(("award", "prize", "honor", "honour"), "awards"),
    **dict.fromkeys(("funding", "grant"), "grants"),
    **dict.fromkeys(("degree", "education"), "education"),
    **dict.fromkeys(("employment", "position", "appointment", "visit"), "appointments"),
    **dict.fromkeys(("service", "membership"), "service"),
}
# Types whose organisation is their author when no person is (BibTeX's @manual).
ORGANISATION_AUTHORED = frozenset(
    "manual online www electronic software dataset misc booklet standard".split()
)


def not_a_publication(reader: EntryReader) -> bool:
    """A biblatex CV's @teaching, @award, @funding, ... entry: left out, with a warning that
    says where cv.yaml lists it."""
    section = NOT_PUBLICATIONS.get(reader.entry.entry_type.lower())
    if section is None:
        return False
    message = (
        f"@{reader.entry.entry_type.lower()} is not a publication; left out (cv.yaml's "
        f"`{section}:` lists it in the CV)"
    )
    reader.problem("", message, Severity.WARNING)
    return True


def kind_of(reader: EntryReader) -> PubKind:
    """The CV's kind for the entry's type; an unknown type is 'Other', with a warning."""
    entry_type = reader.entry.entry_type.lower()
    kind = KIND_OF_TYPE.get(entry_type)
    if kind is None:
        reader.problem(
            "",
            f"entry type @{entry_type} is not a BibTeX or biblatex type; listed under 'Other'",
            Severity.WARNING,
        )
        return PubKind.OTHER
    if kind is PubKind.OTHER and _says_patent(reader):
        return PubKind.PATENT
    return kind


def _says_patent(reader: EntryReader) -> bool:
    """A @misc exported from Google Patents (or noted as a patent application)."""
    if _PATENT_PUBLISHERS.match(reader.raw("publisher") or ""):
        return True
    return any(_PATENT_WORDS.search(reader.raw(name) or "") for name in ("note", "howpublished"))
