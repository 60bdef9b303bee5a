"""Who the CV is about (model/person.py): personal details only when given."""

from __future__ import annotations

from cvgen.model.person import PERSONAL_FIELDS, Person


def test_personal_details_are_only_those_given_as_json_data() -> None:
    person = Person(
        name="Dana Levi",
        email="dana@example.org",
        birth_date="1985-03",
        citizenship=["Israel", "Germany"],
        other_details={"Military service": "IDF, 2003–2006"},
    )
    assert person.personal_details() == {
        "birth_date": "1985-03",
        "citizenship": ["Israel", "Germany"],
        "other_details": {"Military service": "IDF, 2003–2006"},
    }
    assert Person(name="A").personal_details() == {}
    assert set(person.personal_details()) <= set(PERSONAL_FIELDS)
