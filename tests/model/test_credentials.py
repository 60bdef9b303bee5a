"""Certifications and memberships (model/credentials.py): what each keeps, and the dates and
names cv.yaml's reader refuses, at their place."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from cvgen.load.cv_yaml import load_cv_yaml
from cvgen.model.credentials import Certification, Membership


def test_a_certification_keeps_its_issuer_number_and_period() -> None:
    item = Certification(name="Board Certification in Neurology", issuer="ABPN",
                         identifier="12345", date="2006-05", end="2026")  # fmt: skip
    assert (item.date.year, item.date.month, item.end.year) == (2006, 5, 2026)
    assert Certification(name="Licence", date="2006", end="present").end.present


def test_a_membership_is_dated_like_any_entry() -> None:
    item = Membership(organization="IEEE", role="Senior Member", start="2010")
    assert item.start.year == 2010 and item.end is None and item.role == "Senior Member"


@pytest.mark.parametrize(
    ("model", "fields", "expected"),
    [
        (Certification, {"name": "B", "date": "2010", "end": "2005"},
         "end: 2005 is before date 2010"),
        (Certification, {"name": ""}, "at least 1 character"),
        (Certification, {"name": "B", "expires": "2030"}, "Extra inputs are not permitted"),
        (Membership, {"organization": "IEEE", "start": "2010", "end": "2005"},
         "end: 2005 is before start 2010"),
        (Membership, {"role": "Fellow"}, "organization"),
    ],
)  # fmt: skip
def test_bad_credentials_are_refused(model, fields: dict, expected: str) -> None:
    with pytest.raises(ValidationError, match=expected):
        model(**fields)


def test_cv_yaml_names_the_line_and_field_of_a_bad_credential(tmp_path: Path) -> None:
    path = tmp_path / "cv.yaml"
    path.write_text(
        "person: {name: Ada}\n"
        "certifications:\n  - {name: Board, date: 2010, end: 2005}\n"
        "memberships:\n  - {role: Fellow}\n",
        encoding="utf-8",
    )
    data, problems = load_cv_yaml(path)
    assert data is None
    assert [(p.field, p.line, p.message) for p in problems] == [
        ("certifications[0].end", 3, "2005 is before date 2010"),
        (
            "memberships[0].organization",
            5,
            "required field is missing: add organization: (the body: 'Institute of Electrical "
            "and Electronics Engineers (IEEE)')",
        ),
    ]
