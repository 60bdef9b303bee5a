"""Sections cv.yaml defines itself (model/custom.py): headings per language, entries dated once."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cvgen.model.custom import CustomEntry, CustomSection

HEADINGS = {"en": "Memberships", "de": "Mitgliedschaften", "he": "חברות"}


def test_the_heading_is_the_cvs_language_then_its_base_then_english_then_the_first() -> None:
    section = CustomSection(heading=HEADINGS)
    assert section.heading_in("de", "memberships") == "Mitgliedschaften"
    assert section.heading_in("de-AT", "memberships") == "Mitgliedschaften"
    assert section.heading_in("fr", "memberships") == "Memberships"
    assert CustomSection(heading={"he": "חברות"}).heading_in("fr", "x") == "חברות"
    assert CustomSection(heading="Mine").heading_in("de", "x") == "Mine"


def test_without_a_heading_the_id_is_one() -> None:
    assert CustomSection().heading_in("en", "career_breaks") == "Career breaks"


def test_headings_are_keyed_by_language_codes() -> None:
    with pytest.raises(ValidationError, match="'English' is not a language code"):
        CustomSection(heading={"English": "Memberships"})


def test_an_entry_has_a_date_or_a_period_and_details_may_be_one_sentence() -> None:
    with pytest.raises(ValidationError, match="give either date or start/end, not both"):
        CustomEntry(title="Leave", date="2020", start="2019")
    assert CustomEntry(title="Member", details="Since forever.").details == ["Since forever."]
