"""Who the CV is about: name, contact details, profiles and pronouns."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    AfterValidator,
    Field,
)

from cvgen.model.base import OrcidId, Strict, WebUrl, check_email
from cvgen.model.text import NonEmptyText, Text
from cvgen.util.dates import DateField

# --- person ---------------------------------------------------------------------------------


class Pronouns(Strict):
    """Used by the bio in third person; when absent the bio repeats the surname instead."""

    subject: str = Field(description="e.g. she, he, they")
    object: str = Field(description="e.g. her, him, them")
    possessive: str = Field(description="e.g. her, his, their")


class Person(Strict):
    name: NonEmptyText
    name_variants: list[str] = Field(
        default_factory=list,
        description="Other spellings of the name in author lists (initials, maiden name, "
        "another script); the canonical name and its initials are matched automatically.",
    )
    pronouns: Pronouns | None = None
    position: Text | None = None
    department: Text | None = None
    affiliation: Text | None = None
    address: Text | None = None
    email: Annotated[str, AfterValidator(check_email)] | None = None
    phone: str | None = None
    website: WebUrl | None = None
    orcid: OrcidId | None = None
    links: dict[str, WebUrl] = Field(
        default_factory=dict, description="Profile links, e.g. github, google_scholar, dblp."
    )
    # Personal details some national and institutional formats ask for: never printed unless
    # design.personal_details is true, never in the web page's data unless
    # design.personal_details_in_jsonld is true.
    birth_date: DateField | None = Field(
        default=None, description="Date of birth (printed only with design.personal_details)."
    )
    birth_place: Text | None = Field(
        default=None, description="Place of birth (printed only with design.personal_details)."
    )
    citizenship: list[Text] = Field(
        default_factory=list,
        description="Citizenships, e.g. [Israel, Germany] (printed only with "
        "design.personal_details).",
    )
    family_status: Text | None = Field(
        default=None,
        description="e.g. 'Married, three children' (printed only with design.personal_details).",
    )
    other_details: dict[str, Text] = Field(
        default_factory=dict,
        description="Further personal details as label: text, e.g. {Military service: 'IDF, "
        "1993-1996'} (printed only with design.personal_details).",
    )

    def personal_details(self) -> dict[str, object]:
        """The personal details given, as JSON data (empty when none are)."""
        return self.model_dump(mode="json", include=set(PERSONAL_FIELDS), exclude_defaults=True)


PERSONAL_FIELDS = ("birth_date", "birth_place", "citizenship", "family_status", "other_details")
