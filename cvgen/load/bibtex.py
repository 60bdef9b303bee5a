"""Load publications.bib with bibtexparser 2 into Publication models, reporting every problem.

We run bibtexparser with an empty parse stack (raw values keep their braces and quotes) and
evaluate values ourselves (bibtex_values.py), so `#` concatenation, month macros and undefined
macros are all handled. Field names are BibTeX's plus cvgen's own annotation fields, which
ordinary bibliography styles ignore (bib_fields.py also accepts the names people invent):

  keywords      tags, e.g. {erc, selected}
  author+an     biblatex data annotation, e.g. {1=equal; 2=equal} for equal contribution
  presentation  Oral / Spotlight / Long talk      acceptance    e.g. 1.2\\%
  award         Best Paper Award                   impactfactor  e.g. 4.6
  cvnote        a free note printed after the entry (not biblatex's `annotation`, which holds
                reading notes that must never reach a CV)
  pdf, code, video, slides, url, doi, eprint (+ archiveprefix = arXiv)   links
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
from collections.abc import Callable
from typing import NamedTuple

import bibtexparser
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    Field,
    ParsingFailedBlock,
)
from pydantic import ValidationError

from cvgen.errors import Problem, Severity
from cvgen.load import bib_fields
from cvgen.load.bib_names import NameContext, PersonReading, read_persons
from cvgen.load.bib_status import pubstate, status_in, venue_without_status
from cvgen.load.bibtex_values import (
    MONTH_MACROS,
    BadValue,
    ExpansionBudget,
    UndefinedMacro,
    collect_strings,
    escaped_brace_warning,
    evaluate,
    missing_comma,
)
from cvgen.load.latex_macros import MacroTable, preamble_macros
from cvgen.load.latex_text import decode, unescape_url
from cvgen.load.people import keys_for
from cvgen.load.preprints import find_preprint, server_named
from cvgen.model import FORTHCOMING, Author, Links, PubKind, Publication
from cvgen.remote.ids import bare_doi

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
_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\((\S+)\)")
_BLOCK_HEAD = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s]*)")
DEFAULT_MARKS = {"*": "Equal contribution", "†": "Corresponding author"}


class BibOptions(NamedTuple):
    """What reading the .bib needs from cv.yaml: the user's macros and who the owner is."""

    macros: dict[str, str] = {}  # noqa: RUF012 - never mutated
    owner: str | None = None
    owner_variants: tuple[str, ...] = ()
    star_means_equal: bool = True  # cv.yaml may give '*' another meaning
    this_year: int | None = None  # default: this year


class _Seen:
    """One thing noticed in many entries, reported once: first line, entry, and how often."""

    __slots__ = ("count", "line", "where")

    def __init__(self, line: int, where: str):
        self.line, self.where, self.count = line, where, 1


class _FileState:
    """What the entries of one file share: strings, macros, budget, and notes for one report.
    (Plain classes here and NamedTuples elsewhere: dataclasses cost ~1 ms each at import.)"""

    def __init__(self, file: str, strings: dict[str, str], left_out: dict[str, int | None],
                 budget: ExpansionBudget, macros: MacroTable, names: NameContext,
                 options: BibOptions):  # fmt: skip
        self.file, self.strings, self.left_out, self.budget = file, strings, left_out, budget
        self.macros, self.names, self.options = macros, names, options
        self.this_year = options.this_year or _dt.date.today().year
        self.unknown_macros: dict[str, _Seen] = {}
        self.standalone: dict[str, tuple[_Seen, bool]] = {}
        self.unknown_fields: dict[str, tuple[_Seen, str]] = {}
        self.commented: _Seen | None = None  # lines behind % inside entries

    def note(self, table: dict, name: str, line: int, where: str) -> bool:
        """Count `name` in `table`; True when it is the first time."""
        seen = table.get(name)
        if seen is None:
            return True
        (seen[0] if isinstance(seen, tuple) else seen).count += 1
        return False


class _EntryReader:
    """Reads one entry's fields, recording problems against the entry's file and line."""

    def __init__(self, entry: Entry, state: _FileState, parent: Entry | None):
        self.entry, self.state, self.file = entry, state, state.file
        self.inherits = parent is not None  # some fields come from a crossref parent
        self.line = (entry.start_line or 0) + 1
        self.problems: list[Problem] = []
        self._raw: dict[str, str | None] = {}
        self._text: dict[str, str | None] = {}
        self.links: list[str] = []  # from \\href and \\url in the fields read
        self.fields = _fields_with_crossref(entry, parent)
        commented = [n for n in self.fields if n[0] == "%"]
        self.commented_out = bool(commented) and len(commented) == len(self.fields)
        for name in commented:
            line = self.fields.pop(name).start_line + 1
            if self.commented_out:
                continue
            if state.commented is None:
                state.commented = _Seen(line, entry.key)
            else:
                state.commented.count += 1
        self._repair_missing_commas()
        self.invented = bool(bib_fields.INVENTED.intersection(self.fields))  # impact_factor...

    def problem(self, field: str, message: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(
            Problem(self.file, self.line_of(field), self.where(field), message, severity)
        )

    def where(self, field: str) -> str:
        return f"{self.entry.key}.{field}" if field else self.entry.key

    def line_of(self, field: str) -> int:
        return self.fields[field].start_line + 1 if field in self.fields else self.line

    def _repair_missing_commas(self) -> None:
        swallowed = [(n, f) for n, f in self.fields.items() if "=" in str(f.value)]  # rare
        for name, fld in swallowed:
            raw = str(fld.value)
            line = fld.start_line
            while (found := missing_comma(raw)) is not None:
                value, offset, next_name, rest = found
                self.fields[name] = Field(name, value, line)
                line += raw[:offset].count("\n")
                self.problems.append(
                    Problem(
                        self.file,
                        line + 1,
                        self.where(next_name.lower()),
                        f"missing comma before `{next_name}`? cvgen read `{name}` and "
                        f"`{next_name}` as two fields; add the comma",
                        Severity.WARNING,
                    )
                )
                name, raw = next_name.lower(), rest
                self.fields.setdefault(name, Field(name, raw, line))

    def raw(self, name: str) -> str | None:
        """The evaluated (macro-substituted) value, still LaTeX; problems reported once."""
        if name not in self.fields:
            return None
        if name not in self._raw:
            self._raw[name] = self._evaluate(name)
        return self._raw[name]

    def _evaluate(self, name: str) -> str | None:
        field = self.fields.get(name)
        if field is None:
            return None
        raw = str(field.value)
        try:
            value = evaluate(raw, self.state.strings, self.state.budget)
        except UndefinedMacro as exc:
            left_out = exc.name.lower() in self.state.left_out
            line = self.state.left_out.get(exc.name.lower())
            message = (
                f"uses @string {exc.name!r}, which was left out (line {line})"
                if left_out
                else str(exc)
            )
            self.problem(name, message)
            return None
        except BadValue as exc:
            self.problem(name, str(exc))
            return None
        warning = escaped_brace_warning(raw)
        if warning:
            self.problem(name, warning, Severity.WARNING)
        return value.strip() or None

    def text(self, *names: str) -> str | None:
        """The first present field among `names`, decoded to Unicode (each field once, so its
        links and unknown macros are noted once)."""
        for name in names:
            if name in self._text:
                return self._text[name]
            value = self.raw(name)
            if value:
                decoded = self._text[name] = self.decoded(name, value)
                return decoded
        return None

    def decoded(self, name: str, value: str, *, own_links: bool = True) -> str | None:
        """`value` as Unicode text. Its \\href and \\url links may stand in for a missing
        `url` (`own_links`), except in the fields kept for exporters: a news line's link is
        not the paper."""
        result = decode(value, self.state.macros)
        if own_links:
            self.links += [u for u in result.links if u.lower().startswith(("http://", "https://"))]
        for macro in result.unknown:
            self.state_note_macro(macro, name)
        failed = f"could not read the LaTeX here ({result.failed})"
        if result.failed and not any(p.message.startswith(failed) for p in self.problems):
            self.problem(
                name,
                f"could not read the LaTeX here ({result.failed}); it is shown as plain text",
                Severity.WARNING,
            )
        return result.text or None

    def state_note_macro(self, macro: str, name: str) -> None:
        state = self.state
        if state.note(state.unknown_macros, macro, 0, ""):
            state.unknown_macros[macro] = _Seen(self.line_of(name), self.where(name))

    def url(self, name: str) -> str | None:
        value = self.raw(name)
        if not value:
            return None
        value = unescape_url(value)
        markdown = _MARKDOWN_LINK.fullmatch(value)  # "[R package](https://...)"
        return markdown.group(1) if markdown else value


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


def _persons(reader: _EntryReader, name: str) -> list[Author]:
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


def _note_standalone(reader: _EntryReader, name: str, person: PersonReading) -> None:
    state = reader.state
    macro = person.standalone or ""
    if state.note(state.standalone, macro, 0, ""):
        state.standalone[macro] = (
            _Seen(reader.line_of(name), reader.where(name)),
            person.owner_guessed,
        )


def _authors_instead(reader: _EntryReader, kind: PubKind) -> list[Author]:
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
    if kind is None:
        reader.problem(
            "",
            f"entry type @{entry_type} is not a BibTeX or biblatex type; listed under 'Other'",
            Severity.WARNING,
        )
        return PubKind.OTHER
    return kind


def _year_month(reader: _EntryReader, status: str | None) -> tuple[int | None, int | None, bool]:
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


def _howpublished_url(reader: _EntryReader) -> str | None:
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


def _status(reader: _EntryReader, kind: PubKind) -> str | None:
    """The publication status, from pubstate/status, a year such as 'in press', the venue or
    the note; a patent's status is read as written."""
    if kind is PubKind.PATENT:
        return reader.text("status", "pubstate")
    stated = reader.text("pubstate", "status")
    raw_year = reader.raw("year") or ""
    in_year = status_in(raw_year) if not _YEAR.search(raw_year) else None
    venue = reader.text(*VENUE_FIELDS.get(kind, ()))
    volume = reader.text("volume")
    return (
        pubstate(stated)
        or in_year
        or status_in(venue)
        or status_in(reader.text("note"))
        or (status_in(volume) if volume and venue_without_status(volume) is None else None)
        or (stated)
    )


def _note(note: str | None, status: str | None) -> str | None:
    """The note, unless it only states the status ('accepted', 'In press.'): the CV prints the
    status in its own language instead."""
    if note and status and status_in(note) and venue_without_status(note) is None:
        return None
    return note


def _venue(reader: _EntryReader, kind: PubKind, published_at: str | None, status: str | None):
    fields = [f for f in VENUE_FIELDS.get(kind, ()) if not (published_at and f == "howpublished")]
    venue = reader.text(*fields) if fields else None
    if venue and status and status_in(venue):
        venue = venue_without_status(venue)
    if venue is None:  # `journal = {\\joss}`, a journal macro cvgen does not know (warned)
        lone = next((_LONE_MACRO.match(reader.raw(f) or "") for f in fields if reader.raw(f)), None)
        venue = lone.group(1).upper() if lone else None
    return venue


def _aliased(reader: _EntryReader, name: str) -> str | None:
    """A cvgen field, or the first alias of it the entry uses (impact_factor for impactfactor)."""
    value = reader.text(name)
    if value or not reader.invented:
        return value
    for alias in bib_fields.ALIASES_OF.get(name, ()):
        if alias in reader.fields:
            return reader.text(alias)
    return None


def _flag_value(reader: _EntryReader, name: str) -> str | None:
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


def _extra_and_unknown(reader: _EntryReader) -> dict[str, str]:
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
            state.unknown_fields[name] = (_Seen(fld.start_line + 1, reader.where(name)), hint)
    return extra


def _entry_to_publication(
    entry: Entry, state: _FileState, parent: Entry | None
) -> tuple[Publication | None, list[Problem]]:
    reader = _EntryReader(entry, state, parent)
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
    volume = _note(reader.text("volume"), status)  # `volume = {In press}` is no volume
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
        note=_note(reader.text("note"), status),
        tags=keywords,
        presentation=_flag_value(reader, "presentation"),
        acceptance_rate=_aliased(reader, "acceptance"),
        award=_aliased(reader, "award"),
        impact_factor=_aliased(reader, "impactfactor"),
        annotation=_aliased(reader, "cvnote"),
        status=status,
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


def _link(reader: _EntryReader, name: str) -> str | None:
    """A link field, or its alias (pdf_url, code_url, html for url, ...)."""
    value = reader.url(name)
    if value or not reader.invented:
        return value
    for alias in bib_fields.ALIASES_OF.get(name, ()):
        if alias in reader.fields:
            return reader.url(alias)
    return None


def _commented_out(block: ParsingFailedBlock) -> bool:
    """`% @article{...` with every following line behind %: meant as a comment."""
    lines = [line.strip() for line in (block.raw or "").splitlines()[1:] if line.strip()]
    return bool(lines) and all(line.startswith("%") for line in lines)


COMMENTED_OUT = (
    "this entry is commented out with %, but BibTeX still reads an @ after %; cvgen skips it. "
    "Delete the @ to make it a comment everywhere"
)


def _failed_block_problem(block: ParsingFailedBlock, file: str) -> Problem:
    line = (block.start_line or 0) + 1
    if _commented_out(block):
        message = COMMENTED_OUT
        head = _BLOCK_HEAD.match((block.raw or "").strip())
        return Problem(file, line, head.group(2) if head else "", message, Severity.WARNING)
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


def _first_of_duplicates(block: DuplicateFieldKeyBlock, file: str) -> tuple[Entry, list[Problem]]:
    """BibTeX and biber keep the first of a repeated field, with a warning: so do we."""
    entry = block.ignore_error_block
    kept: dict[str, Field] = {}
    problems = []
    for fld in entry.fields:
        name = fld.key.lower()
        first = kept.get(name)
        if first is None:
            kept[name] = fld
            continue
        same = str(first.value).strip() == str(fld.value).strip()
        lines = f"lines {first.start_line + 1} and {fld.start_line + 1}"
        message = (
            f"`{fld.key}` is given twice ({lines}); the first is used"
            if same
            else f"`{fld.key}` is given twice with different values ({lines}); the first, "
            f"{_short_value(first.value)}, is used"
        )
        problems.append(
            Problem(file, fld.start_line + 1, f"{entry.key}.{name}", message, Severity.WARNING)
        )
    fixed = Entry(entry.entry_type, entry.key, list(kept.values()), entry.start_line, entry.raw)
    return fixed, problems


def _short_value(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 40 else text[:37] + "..."


def _crossref_key(entry: Entry) -> str | None:
    crossref = entry.fields_dict.get("crossref")
    return str(crossref.value).strip('{}" ').lower() if crossref else None


def _name_context(options: BibOptions, macros: MacroTable) -> NameContext:
    names = (options.owner, *options.owner_variants) if options.owner else ()
    surnames = tuple(key.surname for key in keys_for(names[0], list(names[1:]))) if names else ()
    return NameContext(macros, options.owner, surnames)


def _file_reports(state: _FileState) -> list[Problem]:
    """One warning per unknown macro, per macro standing for an author, per unknown field."""
    problems = []
    file = state.file
    for macro, seen in state.unknown_macros.items():
        others = f" and {seen.count - 1} more entries" if seen.count > 1 else ""
        problems.append(
            Problem(
                file,
                seen.line,
                seen.where,
                f"unknown LaTeX macro \\{macro} (here{others}): cvgen printed nothing for it "
                f"and kept any argument it has (a venue that is only this macro shows its name "
                f"in capitals). To say what it prints, define it in cv.yaml: "
                f"publications: {{macros: {{{macro}: '...'}}}} ('#1' stands for its argument)",
                Severity.WARNING,
            )
        )
    for macro, (seen, guessed) in state.standalone.items():
        count = f"{seen.count} entr{'ies' if seen.count != 1 else 'y'}"
        if guessed:
            what = f"it contains your surname, so it is read as {state.options.owner} ({count})"
        else:
            what = f"that author is left out ({count})"
        problems.append(
            Problem(
                file,
                seen.line,
                seen.where,
                f"an author is the macro \\{macro}, which cvgen does not know; {what}. Define it "
                f"in cv.yaml: publications: {{macros: {{{macro}: 'Surname, Given'}}}}",
                Severity.WARNING,
            )
        )
    if state.commented:
        seen = state.commented
        problems.append(
            Problem(
                file,
                seen.line,
                seen.where,
                f"{seen.count} line(s) inside entries start with %, which BibTeX does not read as "
                "a comment there; cvgen skipped them. Move them outside the entry",
                Severity.WARNING,
            )
        )
    for name, (seen, hint) in state.unknown_fields.items():
        count = f"{seen.count} entr{'ies' if seen.count != 1 else 'y'}"
        problems.append(
            Problem(
                file,
                seen.line,
                seen.where,
                f"field `{name}` ({count}) is not a BibTeX or cvgen field, so the CV does not "
                f"show it; {hint}",
                Severity.WARNING,
            )
        )
    return problems


def parse_bibtex(
    text: str,
    file: str,
    is_own: Callable[[Publication], bool] | None = None,
    options: BibOptions | None = None,
) -> tuple[list[Publication], list[Problem]]:
    """BibTeX text -> publications plus every problem found, in file order.

    An entry that other entries `crossref` (DBLP exports add the proceedings volume of every
    paper) is a container, not the researcher's publication, unless `is_own` says it is theirs
    (an edited volume: editors stand in for authors); a container's own gaps are not reported.
    """
    options = options or BibOptions()
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # we report failures ourselves
    library = bibtexparser.parse_string(text, parse_stack=[])
    problems: list[Problem] = []
    entries = list(library.entries)
    for block in library.failed_blocks:
        if isinstance(block, DuplicateFieldKeyBlock) and block.ignore_error_block is not None:
            fixed, duplicate_problems = _first_of_duplicates(block, file)
            entries.append(fixed)
            problems += duplicate_problems
        else:
            problems.append(_failed_block_problem(block, file))
    entries.sort(key=lambda e: e.start_line or 0)
    budget = ExpansionBudget(len(text))
    raw_strings = [(s.key, str(s.value), (s.start_line or 0) + 1) for s in library.strings]
    strings, bad_strings = collect_strings(raw_strings, budget)
    problems += [Problem(file, line, "@string", text) for line, _, text in bad_strings if text]
    left_out = {name.lower(): line for line, name, _ in bad_strings}
    preamble = []
    for block in library.preambles:
        try:
            preamble.append(evaluate(str(block.value), strings, budget))
        except BadValue:
            continue
    macros = MacroTable.from_config(options.macros).over(preamble_macros(preamble))
    state = _FileState(
        file, strings, left_out, budget, macros, _name_context(options, macros), options
    )
    publications = []
    by_key = {entry.key.lower(): entry for entry in entries}
    parents = {_crossref_key(entry) for entry in entries} - {None}
    for entry in entries:
        if entry.entry_type.lower() in CONTAINER_TYPES:
            continue
        crossref = entry.fields_dict.get("crossref")
        parent = by_key.get(_crossref_key(entry) or "")
        if crossref and parent is None:
            line = crossref.start_line + 1
            problems.append(
                Problem(file, line, f"{entry.key}.crossref", "refers to no entry in this file")
            )
        publication, entry_problems = _entry_to_publication(entry, state, parent)
        is_container = entry.key.lower() in parents
        if is_container and not (is_own and publication and is_own(publication)):
            continue  # a proceedings volume that only feeds its papers: not the user's entry
        problems.extend(entry_problems)
        if publication is not None:
            publications.append(publication)
    if not library.entries and not library.failed_blocks and not problems:
        problems.append(Problem(file, None, "", "no BibTeX entries found", Severity.WARNING))
    problems += _file_reports(state)
    problems.sort(key=lambda p: p.line or 0)
    return publications, problems
