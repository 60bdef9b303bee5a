"""An entry's people (load/bibtex/persons.py): authors, a doubled name listed once, biblatex's
`author+an` equal contribution, editors or an organisation when no author is given, and the
editors a CV prints."""

from __future__ import annotations

from cvgen.load.bibtex.names import NameContext
from cvgen.load.bibtex.persons import authors_of, editors_of, persons
from cvgen.load.bibtex.reader import BibOptions, EntryReader, FileState
from cvgen.model import PubKind
from tests.support.bib import entries, file_state, problem_messages


def reader(bib: str, state: FileState | None = None) -> EntryReader:
    return EntryReader(entries(bib)[0], state or file_state(), None)


def test_authors_are_read_and_a_doubled_name_is_listed_once() -> None:
    entry = reader("@article{a, author={Abdoli, Mansour and Abdoli, Mansour and Smit, Jan}}")
    authors, edited = authors_of(entry, PubKind.JOURNAL)
    assert [a.display for a in authors] == ["Mansour Abdoli", "Jan Smit"] and not edited
    assert problem_messages(entry.problems) == [
        "x.bib:1: a.author: warning: 1 author(s) repeat the name before them; each is listed once"
    ]


def test_and_and_is_read_as_one_and_with_a_warning() -> None:
    entry = reader("@article{a, author={Smith, J. and  and Doe, A.}}")
    assert [a.display for a in persons(entry, "author")] == ["J. Smith", "A. Doe"]
    assert problem_messages(entry.problems) == [
        "x.bib:1: a.author: warning: author 2 ('A. Doe') comes after `and and`; cvgen read one "
        "`and`; check the field"
    ]


def test_biblatex_equal_contribution_annotations() -> None:
    entry = reader(
        "@article{a, author={Lew, Matthew D. and Diezmann, Alexander and Moerner, W. E.},"
        " author+an={1=equal; 2=equal}}"
    )
    authors, _ = authors_of(entry, PubKind.JOURNAL)
    assert [a.equal_contribution for a in authors] == [True, True, False]
    assert entry.problems == []


def test_bad_equal_contribution_annotations_are_reported() -> None:
    entry = reader(
        "@article{a, author={Lew, Matthew D. and Diezmann, Alexander},"
        " author+an={1=equal; 5=equal; x=highlight}}"
    )
    authors, _ = authors_of(entry, PubKind.JOURNAL)
    assert [a.equal_contribution for a in authors] == [True, False]
    assert problem_messages(entry.problems) == [
        "x.bib:1: a.author+an: '5=equal' does not name an author 1..2",
        "x.bib:1: a.author+an: 'x=highlight' does not name an author 1..2",
        "x.bib:1: a.author+an: warning: only one author marked equal",
    ]


def test_a_star_is_equal_contribution_unless_cv_yaml_gives_it_another_meaning() -> None:
    bib = "@article{a, author={Lew*, Matthew D. and Moerner, W. E.}}"
    lew = persons(reader(bib), "author")[0]
    assert lew.equal_contribution and lew.marks == ()
    state = file_state()
    state.options = BibOptions(star_means_equal=False)
    lew = persons(reader(bib, state), "author")[0]
    assert not lew.equal_contribution and lew.marks == ("*",)


def test_a_book_without_author_is_by_its_editors() -> None:
    entry = reader("@book{a, editor={Smith, J. and Doe, A.}, title={T}}")
    authors, edited = authors_of(entry, PubKind.BOOK)
    assert [a.display for a in authors] == ["J. Smith", "A. Doe"] and edited
    assert editors_of(entry, PubKind.BOOK, authors, edited) == []  # not printed twice


def test_a_manual_without_author_is_by_its_organisation() -> None:
    entry = reader("@manual{a, organization={R Core Team}, title={R}}")
    authors, edited = authors_of(entry, PubKind.OTHER)
    assert [a.display for a in authors] == ["R Core Team"] and not edited


def test_no_author_is_an_error_for_an_article_and_a_warning_for_other_work() -> None:
    article = reader("@article{a, title={R}}")
    assert authors_of(article, PubKind.JOURNAL) == ([], False)
    assert problem_messages(article.problems) == ["x.bib:1: a.author: required field is missing"]
    other = reader("@misc{a, title={R}}")
    assert authors_of(other, PubKind.OTHER) == ([], False)
    assert problem_messages(other.problems) == [
        "x.bib:1: a.author: warning: no author, editor or organization"
    ]


def test_a_chapter_prints_its_editors() -> None:
    entry = reader("@incollection{a, author={Roy, J.-P.}, editor={Smith, J. and Doe, A.}}")
    authors, _ = authors_of(entry, PubKind.CHAPTER)
    assert [e.display for e in editors_of(entry, PubKind.CHAPTER, authors, False)] == [
        "J. Smith",
        "A. Doe",
    ]


def test_other_work_prints_its_editors_only_when_the_researcher_edited_it() -> None:
    state = file_state()
    state.names = NameContext(owner="Péter Sólymos", owner_surnames=("solymos",))
    bib = "@book{a, author={%s}, editor={Sólymos, Péter and Doe, A.}, title={R}}"
    by_others = reader(bib % "Smith, J.", state)
    authors, _ = authors_of(by_others, PubKind.BOOK)
    assert [e.display for e in editors_of(by_others, PubKind.BOOK, authors, False)] == [
        "Péter Sólymos",
        "A. Doe",
    ]
    own = reader(bib % "Sólymos, P.", state)  # the researcher is an author: nothing to add
    authors, _ = authors_of(own, PubKind.BOOK)
    assert editors_of(own, PubKind.BOOK, authors, False) == []


def test_comma_separated_lists_are_counted_for_one_report() -> None:
    state = file_state()
    first = reader("@article{a, author={Ayşe Demir, Kerem Yılmazoğlu, Selin Acar}}", state)
    assert [a.display for a in persons(first, "author")] == [
        "Ayşe Demir",
        "Kerem Yılmazoğlu",
        "Selin Acar",
    ]
    persons(reader("@article{b, author={R. Hale, T. Moss, and J. Oduya}}", state), "author")
    assert state.comma_lists is not None
    assert (state.comma_lists.line, state.comma_lists.where, state.comma_lists.count) == (
        1,
        "a.author",
        2,
    )
