"""One BibTeX entry as a Publication: its kind, authors, venue, status, dates, links and
cvgen's own fields."""

from __future__ import annotations

import re

from bibtexparser.model import (
    Entry,
)
from pydantic import ValidationError

from cvgen.errors import Problem, Severity
from cvgen.load.bibtex.names import PersonReading, read_persons
from cvgen.load.bibtex.preprints import find_preprint, server_named
from cvgen.load.bibtex.reader import COMMENTED_OUT, BibOptions, EntryReader, FileState, Seen
from cvgen.load.bibtex.status import pubstate, stated_alone, status_in, venue_without_status
from cvgen.load.bibtex.values import (
    MONTH_MACROS,
)
from cvgen.load.latex.text import unescape_url
from cvgen.model import FORTHCOMING, Author, Links, PubKind, Publication
from cvgen.model import fields as bib_fields
from cvgen.util.ids import bare_doi
from cvgen.util.languages import language_code

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
    PubKind.CONFERENCE: ("booktitle", "eventtitle"),
    PubKind.CHAPTER: ("booktitle", "title"),
    PubKind.THESIS: ("school", "institution"),
    PubKind.REPORT: ("institution", "school"),
    PubKind.BOOK: ("publisher",),
    PubKind.PATENT: ("holder", "assignee", "organization"),
    PubKind.PREPRINT: ("journal", "journaltitle", "howpublished", "publisher"),
    PubKind.OTHER: ("howpublished", "journal", "booktitle", "publisher", "organization"),
}
REQUIRED_VENUE = {PubKind.JOURNAL: "journal", PubKind.CONFERENCE: "booktitle"}
URL_FIELDS = ("pdf", "code", "video", "slides")  # and url, which howpublished may supply
_YEAR = re.compile(r"(?<!\d)(\d{4})(?:-(\d{1,2}))?(?!\d)")
_NOOPSORT = re.compile(r"\\noopsort\s*\{[^{}]*\}")  # BibTeX idiom: sort key, never printed
# "795-804", "1 -- 10", "S1-S7", "xi-xv" -> "795–804"; an article number with a hyphen in it
# ("EGU2018-1234") is no range and keeps it.
_PAGE = r"(?:[A-Za-z]{0,2}\d+[a-z]?|[ivxlc]+)"
_PAGE_RANGE = re.compile(rf"(?<![\w-])({_PAGE})\s*[-‐‑‒–—]+\s*({_PAGE})(?![\w-])")
_URL_COMMAND = re.compile(r"\\url\s*\{([^{}]*)\}")
_MONTH_START = re.compile(r"\s*([0-9]{1,2}|[A-Za-z]{3,})(?![0-9])")
_MONTH_NUMBERS = {name: int(number) for name, number in MONTH_MACROS.items()}
_LONE_MACRO = re.compile(r"^\{?\s*\\([A-Za-z]+)\s*\}?$")


def _persons(reader: EntryReader, name: str) -> list[Author]:
    """The authors (or editors) of a field, with what their reading noticed reported."""
    raw = reader.raw(name)
    if not raw:
        return []
    state = reader.state
    authors = []
    for position, person in enumerate(read_persons(raw, state.names), 1):
        for macro in person.unknown:
            reader.state_note_macro(macro, name)
        if person.standalone:
            _note_standalone(reader, name, person)
        if person.author is None:
            if not person.standalone:
                reader.problem(name, f"{name} {position} is empty; left out", Severity.WARNING)
            continue
        if person.suspicious:
            message = f"{name} {position} ({person.author.display!r}) {person.suspicious}"
            reader.problem(name, message + "; check the field", Severity.WARNING)
        authors.append(_with_marks(person.author, state.options))
    return authors


def _with_marks(author: Author, options: BibOptions) -> Author:
    """A '*' that cv.yaml gives another meaning is kept as a mark, not equal contribution."""
    if options.star_means_equal or not author.equal_contribution:
        return author
    return author.model_copy(update={"equal_contribution": False, "marks": ("*", *author.marks)})


def _note_standalone(reader: EntryReader, name: str, person: PersonReading) -> None:
    state = reader.state
    macro = person.standalone or ""
    if state.note(state.standalone, macro, 0, ""):
        state.standalone[macro] = (
            Seen(reader.line_of(name), reader.where(name)),
            person.owner_guessed,
        )


def _authors_instead(reader: EntryReader, kind: PubKind) -> list[Author]:
    """Who to list when `author` is missing: a book's editors, an organisation for a manual or a
    website; otherwise the field is required."""
    if kind in (PubKind.BOOK, PubKind.OTHER) and reader.fields.get("editor") is not None:
        editors = _persons(reader, "editor")
        if editors:
            return editors
    organisation = reader.text("organization", "institution")
    if organisation and kind is PubKind.OTHER:
        return [Author(last=organisation)]
    if kind is PubKind.OTHER:
        reader.problem("author", "no author, editor or organization", Severity.WARNING)
    else:
        reader.problem("author", "required field is missing")
    return []


def _equal_contribution(reader: EntryReader, count: int) -> set[int]:
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


def _kind(reader: EntryReader) -> PubKind:
    entry_type = reader.entry.entry_type.lower()
    kind = KIND_OF_TYPE.get(entry_type)
    if kind is None:
        reader.problem(
            "",
            f"entry type @{entry_type} is not a BibTeX or biblatex type; listed under 'Other'",
            Severity.WARNING,
        )
        return PubKind.OTHER
    return kind


def _year_month(reader: EntryReader, status: str | None) -> tuple[int | None, int | None, bool]:
    """(year, month, undated): a forthcoming work may have no year (`year = {in press}`)."""
    raw_year = reader.raw("year") or reader.raw("date")
    match = _YEAR.search(_NOOPSORT.sub("", raw_year)) if raw_year else None
    if not match:
        if status in FORTHCOMING:
            return reader.state.this_year, None, True
        if raw_year is None:
            reader.problem("year", "required field is missing")
        else:
            reader.problem("year", f"expected a four-digit year, got {raw_year!r}")
        return None, None, False
    month = int(match.group(2)) if match.group(2) else None
    raw_month = reader.raw("month")
    if raw_month:
        month = _month(raw_month)
        if month is None:
            message = f"expected a month such as 'jun' or 6, got {raw_month!r}"
            reader.problem("month", message, Severity.WARNING)
    return int(match.group(1)), month, False


def _month(raw: str) -> int | None:
    """The month a value starts with: '6', 'jun', 'June', '6-8' (a range), '10~1' (with a day)."""
    match = _MONTH_START.match(raw)
    if not match:
        return None
    word = match.group(1).lower()
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    return _MONTH_NUMBERS.get(word[:3])


def _howpublished_url(reader: EntryReader) -> str | None:
    """`howpublished = {\\url{https://...}}` is a link, not a venue."""
    raw = (reader.raw("howpublished") or "").strip()
    match = _URL_COMMAND.fullmatch(raw)
    url = match.group(1) if match else raw
    return unescape_url(url) if url.lower().startswith(("http://", "https://")) else None


def _tags(raw: str | None) -> list[str]:
    """Tags as written (`ERC` stays `ERC` on a website); a tag given twice in any case is one."""
    first: dict[str, str] = {}
    for tag in re.split(r"[,;]", raw or ""):
        if tag.strip():
            first.setdefault(tag.strip().casefold(), tag.strip())
    return list(first.values())


def _status(reader: EntryReader, kind: PubKind) -> str | None:
    """The publication status, from pubstate/status, a year such as 'in press', the venue or
    the note; a patent's status is read as written."""
    if kind is PubKind.PATENT:
        return reader.text("status", "pubstate")
    stated = reader.text("pubstate", "status")
    raw_year = reader.raw("year") or ""
    in_year = status_in(raw_year) if not _YEAR.search(raw_year) else None
    venue = reader.text(*VENUE_FIELDS.get(kind, ()))
    return (
        pubstate(stated)
        or in_year
        or status_in(venue)
        or status_in(reader.text("note"))
        or stated_alone(reader.text("volume"))
        or (stated)
    )


def _unless_only_status(text: str | None, status: str | None) -> str | None:
    """A note or volume, unless it only states the status ('accepted', 'In press.'): the CV
    prints the status in its own language instead."""
    return None if status and stated_alone(text) else text


def _venue(reader: EntryReader, kind: PubKind, published_at: str | None, status: str | None):
    fields = [f for f in VENUE_FIELDS.get(kind, ()) if not (published_at and f == "howpublished")]
    venue = reader.text(*fields) if fields else None
    if venue and status and status_in(venue):
        venue = venue_without_status(venue)
    if venue is None:  # `journal = {\\joss}`, a journal macro cvgen does not know (warned)
        lone = next((_LONE_MACRO.match(reader.raw(f) or "") for f in fields if reader.raw(f)), None)
        venue = lone.group(1).upper() if lone else None
    return venue


def _aliased(reader: EntryReader, name: str) -> str | None:
    """A cvgen field, or the first alias of it the entry uses (impact_factor for impactfactor)."""
    value = reader.text(name)
    if value or not reader.invented:
        return value
    for alias in bib_fields.ALIASES_OF.get(name, ()):
        if alias in reader.fields:
            return reader.text(alias)
    return None


def _flag_value(reader: EntryReader, name: str) -> str | None:
    """`presentation`, or al-folio's `oral = {true}` / `spotlight = {true}`."""
    value = _aliased(reader, name)
    if value or not reader.invented:
        return value
    for flag, (target, text) in bib_fields.FLAGS.items():
        if target == name and flag in reader.fields:
            raw = (reader.raw(flag) or "").strip().lower()
            if raw in bib_fields.TRUE_WORDS:
                return text
            if raw and raw not in ("false", "no", "0"):
                return reader.text(flag)
    return None


def _extra_and_unknown(reader: EntryReader) -> dict[str, str]:
    """The entry's non-standard fields as text; annotation-like unknown ones noted for a report."""
    extra: dict[str, str] = {}
    state = reader.state
    own = {f.key.lower() for f in reader.entry.fields} if reader.inherits else reader.fields
    for name, fld in reader.fields.items():
        if name not in own or not bib_fields.is_extra(name):
            continue  # read by cvgen, bookkeeping, or inherited from a crossref parent
        raw = reader.raw(name)
        if raw:
            is_link = raw.lstrip().lower().startswith(("http://", "https://"))
            text = unescape_url(raw) if is_link else reader.decoded(name, raw, own_links=False)
            extra[name] = text or ""
        hint = bib_fields.report_of(name)
        if hint and state.note(state.unknown_fields, name, 0, ""):
            state.unknown_fields[name] = (Seen(fld.start_line + 1, reader.where(name)), hint)
    return extra


def entry_to_publication(
    entry: Entry, state: FileState, parent: Entry | None
) -> tuple[Publication | None, list[Problem]]:
    reader = EntryReader(entry, state, parent)
    if reader.commented_out:
        return None, [Problem(state.file, reader.line, entry.key, COMMENTED_OUT, Severity.WARNING)]
    kind = _kind(reader)
    title = reader.text("title")
    if not title:
        reader.problem("title", "required field is missing")
    authors = _persons(reader, "author") if reader.fields.get("author") is not None else []
    edited = not authors and kind is PubKind.BOOK and reader.fields.get("editor") is not None
    if not authors:
        authors = _authors_instead(reader, kind)
    edited = edited and bool(authors)
    published_at = _howpublished_url(reader)
    urls = [u for u in (reader.url("url"), published_at, reader.url("eprint")) if u]
    raw_venue = reader.text(*VENUE_FIELDS.get(kind, ())) if kind is not PubKind.OTHER else None
    venue_text = raw_venue or reader.text("howpublished", "publisher", "journal")
    doi = _doi(reader.url("doi"), urls)
    eprint = _aliased(reader, "eprint")
    archive = reader.raw("archiveprefix") or reader.raw("eprinttype")
    preprint = find_preprint(venue_text, doi, urls, eprint, archive, reader.text("volume"))
    entry_type = entry.entry_type.lower()
    venue_given = any(reader.raw(f) for f in VENUE_FIELDS.get(kind, ())) and kind is not (
        PubKind.OTHER
    )
    names_server = server_named(raw_venue) is not None or not venue_given
    if preprint and entry_type in PREPRINT_TYPES and names_server:
        kind = PubKind.PREPRINT
    status = _status(reader, kind)
    year, month, undated = _year_month(reader, status)
    venue = _venue(reader, kind, published_at, status)
    volume = _unless_only_status(reader.text("volume"), status)  # `volume = {In press}`
    pages = reader.text("pages")
    if kind is PubKind.PREPRINT and preprint:
        server = server_named(venue)
        venue = None if preprint.server == "arXiv" and (server or not venue) else venue
        if venue is None and preprint.server != "arXiv":
            venue = preprint.server
        if server is not None and server.name == "arXiv":
            volume = None  # DBLP: "CoRR, volume abs/2301.01234"
        if pages and pages.lower().startswith("arxiv"):
            pages = None  # ADS: pages = {arXiv:2606.31440}
    if kind in REQUIRED_VENUE and not venue and status not in FORTHCOMING:
        reader.problem(REQUIRED_VENUE[kind], "required field is missing")
    equal = _equal_contribution(reader, len(authors))
    if equal:
        authors = [
            a.model_copy(update={"equal_contribution": True}) if i in equal else a
            for i, a in enumerate(authors)
        ]
    arxiv = preprint.arxiv_id if preprint else None
    extra = _extra_and_unknown(reader)
    if any(p.is_error for p in reader.problems) or not title or year is None:
        return None, reader.problems
    try:
        links = Links(
            doi=doi,
            arxiv=arxiv,
            **{name: _link(reader, name) for name in URL_FIELDS}
            | {"url": _link(reader, "url") or published_at or next(iter(reader.links), None)},
        )
    except ValidationError as exc:
        for err in exc.errors():
            reader.problem(str(err["loc"][0]), str(err["msg"]).removeprefix("Value error, "))
        return None, reader.problems
    keywords = _tags(_aliased(reader, "keywords"))
    al_folio_selected = (reader.raw("selected") or "").strip().lower() in bib_fields.TRUE_WORDS
    if al_folio_selected and "selected" not in {tag.casefold() for tag in keywords}:
        keywords.append("selected")
    publication = Publication(
        key=entry.key,
        entry_type=entry_type,
        kind=kind,
        title=title,
        authors=authors,
        year=year,
        month=month,
        undated=undated,
        venue=venue,
        volume=volume,
        number=reader.text("number"),
        pages=_PAGE_RANGE.sub("\\1–\\2", pages or "") or None,
        publisher=reader.text("publisher") if kind is not PubKind.BOOK else None,
        address=reader.text("address", "location"),
        edition=reader.text("edition"),
        editors=[a.display for a in _persons(reader, "editor")] if kind is PubKind.CHAPTER else [],
        edited=edited,
        note=_unless_only_status(reader.text("note"), status),
        tags=keywords,
        presentation=_flag_value(reader, "presentation"),
        acceptance_rate=_aliased(reader, "acceptance"),
        award=_aliased(reader, "award"),
        impact_factor=_aliased(reader, "impactfactor"),
        annotation=_aliased(reader, "cvnote"),
        status=status,
        language=language_code(reader.raw("langid") or reader.text("language")),
        links=links,
        extra=extra,
        line=reader.line,
    )
    return publication, reader.problems


def _doi(field: str | None, urls: list[str]) -> str | None:
    """The bare DOI of the `doi` field (written as a doi.org link or with `doi:` too), else of
    a `url` that is a doi.org link (Google Scholar and some journals export only that)."""
    if field:
        return bare_doi(field) or field
    return next((doi for doi in map(bare_doi, urls) if doi), None)


def _link(reader: EntryReader, name: str) -> str | None:
    """A link field, or its alias (pdf_url, code_url, html for url, ...)."""
    value = reader.url(name)
    if value or not reader.invented:
        return value
    for alias in bib_fields.ALIASES_OF.get(name, ()):
        if alias in reader.fields:
            return reader.url(alias)
    return None
