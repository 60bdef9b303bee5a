"""An entry's people: its authors (or, for an edited volume or a manual, its editors or its
organisation), who contributed equally, and the editors a CV prints."""

from __future__ import annotations

from cvgen.errors import Severity
from cvgen.load.bibtex.kinds import ORGANISATION_AUTHORED
from cvgen.load.bibtex.names import PersonReading, read_persons
from cvgen.load.bibtex.reader import BibOptions, EntryReader, Seen
from cvgen.model import Author, PubKind


def persons(reader: EntryReader, name: str) -> list[Author]:
    """The authors (or editors) of a field, with what their reading noticed reported."""
    raw = reader.raw(name)
    if not raw:
        return []
    state = reader.state
    field = read_persons(raw, state.names)
    if field.comma_list:
        if state.comma_lists is None:
            state.comma_lists = Seen(reader.line_of(name), reader.where(name))
        else:
            state.comma_lists.count += 1
    authors: list[Author] = []
    repeated = 0
    for position, person in enumerate(field.persons, 1):
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
        if authors and _same_person(authors[-1], person.author):
            repeated += 1
            continue
        authors.append(_with_marks(person.author, state.options))
    if repeated:
        message = f"{repeated} {name}(s) repeat the name before them; each is listed once"
        reader.problem(name, message, Severity.WARNING)
    return authors


def _same_person(before: Author, author: Author) -> bool:
    """An exporter's doubling ('Mansour Abdoli and Mansour Abdoli'), not two people."""
    mine = (author.first, author.von, author.last, author.jr)
    return bool(author.first) and (before.first, before.von, before.last, before.jr) == mine


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


def authors_of(reader: EntryReader, kind: PubKind) -> tuple[list[Author], bool]:
    """The authors, with equal contribution marked, and whether they are the editors of the
    volume (a book without an author)."""
    authors = persons(reader, "author") if reader.fields.get("author") is not None else []
    edited = False
    if not authors:
        edited = kind is PubKind.BOOK and reader.fields.get("editor") is not None
        authors = _authors_instead(reader, kind)
        edited = edited and bool(authors)
    equal = _equal_contribution(reader, len(authors))
    if equal:
        authors = [
            a.model_copy(update={"equal_contribution": True}) if i in equal else a
            for i, a in enumerate(authors)
        ]
    return authors, edited


def _authors_instead(reader: EntryReader, kind: PubKind) -> list[Author]:
    """Who to list when `author` is missing: a book's editors, an organisation for a manual or a
    website; otherwise the field is required."""
    if kind in (PubKind.BOOK, PubKind.OTHER) and reader.fields.get("editor") is not None:
        editors = persons(reader, "editor")
        if editors:
            return editors
    organisation = reader.text("organization", "institution")
    if organisation and reader.entry.entry_type.lower() in ORGANISATION_AUTHORED:
        return [Author(last=organisation)]
    if kind is PubKind.OTHER:
        reader.problem("author", "no author, editor or organization", Severity.WARNING)
    else:
        reader.missing("author")
    return []


def editors_of(reader: EntryReader, kind: PubKind, authors: list[Author], edited: bool):
    """The editors a CV prints: a chapter's, and those of any entry the researcher edited
    without being among its authors (so their name is there to mark)."""
    if edited or reader.fields.get("editor") is None:
        return []
    if kind is PubKind.CHAPTER:
        return persons(reader, "editor")
    names = reader.state.names
    if not names.owner_surnames or any(names.could_be_owner(a) for a in authors):
        return []
    editors = persons(reader, "editor")
    return editors if any(names.could_be_owner(e) for e in editors) else []


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
