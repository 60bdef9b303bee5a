"""One BibTeX entry as a Publication: its kind, authors, venue, status, dates, links and
cvgen's own fields.

An entry is left out only when it cannot be shown: no title, no author, no year (a work that
is forthcoming, or a preprint or other item, is listed undated instead), or a value cvgen
cannot read in a field it prints. A missing venue or a link that is no link is a warning.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from bibtexparser.model import Entry

from cvgen.errors import Problem, Severity
from cvgen.load.bibtex.dates import YearMonth, date_field, has_year, month_field, year_field
from cvgen.load.bibtex.kinds import (
    PREPRINT_TYPES,
    REQUIRED_VENUE,
    VENUE_FIELDS,
    kind_of,
    not_a_publication,
)
from cvgen.load.bibtex.persons import authors_of, editors_of
from cvgen.load.bibtex.preprints import Preprint, find_preprint, server_named, server_only
from cvgen.load.bibtex.reader import COMMENTED_OUT, EntryReader, FileState, Seen
from cvgen.load.bibtex.status import (
    pubstate,
    stated_alone,
    status_in,
    title_status,
    venue_without_status,
)
from cvgen.load.bibtex.venues import journal_name, page_range
from cvgen.load.latex.literals import unescape_url
from cvgen.model import FORTHCOMING, Links, PubKind, Publication
from cvgen.model import fields as bib_fields
from cvgen.util.ids import bare_doi
from cvgen.util.languages import language_code

URL_FIELDS = ("pdf", "code", "video", "slides")  # and url, which howpublished may supply
_URL_COMMAND = re.compile(r"\\url\s*\{([^{}]*)\}")
_LONE_MACRO = re.compile(r"^\{?\s*\\([A-Za-z]+)\s*\}?$")
UNDATED_KINDS = (PubKind.OTHER, PubKind.PREPRINT)  # a talk, an answer online, a manuscript


def entry_to_publication(
    entry: Entry, state: FileState, parent: Entry | None
) -> tuple[Publication | None, list[Problem]]:
    reader = EntryReader(entry, state, parent)
    if reader.commented_out:
        return None, [Problem(state.file, reader.line, entry.key, COMMENTED_OUT, Severity.WARNING)]
    if not_a_publication(reader):
        return None, reader.problems
    kind = kind_of(reader)
    title, title_said = title_status(reader.text("title") or "")
    if not title:
        reader.missing("title")
    authors, edited = authors_of(reader, kind)
    place = _placed(reader, kind)
    status = _status(reader, place.kind) or title_said
    when = _year_month(reader, place.kind, status)
    fields = {
        "key": entry.key,
        "entry_type": entry.entry_type.lower(),
        "kind": place.kind,
        "title": title,
        "authors": authors,
        "editors": editors_of(reader, place.kind, authors, edited),
        "edited": edited,
        "status": status,
        "line": reader.line,
        "language": language_code(reader.raw("langid") or reader.text("language")),
        **_venue_fields(reader, place, status),
        **_annotations(reader),
        **when,
    }
    fields["links"] = _links(reader, place)
    fields["extra"] = _extra_and_unknown(reader)
    if any(p.is_error for p in reader.problems) or not title or fields["year"] is None:
        return None, [p for p in reader.problems if p.is_error]  # why it is left out
    return Publication(**fields), reader.problems


class Placed(NamedTuple):
    """Where an entry appeared: its kind (a preprint once its fields say so), the preprint
    server, the DOI and the address it was published at (`howpublished = {\\url{...}}`)."""

    kind: PubKind
    preprint: Preprint | None
    doi: str | None
    published_at: str | None


def _placed(reader: EntryReader, kind: PubKind) -> Placed:
    published_at = _howpublished_url(reader)
    reader.text("note")  # its \\url{...} may be the preprint's address
    linked = [u for u in reader.links if u]
    urls = [u for u in (reader.url("url"), published_at, reader.url("eprint"), *linked) if u]
    raw_venue = reader.text(*VENUE_FIELDS.get(kind, ())) if kind is not PubKind.OTHER else None
    venue_text = raw_venue or reader.text("howpublished", "publisher", "journal")
    if raw_venue and status_in(raw_venue):  # "arXiv:2111.02002, accepted by Israel J. Math."
        raw_venue = venue_without_status(raw_venue)
    doi = reader.link("doi") or next((d for d in map(bare_doi, urls) if d), None)
    eprint = _aliased(reader, "eprint")
    archive = reader.raw("archiveprefix") or reader.raw("eprinttype")
    preprint = find_preprint(venue_text, doi, urls, eprint, archive, reader.text("volume"))
    venue_given = kind is not PubKind.OTHER and any(
        reader.raw(f) for f in VENUE_FIELDS.get(kind, ())
    )
    names_server = server_named(raw_venue) is not None or not venue_given
    entry_type = reader.entry.entry_type.lower()
    if preprint and entry_type in PREPRINT_TYPES and names_server:
        kind = PubKind.PREPRINT
    return Placed(kind, preprint, doi, published_at)


def _howpublished_url(reader: EntryReader) -> str | None:
    """`howpublished = {\\url{https://...}}` is a link, not a venue."""
    raw = (reader.raw("howpublished") or "").strip()
    match = _URL_COMMAND.fullmatch(raw)
    url = match.group(1) if match else raw
    return unescape_url(url) if url.lower().startswith(("http://", "https://")) else None


def _status(reader: EntryReader, kind: PubKind) -> str | None:
    """The publication status, from pubstate/status, a year such as 'in press', the venue or
    the note; a patent's status is read as written."""
    if kind is PubKind.PATENT:
        return reader.text("status", "pubstate")
    stated = reader.text("pubstate", "status")
    raw_year = reader.raw("year") or ""
    in_year = status_in(raw_year) if not has_year(raw_year) else None
    venue = reader.text(*VENUE_FIELDS.get(kind, ()))
    return (
        pubstate(stated)
        or in_year
        or status_in(venue)
        or status_in(reader.text("note"))
        or stated_alone(reader.text("volume"))
        or (stated)
    )


def _year_month(reader: EntryReader, kind: PubKind, status: str | None) -> dict[str, Any]:
    """year, month and undated: a forthcoming work may have no year (`year = {in press}`),
    nor may a preprint or an item such as a talk (listed undated, with a warning)."""
    raw_year, raw_date = reader.raw("year"), reader.raw("date")
    found: YearMonth | None = (year_field(raw_year) if raw_year else None) or (
        date_field(raw_date) if raw_date else None
    )
    if found is None:
        this_year = reader.state.this_year
        if status in FORTHCOMING:
            return {"year": this_year, "month": None, "undated": True}
        if kind in UNDATED_KINDS and raw_year is None and raw_date is None:
            reader.problem("year", "no year or date: listed without one", Severity.WARNING)
            return {"year": this_year, "month": None, "undated": True}
        field, given = ("year", raw_year) if raw_year is not None else ("date", raw_date)
        if given is None:
            reader.missing("year")
        else:
            reader.problem(field, f"expected a four-digit year, got {given!r}")
        return {"year": None, "month": None, "undated": False}
    return {"year": found.year, "month": _month(reader, found.month), "undated": False}


def _month(reader: EntryReader, month: int | None) -> int | None:
    raw_month = reader.raw("month")
    if not raw_month:
        return month
    month = month_field(raw_month)
    if month is None:
        message = f"expected a month such as 'jun' or 6, got {raw_month!r}"
        reader.problem("month", message, Severity.WARNING)
    return month


def _venue_fields(reader: EntryReader, place: Placed, status: str | None) -> dict[str, Any]:
    """venue, volume, number, pages, publisher, address, edition, note."""
    kind = place.kind
    venue = _venue(reader, kind, place.published_at, status)
    volume = _unless_only_status(reader.text("volume"), status)  # `volume = {In press}`
    pages = reader.text("pages")
    if kind is PubKind.PREPRINT and place.preprint:
        server = server_named(venue)
        arxiv = place.preprint.server == "arXiv"
        if venue and server is not None and server_only(venue, server):
            # "arXiv preprint arXiv:2103.04567": the arXiv id says it; without one, the name
            venue = None if place.preprint.arxiv_id else server.name
        if venue is None and not arxiv:
            venue = place.preprint.server
        if server is not None and server.name == "arXiv":
            volume = None  # DBLP: "CoRR, volume abs/2301.01234"
        if pages and pages.lower().startswith("arxiv"):
            pages = None  # ADS: pages = {arXiv:2606.31440}
    if kind in REQUIRED_VENUE and not venue and status not in FORTHCOMING:
        field = REQUIRED_VENUE[kind]
        reader.problem(field, f"no {field}: the entry is shown without a venue", Severity.WARNING)
    return {
        "venue": journal_name(venue) if kind is PubKind.JOURNAL and venue else venue,
        "volume": volume,
        "number": reader.text("number"),
        "pages": page_range(pages, reader.raw("year") or reader.raw("date")),
        "publisher": reader.text("publisher") if kind is not PubKind.BOOK else None,
        "address": reader.text("address", "location"),
        "edition": reader.text("edition"),
        "note": _unless_only_status(reader.text("note"), status),
    }


def _unless_only_status(text: str | None, status: str | None) -> str | None:
    """A note or volume, unless it only states the status ('accepted', 'In press.'): the CV
    prints the status in its own language instead."""
    return None if status and stated_alone(text) else text


def _venue(reader: EntryReader, kind: PubKind, published_at: str | None, status: str | None):
    fields = [f for f in VENUE_FIELDS.get(kind, ()) if not (published_at and f == "howpublished")]
    if kind is PubKind.PATENT:
        fields = [f for f in fields if f != "publisher"]  # Google Patents is no holder
    venue = reader.text(*fields) if fields else None
    if venue and status and status_in(venue):
        venue = venue_without_status(venue)
    if kind is PubKind.BOOK and (series := reader.text("booktitle")):  # Mendeley's LNCS @book
        venue = f"{series}, {venue}" if venue else series
    if venue is None:  # `journal = {\\joss}`, a journal macro cvgen does not know (warned)
        lone = next((_LONE_MACRO.match(reader.raw(f) or "") for f in fields if reader.raw(f)), None)
        venue = lone.group(1).upper() if lone else None
    return venue


def _links(reader: EntryReader, place: Placed) -> Links:
    """The entry's links, each repaired or left out with a warning (never the entry)."""
    found_url = next((u for u in reader.links if reader.checked_link(u)), None)
    url = _link(reader, "url") or reader.checked_link(place.published_at) or found_url
    arxiv = place.preprint.arxiv_id if place.preprint else None
    return Links(
        doi=place.doi,
        arxiv=arxiv,
        url=url,
        **{name: _link(reader, name) for name in URL_FIELDS},
    )


def _link(reader: EntryReader, name: str) -> str | None:
    """A link field, or its alias (pdf_url, code_url, html for url, ...)."""
    value = reader.link(name)
    if value or not reader.invented:
        return value
    for alias in bib_fields.ALIASES_OF.get(name, ()):
        if alias in reader.fields:
            return reader.link(alias)
    return None


def _aliased(reader: EntryReader, name: str) -> str | None:
    """A cvgen field, or the first alias of it the entry uses (impact_factor for impactfactor)."""
    value = reader.text(name)
    if value or not reader.invented:
        return value
    for alias in bib_fields.ALIASES_OF.get(name, ()):
        if alias in reader.fields:
            return reader.text(alias)
    return None


def _annotations(reader: EntryReader) -> dict[str, Any]:
    """Tags and cvgen's annotation fields (or the names people give them)."""
    keywords = _tags(_aliased(reader, "keywords"))
    al_folio_selected = (reader.raw("selected") or "").strip().lower() in bib_fields.TRUE_WORDS
    if al_folio_selected and "selected" not in {tag.casefold() for tag in keywords}:
        keywords.append("selected")
    return {
        "tags": keywords,
        "presentation": _flag_value(reader, "presentation"),
        "acceptance_rate": _aliased(reader, "acceptance"),
        "award": _aliased(reader, "award"),
        "impact_factor": _aliased(reader, "impactfactor"),
        "annotation": _aliased(reader, "cvnote"),
    }


def _tags(raw: str | None) -> list[str]:
    """Tags as written (`ERC` stays `ERC` on a website); a tag given twice in any case is one.
    Tags are separated by semicolons where any is (Zotero's MeSH headings hold commas:
    'Models, Neurological'), else by commas."""
    first: dict[str, str] = {}
    for tag in re.split(";" if raw and ";" in raw else ",", raw or ""):
        if tag.strip():
            first.setdefault(tag.strip().casefold(), tag.strip())
    return list(first.values())


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
