"""The model's building blocks (model/base.py): strict frozen models, safe links, e-mails,
ORCID iDs with their checksum, and periods whose end is not before their start."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cvgen.model import Person
from cvgen.model.base import Dated, Strict, check_email


def test_unknown_keys_are_errors_and_models_cannot_change() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Dated(start="2020", finish="2021")
    period = Dated(start="2020")
    with pytest.raises(ValidationError):
        period.start = None  # type: ignore[misc]
    assert issubclass(Person, Strict)


def test_a_period_ends_after_it_starts_and_present_is_ongoing() -> None:
    with pytest.raises(ValidationError, match="end: 2019 is before start 2020"):
        Dated(start="2020", end="2019")
    assert Dated(start="2020", end="present").ongoing
    assert not Dated(start="2020", end="2021").ongoing and not Dated().ongoing


def test_email_addresses_are_checked_and_trimmed() -> None:
    assert check_email(" ada@example.org ") == "ada@example.org"
    with pytest.raises(ValueError, match="'ada at example' is not an email address"):
        check_email("ada at example")


def test_orcid_ids_from_a_url_pass_their_checksum_and_a_typo_does_not() -> None:
    person = Person(name="A", orcid="https://orcid.org/0000-0002-1825-0097")
    assert person.orcid == "0000-0002-1825-0097"
    with pytest.raises(ValidationError, match="fails the ORCID checksum"):
        Person(name="A", orcid="0000-0002-1825-0098")


def test_a_website_needs_its_scheme_and_any_link_must_be_safe() -> None:
    with pytest.raises(ValidationError, match=r"needs its scheme, e\.g\. 'https://www\.x\.edu'"):
        Person(name="A", website="www.x.edu")
    with pytest.raises(ValidationError, match="is not a safe link"):
        Person(name="A", links={"home": "javascript:alert(1)"})
