"""Load publications.bib with bibtexparser 2 into Publication models, reporting every problem.

We run bibtexparser with an empty parse stack (raw values keep their braces and quotes) and
evaluate values ourselves (bibtex_values.py), so `#` concatenation, month macros and undefined
macros are all handled. Field names are BibTeX's plus cvgen's own annotation fields, which
ordinary bibliography styles ignore:

  keywords      tags, e.g. {erc, selected}
  author+an     biblatex data annotation, e.g. {1=equal; 2=equal} for equal contribution
  presentation  Oral / Spotlight / Long talk      acceptance    e.g. 1.2\\%
  award         Best Paper Award                   impactfactor  e.g. 4.6
  cvnote        a free note printed after the entry (not biblatex's `annotation`, which holds
                reading notes that must never reach a CV)
  pdf, code, video, slides, url, doi, eprint (+ archiveprefix = arXiv)   links
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache

import bibtexparser
from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, Field, ParsingFailedBlock
from pydantic import ValidationError

from cvgen.errors import Problem, Severity
from cvgen.load.bibtex_values import MONTH_MACROS, UndefinedMacro, collect_strings, evaluate
from cvgen.load.latex_text import latex_to_unicode, unescape_url
from cvgen.model import Author, Links, PubKind, Publication

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
VENUE_FIELDS: dict[PubKind, tuple[str, ...]] = {
    PubKind.JOURNAL: ("journal", "journaltitle"),
    PubKind.CONFERENCE: ("booktitle", "eventtitle"),
    PubKind.CHAPTER: ("booktitle", "title"),
    PubKind.THESIS: ("school", "institution"),
    PubKind.REPORT: ("institution", "school"),
    PubKind.BOOK: ("publisher",),
    PubKind.PATENT: ("holder", "assignee", "organization"),
    PubKind.PREPRINT: ("journal", "howpublished", "publisher"),
    PubKind.OTHER: ("howpublished", "journal", "booktitle", "publisher", "organization"),
}
REQUIRED_VENUE = {PubKind.JOURNAL: "journal", PubKind.CONFERENCE: "booktitle"}
URL_FIELDS = ("pdf", "code", "video", "slides")  # and url, which howpublished may supply
_YEAR = re.compile(r"(?<!\d)(\d{4})(?:-(\d{1,2}))?(?!\d)")
_NOOPSORT = re.compile(r"\\noopsort\s*\{[^{}]*\}")  # BibTeX idiom: sort key, never printed
_PAGE_RANGE = re.compile(r"(\w)\s*[-‐‑‒–—]+\s*(\w)")  # "795-804", "1 -- 10" -> "795–804"
_URL_COMMAND = re.compile(r"\\url\s*\{([^{}]*)\}")
ARXIV_VENUES = frozenset({"corr", "arxiv", "arxiv preprint", "arxiv e-prints"})
_MONTH_START = re.compile(r"\s*([0-9]{1,2}|[A-Za-z]{3,})(?![0-9])")
_MONTH_NUMBERS = {name: int(number) for name, number in MONTH_MACROS.items()}
_BLOCK_HEAD = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s]*)")


class _EntryReader:
    """Reads one entry's fields, recording problems against the entry's file and line."""

    def __init__(self, entry: Entry, strings: dict[str, str], file: str, parent: Entry | None):
        self.entry, self.strings, self.file = entry, strings, file
        self.line = (entry.start_line or 0) + 1
        self.problems: list[Problem] = []
        self.fields = _fields_with_crossref(entry, parent)

    def problem(self, field: str, message: str, severity: Severity = Severity.ERROR) -> None:
        where = f"{self.entry.key}.{field}" if field else self.entry.key
        line = self.fields[field].start_line + 1 if field in self.fields else self.line
        self.problems.append(Problem(self.file, line, where, message, severity))

    def raw(self, name: str) -> str | None:
        """The evaluated (macro-substituted) value, still LaTeX."""
        field = self.fields.get(name)
        if field is None:
            return None
        try:
            value = evaluate(str(field.value), self.strings)
        except UndefinedMacro as exc:
            self.problem(name, f"undefined @string macro {exc.name!r}")
            return None
        return value.strip() or None

    def text(self, *names: str) -> str | None:
        """The first present field among `names`, decoded to Unicode."""
        for name in names:
            value = self.raw(name)
            if value:
                return latex_to_unicode(value)
        return None

    def url(self, name: str) -> str | None:
        value = self.raw(name)
        return unescape_url(value) if value else None


def _fields_with_crossref(entry: Entry, parent: Entry | None) -> dict[str, Field]:
    """The entry's fields, completed from its `crossref` parent as BibTeX does (DBLP uses it)."""
    fields = {f.key.lower(): f for f in entry.fields}
    if parent is None:
        return fields
    inherited = {f.key.lower(): f for f in parent.fields}
    if "title" in inherited and "booktitle" not in inherited:
        inherited["booktitle"] = inherited["title"]
    inherited.pop("title", None)
    return {**inherited, **fields}


def _split_authors(raw: str) -> list[Author]:
    return [_author(name) for name in split_multiple_persons_names(raw)]


@lru_cache(maxsize=16384)
def _author(name: str) -> Author:
    """One name, parsed and decoded once: co-authors recur across a bibliography, and an
    Author is immutable, so entries can share it."""
    if name.strip().lower() == "others":
        return Author(last="et al.")
    parts = parse_single_name_into_parts(name, strict=False)
    return Author(
        first=latex_to_unicode(" ".join(parts.first)),
        von=latex_to_unicode(" ".join(parts.von)),
        last=latex_to_unicode(" ".join(parts.last)),
        jr=latex_to_unicode(" ".join(parts.jr)),
    )


def _authors_instead(reader: _EntryReader, kind: PubKind) -> list[Author]:
    """Who to list when `author` is missing: a book's editors, an organisation for a manual or a
    website; otherwise the field is required."""
    raw_editors = reader.raw("editor")
    if raw_editors and kind in (PubKind.BOOK, PubKind.OTHER):
        return _split_authors(raw_editors)
    organisation = reader.text("organization", "institution")
    if organisation and kind is PubKind.OTHER:
        return [Author(last=organisation)]
    if kind is PubKind.OTHER:
        reader.problem("author", "no author, editor or organization", Severity.WARNING)
    else:
        reader.problem("author", "required field is missing")
    return []


def _equal_contribution(reader: _EntryReader, count: int) -> set[int]:
    """0-based author positions marked `equal` in biblatex's `author+an = {1=equal; 2=equal}`."""
    raw = reader.raw("author+an")
    marked: set[int] = set()
    for item in (raw or "").split(";"):
        if not item.strip():
            continue
        position, _, labels = item.partition("=")
        position = position.split(":")[0].strip()
        if not (position.isascii() and position.isdigit()) or not 1 <= int(position) <= count:
            reader.problem("author+an", f"{item.strip()!r} does not name an author 1..{count}")
            continue
        if "equal" in {label.strip().lower() for label in labels.split(",")}:
            marked.add(int(position) - 1)
    if len(marked) == 1:
        reader.problem("author+an", "only one author marked equal", Severity.WARNING)
    return marked


def _kind(reader: _EntryReader) -> PubKind:
    entry_type = reader.entry.entry_type.lower()
    kind = KIND_OF_TYPE.get(entry_type)
    archive = (reader.raw("archiveprefix") or reader.raw("eprinttype") or "").lower()
    journal = (reader.raw("journal") or "").lower()
    if kind in (PubKind.OTHER, PubKind.JOURNAL) and (
        archive == "arxiv" or journal.startswith(("arxiv", "corr"))
    ):
        return PubKind.PREPRINT
    if kind is None:
        reader.problem(
            "",
            f"entry type @{entry_type} is not a BibTeX or biblatex type; listed under 'Other'",
            Severity.WARNING,
        )
        return PubKind.OTHER
    return kind


def _year_month(reader: _EntryReader) -> tuple[int | None, int | None]:
    raw_year = reader.raw("year") or reader.raw("date")
    if raw_year is None:
        reader.problem("year", "required field is missing")
        return None, None
    match = _YEAR.search(_NOOPSORT.sub("", raw_year))
    if not match:
        reader.problem("year", f"expected a four-digit year, got {raw_year!r}")
        return None, None
    month = int(match.group(2)) if match.group(2) else None
    raw_month = reader.raw("month")
    if raw_month:
        month = _month(raw_month)
        if month is None:
            message = f"expected a month such as 'jun' or 6, got {raw_month!r}"
            reader.problem("month", message, Severity.WARNING)
    return int(match.group(1)), month


def _month(raw: str) -> int | None:
    """The month a value starts with: '6', 'jun', 'June', '6-8' (a range), '10~1' (with a day)."""
    match = _MONTH_START.match(raw)
    if not match:
        return None
    word = match.group(1).lower()
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    return _MONTH_NUMBERS.get(word[:3])


def _howpublished_url(reader: _EntryReader) -> str | None:
    """`howpublished = {\\url{https://...}}` is a link, not a venue."""
    raw = (reader.raw("howpublished") or "").strip()
    match = _URL_COMMAND.fullmatch(raw)
    url = match.group(1) if match else raw
    return unescape_url(url) if url.lower().startswith(("http://", "https://")) else None


def _tags(raw: str | None) -> list[str]:
    return [t.strip().lower() for t in re.split(r"[,;]", raw or "") if t.strip()]


def _entry_to_publication(
    entry: Entry, strings: dict[str, str], file: str, parent: Entry | None
) -> tuple[Publication | None, list[Problem]]:
    reader = _EntryReader(entry, strings, file, parent)
    kind = _kind(reader)
    title = reader.text("title")
    if not title:
        reader.problem("title", "required field is missing")
    raw_authors = reader.raw("author")
    authors = _split_authors(raw_authors) if raw_authors else []
    if not authors:
        authors = _authors_instead(reader, kind)
    year, month = _year_month(reader)
    published_at = _howpublished_url(reader)
    venue_fields = [
        f for f in VENUE_FIELDS.get(kind, ()) if not (published_at and f == "howpublished")
    ]
    venue = reader.text(*venue_fields) if venue_fields else None
    volume, eprint = reader.text("volume"), reader.raw("eprint")
    if kind is PubKind.PREPRINT and (venue or "").lower() in ARXIV_VENUES:
        # DBLP writes arXiv papers as "CoRR, volume abs/2301.01234": say arXiv:2301.01234
        eprint = eprint or (volume or "").removeprefix("abs/") or None
        venue, volume = None, None
    if kind in REQUIRED_VENUE and not venue:
        reader.problem(REQUIRED_VENUE[kind], "required field is missing")
    equal = _equal_contribution(reader, len(authors))
    authors = [
        a.model_copy(update={"equal_contribution": i in equal}) for i, a in enumerate(authors)
    ]
    if any(p.is_error for p in reader.problems) or not title or year is None:
        return None, reader.problems
    try:
        links = Links(
            doi=(reader.url("doi") or "").removeprefix("https://doi.org/") or None,
            arxiv=eprint if eprint and kind is PubKind.PREPRINT else None,
            **{name: reader.url(name) for name in URL_FIELDS}
            | {"url": reader.url("url") or published_at},
        )
    except ValidationError as exc:
        for err in exc.errors():
            reader.problem(str(err["loc"][0]), str(err["msg"]).removeprefix("Value error, "))
        return None, reader.problems
    publication = Publication(
        key=entry.key,
        entry_type=entry.entry_type.lower(),
        kind=kind,
        title=title,
        authors=authors,
        year=year,
        month=month,
        venue=venue,
        volume=volume,
        number=reader.text("number"),
        pages=_PAGE_RANGE.sub("\\1–\\2", reader.text("pages") or "") or None,
        publisher=reader.text("publisher") if kind is not PubKind.BOOK else None,
        address=reader.text("address", "location"),
        edition=reader.text("edition"),
        editors=[a.display for a in _split_authors(reader.raw("editor") or "")]
        if kind is PubKind.CHAPTER
        else [],
        note=reader.text("note"),
        tags=_tags(reader.text("keywords")),
        presentation=reader.text("presentation"),
        acceptance_rate=reader.text("acceptance"),
        award=reader.text("award"),
        impact_factor=reader.text("impactfactor"),
        annotation=reader.text("cvnote"),
        status=reader.text("status", "pubstate"),
        links=links,
        line=reader.line,
    )
    return publication, reader.problems


def _failed_block_problem(block: ParsingFailedBlock, file: str) -> Problem:
    line = (block.start_line or 0) + 1
    if isinstance(block, DuplicateBlockKeyBlock):
        first = (block.previous_block.start_line or 0) + 1
        return Problem(
            file, line, block.key, f"duplicate entry key (first defined on line {first})"
        )
    reason = (
        getattr(block.error, "abort_reason", None) or str(block.error) or type(block.error).__name__
    )
    reason = " ".join(reason.split())
    head = _BLOCK_HEAD.match((block.raw or "").strip())
    where = (head.group(2) or f"@{head.group(1)}") if head else "(unnamed entry)"
    hint = (
        " (check for an unbalanced brace or quote above this point)" if "closing" in reason else ""
    )
    return Problem(file, line, where, f"cannot parse this entry: {reason}{hint}")


def _crossref_key(entry: Entry) -> str | None:
    crossref = entry.fields_dict.get("crossref")
    return str(crossref.value).strip('{}" ').lower() if crossref else None


def parse_bibtex(
    text: str, file: str, is_own: Callable[[Publication], bool] | None = None
) -> tuple[list[Publication], list[Problem]]:
    """BibTeX text -> publications plus every problem found, in file order.

    An entry that other entries `crossref` (DBLP exports add the proceedings volume of every
    paper) is a container, not the researcher's publication, unless `is_own` says it is theirs
    (an edited volume: editors stand in for authors).
    """
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # we report failures ourselves
    library = bibtexparser.parse_string(text, parse_stack=[])
    problems = [_failed_block_problem(b, file) for b in library.failed_blocks]
    strings, bad_strings = collect_strings([(s.key, str(s.value)) for s in library.strings])
    problems += [Problem(file, None, "@string", message) for message in bad_strings]
    publications = []
    by_key = {entry.key.lower(): entry for entry in library.entries}
    parents = {_crossref_key(entry) for entry in library.entries} - {None}
    for entry in library.entries:
        if entry.entry_type.lower() in CONTAINER_TYPES:
            continue
        crossref = entry.fields_dict.get("crossref")
        parent = by_key.get(_crossref_key(entry) or "")
        if crossref and parent is None:
            line = crossref.start_line + 1
            problems.append(
                Problem(file, line, f"{entry.key}.crossref", "refers to no entry in this file")
            )
        publication, entry_problems = _entry_to_publication(entry, strings, file, parent)
        problems.extend(entry_problems)
        container = entry.key.lower() in parents and not (
            is_own and publication and is_own(publication)
        )
        if publication is not None and not container:
            publications.append(publication)
    if not library.entries and not problems:
        problems.append(Problem(file, None, "", "no BibTeX entries found", Severity.WARNING))
    problems.sort(key=lambda p: p.line or 0)
    return publications, problems
