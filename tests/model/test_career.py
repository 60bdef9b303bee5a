"""The career sections of cv.yaml (model/career.py): every field of issue 16, compound amounts,
roles that need a kind, students whose status needs dates."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cvgen.model import CV, CustomEntry, Talk
from cvgen.model.career import Award, Grant, GrantRole, Student
from tests.support.clinician import DESIGN_FIELDS, NEW_FIELDS


def test_the_clinician_uses_every_field_issue_16_added(clinician_cv: CV) -> None:
    data = clinician_cv.data
    for section, names in NEW_FIELDS.items():
        items = [data.person] if section == "person" else getattr(data, section)
        for name in names:
            default = type(items[0]).model_fields[name].get_default(call_default_factory=True)
            assert any(getattr(item, name) != default for item in items), (section, name)
    assert all(getattr(data.design, name) for name in DESIGN_FIELDS)
    assert any(talk.title is None for talk in data.talks)
    assert {talk.kind.value for talk in data.talks} >= {"colloquium", "panel", "tutorial", "other"}
    assert any(student.start is None for student in data.students)
    assert {award.stage for award in data.awards} >= {"postdoc", "faculty", None}
    assert any(grant.role_kind and grant.role != grant.role_kind.value for grant in data.grants)
    entries = [entry for section in data.custom.values() for entry in section.entries]
    for name in CustomEntry.model_fields:
        assert any(getattr(entry, name) for entry in entries), name
    headings = [section.heading for section in data.custom.values()]
    assert any(isinstance(h, str) for h in headings) and any(isinstance(h, dict) for h in headings)


@pytest.mark.parametrize(
    "role, kind",
    [
        ("PI", "PI"), ("Sole PI", "PI"), ("PI in a MAGNET consortium", "PI"),
        ("Principal investigator", "PI"), ("Co-PI", "co-PI"),
        ("co-principal investigator", "co-PI"),
        ("Co-investigator", "co-I"), ("co-I", "co-I"), ("Work package leader", "partner"),
        ("Collaborator", "collaborator"),
    ],
)  # fmt: skip
def test_a_free_text_grant_role_has_its_kind(role: str, kind: str) -> None:
    assert Grant(title="G", funder="F", role=role).role_kind == kind


def test_talk_series_and_invitations_need_no_title() -> None:
    talk = Talk(event="Departmental seminars", date="2012", end="2024", count=22, kind="seminar")
    assert talk.title is None and talk.count == 22
    with pytest.raises(ValueError, match="end: 2010 is before date 2012"):
        Talk(event="E", date="2012", end="2010")


def test_award_amounts_compound_per_year_and_in_kind() -> None:
    award = Award(
        name="A", amount=45000, currency="USD", per="year", amounts=[{"in_kind": "Travel"}]
    )
    assert [(p.amount, p.per, p.in_kind) for p in award.amount_parts] == [
        (45000, "year", None),
        (None, None, "Travel"),
    ]
    with pytest.raises(ValueError, match="an amount part needs an amount or in_kind"):
        Award(name="A", amounts=[{"currency": "EUR"}])


def test_a_compound_amount_lists_its_parts_top_level_first() -> None:
    award = Award(
        name="Prize",
        amount=10000,
        currency="EUR",
        per="year",
        amounts=[{"in_kind": "Cluster time"}, {"amount": 500, "currency": "USD"}],
    )
    parts = [(p.amount, p.currency, p.per, p.in_kind) for p in award.amount_parts]
    assert parts == [
        (10000, "EUR", "year", None),
        (None, None, None, "Cluster time"),
        (500, "USD", None, None),
    ]
    assert Award(name="Medal").amount_parts == []


def test_an_amount_part_must_say_something_and_a_sum_is_never_negative() -> None:
    with pytest.raises(ValidationError, match="needs an amount or in_kind"):
        Award(name="P", amounts=[{"currency": "EUR"}])
    with pytest.raises(ValidationError):
        Award(name="P", amount=-1, currency="EUR")


def test_a_grant_role_nobody_can_classify_asks_for_its_kind() -> None:
    with pytest.raises(ValidationError, match="cannot tell what kind of role 'Mentor' is"):
        Grant(title="T", funder="F", role="Mentor")
    grant = Grant(title="T", funder="F", role="Mentor", role_kind="collaborator")
    assert grant.role_kind == GrantRole.COLLABORATOR


def test_a_students_status_needs_its_dates() -> None:
    with pytest.raises(ValidationError, match="a completed student needs an 'end' date"):
        Student(name="S", level="phd", status="completed", start="2018")
    with pytest.raises(ValidationError, match="a current student needs a start date"):
        Student(name="S", level="phd", status="current")
    assert Student(name="S", level="msc", status="left").end is None
