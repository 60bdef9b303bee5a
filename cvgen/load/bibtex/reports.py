"""What a whole .bib file showed, said once: each unknown macro, each macro standing for an
author, lines commented out inside entries, each unknown field, author lists separated by
commas. One warning each, at the first place seen, with how often."""

from __future__ import annotations

from cvgen.errors import Problem, Severity
from cvgen.load.bibtex.reader import FileState, Seen


def _count(seen: Seen) -> str:
    return f"{seen.count} entr{'ies' if seen.count != 1 else 'y'}"


def _unknown_macro(macro: str, seen: Seen) -> str:
    others = f" and {seen.count - 1} more entries" if seen.count > 1 else ""
    return (
        f"unknown LaTeX macro \\{macro} (here{others}): cvgen printed nothing for it and kept "
        f"any argument it has (a venue that is only this macro shows its name in capitals). To "
        f"say what it prints, define it in cv.yaml: publications: {{macros: {{{macro}: '...'}}}} "
        f"('#1' stands for its argument)"
    )


def _standalone(macro: str, seen: Seen, guessed: bool, owner: str | None) -> str:
    if guessed:
        what = f"it contains your surname, so it is read as {owner} ({_count(seen)})"
    else:
        what = f"that author is left out ({_count(seen)})"
    return (
        f"an author is the macro \\{macro}, which cvgen does not know; {what}. Define it in "
        f"cv.yaml: publications: {{macros: {{{macro}: 'Surname, Given'}}}}"
    )


COMMENTED = (
    "{count} line(s) inside entries start with %, which BibTeX does not read as a comment "
    "there; cvgen skipped them. Move them outside the entry"
)
COMMA_LIST = (
    "the author list separates names by commas ({count}), which BibTeX reads as one person "
    "'Last, Jr, First'; cvgen read each name between commas as an author. BibTeX needs "
    "`and` between authors: Ayşe Demir and Kerem Yılmazoğlu"
)


def file_reports(state: FileState) -> list[Problem]:
    """One warning per unknown macro, per macro standing for an author, per unknown field,
    and one for lines commented out inside entries and one for comma-separated lists."""
    notes: list[tuple[Seen, str]] = []
    for macro, seen in state.unknown_macros.items():
        notes.append((seen, _unknown_macro(macro, seen)))
    for macro, (seen, guessed) in state.standalone.items():
        notes.append((seen, _standalone(macro, seen, guessed, state.options.owner)))
    if state.commented:
        notes.append((state.commented, COMMENTED.format(count=state.commented.count)))
    for name, (seen, hint) in state.unknown_fields.items():
        message = (
            f"field `{name}` ({_count(seen)}) is not a BibTeX or cvgen field, so the CV does not "
            f"show it; {hint}"
        )
        notes.append((seen, message))
    if state.comma_lists:
        notes.append((state.comma_lists, COMMA_LIST.format(count=_count(state.comma_lists))))
    return [
        Problem(state.file, seen.line, seen.where, message, Severity.WARNING)
        for seen, message in notes
    ]
