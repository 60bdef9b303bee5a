"""Certifications and memberships as sections (compose/credentials.py): the issuer and the
number in the CV's words, the period, the note; a membership's body before one's grade."""

from __future__ import annotations

import datetime as dt

from cvgen.compose.context import Context, Settings
from cvgen.compose.credentials import (
    certification_entry,
    certifications,
    membership_entry,
    memberships,
)
from cvgen.document import plain_text
from cvgen.model import CV, Certification, CvData, Membership, Person
from cvgen.words import load_words

TODAY = dt.date(2025, 6, 1)
BOARD = Certification(
    name="Board Certification in Neurology",
    issuer="ABPN",
    identifier="12345",
    date="2006",
    end="2026",
    note="renewed yearly",
)
IEEE = Membership(organization="IEEE", role="Senior Member", start="2010", end="present")


def context(language: str = "en") -> Context:
    return Context(Settings(words=load_words(language), today=TODAY))


def test_a_certification_names_its_issuer_number_period_and_note() -> None:
    entry = certification_entry(context(), BOARD)
    assert plain_text(entry.title) == "Board Certification in Neurology"
    assert plain_text(entry.qualifiers) == "ABPN, no.\u00a012345"
    assert entry.when == "2006 – 2026"
    assert [plain_text(line) for line in entry.details] == ["Renewed yearly."]


def test_the_number_is_worded_in_the_cvs_language() -> None:
    entry = certification_entry(context("de"), BOARD)
    assert plain_text(entry.qualifiers) == "ABPN, Nr.\u00a012345"


def test_a_bare_certification_is_its_name_alone() -> None:
    entry = certification_entry(context(), Certification(name="Medical licence"))
    assert plain_text(entry.title) == "Medical licence"
    assert plain_text(entry.qualifiers) == "" and entry.when == "" and entry.details == []


def test_a_membership_is_the_body_then_the_grade() -> None:
    entry = membership_entry(context(), IEEE)
    assert (plain_text(entry.title), plain_text(entry.qualifiers)) == ("IEEE", "Senior Member")
    assert entry.when == "2010 – present"


def test_each_section_is_one_plain_group_newest_first_or_nothing() -> None:
    older = Certification(name="Medical licence", date="2001")
    data = CvData(person=Person(name="Ada"), certifications=[older, BOARD], memberships=[IEEE])
    cv = CV(data=data)
    [group] = certifications(cv, context())
    assert group.heading is None
    assert [plain_text(e.title) for e in group.entries] == [BOARD.name, "Medical licence"]
    assert [plain_text(e.title) for g in memberships(cv, context()) for e in g.entries] == ["IEEE"]
    empty = CV(data=CvData(person=Person(name="Ada")))
    assert certifications(empty, context()) == [] and memberships(empty, context()) == []
