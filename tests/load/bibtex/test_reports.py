"""What a whole .bib file showed, said once (load/bibtex/reports.py): one warning per unknown
macro, per macro standing for an author, per unknown field, and one each for lines commented
out inside entries and for comma-separated author lists, at the first place seen."""

from __future__ import annotations

from cvgen.errors import Severity
from cvgen.load.bibtex.reader import BibOptions, EntryReader, FileState, Seen
from cvgen.load.bibtex.reports import file_reports
from tests.support.bib import entries, file_state, problem_messages


def seen(line: int, where: str, count: int = 1) -> Seen:
    found = Seen(line, where)
    found.count = count
    return found


def test_a_file_with_nothing_to_say_has_no_reports() -> None:
    assert file_reports(file_state()) == []


def test_each_unknown_macro_is_reported_once_with_how_often() -> None:
    state = file_state()
    state.unknown_macros = {"jcap": seen(12, "Planck_2018.journal", 3), "foo": seen(40, "k.title")}
    reports = file_reports(state)
    assert [(p.line, p.field, p.severity) for p in reports] == [
        (12, "Planck_2018.journal", Severity.WARNING),
        (40, "k.title", Severity.WARNING),
    ]
    assert reports[0].message == (
        "unknown LaTeX macro \\jcap (here and 2 more entries): cvgen printed nothing for it and "
        "kept any argument it has (a venue that is only this macro shows its name in capitals). "
        "To say what it prints, define it in cv.yaml: publications: {macros: {jcap: '...'}} "
        "('#1' stands for its argument)"
    )
    assert reports[1].message.startswith("unknown LaTeX macro \\foo (here): ")


def _with_owner(state: FileState) -> FileState:
    state.options = BibOptions(owner="Péter Sólymos")
    return state


def test_a_macro_standing_for_an_author() -> None:
    state = _with_owner(file_state())
    state.standalone = {
        "me": (seen(3, "a.author", 4), True),
        "coauthor": (seen(8, "b.author"), False),
    }
    assert problem_messages(file_reports(state)) == [
        "x.bib:3: a.author: warning: an author is the macro \\me, which cvgen does not know; it "
        "contains your surname, so it is read as Péter Sólymos (4 entries). Define it in cv.yaml: "
        "publications: {macros: {me: 'Surname, Given'}}",
        "x.bib:8: b.author: warning: an author is the macro \\coauthor, which cvgen does not know; "
        "that author is left out (1 entry). Define it in cv.yaml: publications: {macros: "
        "{coauthor: 'Surname, Given'}}",
    ]


def test_commented_lines_unknown_fields_and_comma_lists() -> None:
    state = file_state()
    state.commented = seen(5, "Moreau_2019", 2)
    state.unknown_fields = {"ccf": (seen(9, "a.ccf", 2), "cvgen's fields are listed in README")}
    state.comma_lists = seen(14, "b.author", 3)
    assert problem_messages(file_reports(state)) == [
        "x.bib:5: Moreau_2019: warning: 2 line(s) inside entries start with %, which BibTeX does "
        "not read as a comment there; cvgen skipped them. Move them outside the entry",
        "x.bib:9: a.ccf: warning: field `ccf` (2 entries) is not a BibTeX or cvgen field, so the "
        "CV does not show it; cvgen's fields are listed in README",
        "x.bib:14: b.author: warning: the author list separates names by commas (3 entries), "
        "which BibTeX reads as one person 'Last, Jr, First'; cvgen read each name between commas "
        "as an author. BibTeX needs `and` between authors: Ayşe Demir and Kerem Yılmazoğlu",
    ]


def test_a_macro_seen_in_two_entries_is_one_report_at_the_first() -> None:
    state = file_state()
    for bib in (
        "@article{Sólymos_2018,\n  journal={\\JStatSoftw}}",
        "@article{Sólymos_2020,\n  journal={\\JStatSoftw}}",
    ):
        EntryReader(entries(bib)[0], state, None).text("journal")
    reports = file_reports(state)
    assert [(p.line, p.field) for p in reports] == [(2, "Sólymos_2018.journal")]
    assert reports[0].message.startswith(
        "unknown LaTeX macro \\JStatSoftw (here and 1 more entries)"
    )
