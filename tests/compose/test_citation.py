"""How a publication reads in a CV (compose/citation.py): authors with their marks, the
reference, annotations and links in the CV's words, editors in a chapter's venue clause."""

from __future__ import annotations

import pytest

from cvgen.compose.citation import (
    annotation_text,
    author_spans,
    authors_spans,
    publication_links,
    reference_spans,
)
from cvgen.document import plain_text
from cvgen.model import Author, Links, PubKind, Publication
from cvgen.words import load_words
from tests.support.rendering import WORDS, reference


def chapter(*editors: str) -> Publication:
    return Publication(
        key="c",
        entry_type="incollection",
        kind=PubKind.CHAPTER,
        title="Sea ice",
        authors=[Author(first="Ana", last="Ruiz")],
        year=2017,
        venue="Sea Ice",
        editors=list(editors),
    )


@pytest.mark.parametrize(
    ("editors", "phrase"),
    [
        (["David N. Thomas"], "In Sea Ice (ed.\u00a0David N.\u00a0Thomas), 2017."),
        (
            ["David N. Thomas", "Gerhard Dieckmann"],
            "(eds.\u00a0David N.\u00a0Thomas, Gerhard Dieckmann)",
        ),
        ([], "In Sea Ice, 2017."),
    ],
)
def test_one_editor_is_ed_and_several_are_eds(editors: list[str], phrase: str) -> None:
    assert phrase in reference(chapter(*editors))


AUTHORS = [
    Author(first="A", last="Amos", is_self=True),
    Author(first="B", last="Lee", is_student=True, equal_contribution=True),
    Author(first="C", last="Kim"),
]


def test_an_author_is_bold_when_self_underlined_when_a_student_and_starred_when_equal() -> None:
    (self_span,) = author_spans(AUTHORS[0])
    assert (self_span.text, self_span.bold, self_span.mark) == ("A Amos", True, "self")
    name, star = author_spans(AUTHORS[1])
    assert (name.underline, name.mark, star.text, star.superscript) == (True, "student", "*", True)


def test_authors_are_joined_in_the_languages_words() -> None:
    assert plain_text(authors_spans(AUTHORS, WORDS)) == "A Amos, B Lee*, and C Kim"
    assert plain_text(authors_spans(AUTHORS[:2], WORDS)) == "A Amos and B Lee*"
    assert plain_text(authors_spans(AUTHORS, load_words("de"))) == "A Amos, B Lee* und C Kim"


def test_a_reference_reads_authors_title_venue_details_and_date() -> None:
    pub = chapter().model_copy(
        update={"kind": PubKind.JOURNAL, "venue": "J. Rivers", "volume": "3", "number": "2",
                "pages": "1–9", "authors": AUTHORS, "editors": []}
    )  # fmt: skip
    assert plain_text(reference_spans(pub, WORDS)) == (
        f"A Amos, B Lee*, and C Kim. {pub.title}. J. Rivers, 3(2), pp.\u00a01–9, {pub.year}."
    )


def test_annotations_and_links_in_the_cvs_words() -> None:
    pub = chapter().model_copy(
        update={"presentation": "Oral", "acceptance_rate": "21%", "impact_factor": "4.6",
                "links": Links(doi="10.1234/x", code="https://github.com/a/b")}
    )  # fmt: skip
    assert annotation_text(pub, WORDS) == "Oral, 21% acceptance, Impact factor 4.6"
    assert [(link.label, link.kind) for link in publication_links(pub.links, WORDS)] == [
        ("DOI", "doi"),
        ("Code", "code"),
    ]
