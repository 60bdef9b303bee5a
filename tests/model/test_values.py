"""What people write, as the model's values (model/values.py): currencies and grant roles."""

from __future__ import annotations

import pytest

from cvgen.model.values import (
    ROLE_KINDS,
    currency_code,
    role_kind,
    service_category,
    standard_role,
)


def test_an_iso_code_passes_and_anything_else_names_the_code_to_use() -> None:
    assert currency_code("EUR") == "EUR" and currency_code(12) == 12
    for written, code in (("€", "EUR"), ("eur", "EUR"), ("NIS", "ILS"), ("yen", "JPY")):
        with pytest.raises(ValueError, match=f"use {code} for '{written}'"):
            currency_code(written)
    with pytest.raises(ValueError, match="AUD, CAD, NZD or SGD for other dollars"):
        currency_code("$")
    with pytest.raises(ValueError, match="'euros!' is not a currency code"):
        currency_code("euros!")


@pytest.mark.parametrize(
    ("role", "kind"),
    [
        ("Sole PI", "PI"),
        ("PI in a MAGNET consortium", "PI"),
        ("Co-PI", "co-PI"),
        ("co-principal investigator", "co-PI"),
        ("Co-investigator", "co-I"),
        ("Work package leader", "partner"),
        ("Senior personnel", "collaborator"),
        ("Mentor", None),
    ],
)
def test_a_free_text_role_has_the_kind_its_words_name(role: str, kind: str | None) -> None:
    assert role_kind(role) == kind


def test_only_a_role_written_as_a_kind_is_standard() -> None:
    assert [standard_role(k.upper()) for k in ROLE_KINDS] == list(ROLE_KINDS)
    assert standard_role(" pi ") == "PI" and standard_role("Sole PI") is None


@pytest.mark.parametrize(
    ("role", "organization", "category"),
    [
        ("Associate Editor", "Journal of Ecology", "editorial"),
        ("Program Committee Member", "NeurIPS", "organising"),
        ("Member", "Senate", "university"),
        ("Treasurer", "Some Society", "professional"),
    ],
)
def test_service_categories_from_words(role, organization, category):
    assert service_category(role, organization) == category
