"""Who the CV is about: name, contact details, profiles and pronouns."""

from __future__ import annotations

import re

from pydantic import (
    Field,
)

from cvgen.model.base import Email, OrcidId, SiteFile, Strict, WebUrl
from cvgen.model.text import NonEmptyText, Text
from cvgen.util.dates import DateField

# --- person ---------------------------------------------------------------------------------


class Pronouns(Strict):
    """Used by the bio in third person; when absent the bio repeats the surname instead."""

    subject: str = Field(description="e.g. she, he, they")
    object: str = Field(description="e.g. her, him, them")
    possessive: str = Field(description="e.g. her, his, their")


class Person(Strict):
    name: NonEmptyText = Field(
        description="Your name as printed, without title or letters after it (see title and "
        "postnominals)."
    )
    title: Text | None = Field(
        default=None,
        description="The title before the name, as you write it: Prof., Dr, Prof. Dr.; placed "
        "by the theme in the header, used by the bio and in the PDF and Word properties.",
        examples=["Prof."],
    )
    postnominals: Text | None = Field(
        default=None,
        description="Letters after the name, as you write them: 'MD, PhD', 'FRS'; placed by "
        "the theme after the name in the header, used by the bio and the document properties.",
        examples=["MD, PhD"],
    )
    name_variants: list[str] = Field(
        default_factory=list,
        description="Other spellings of the name in author lists (initials, maiden name, "
        "another script); the canonical name and its initials are matched automatically.",
    )
    pronouns: Pronouns | None = None
    position: Text | None = Field(
        default=None,
        description="Your current post as the header prints it: 'Professor of Neurology'.",
    )
    department: Text | None = None
    affiliation: Text | None = None
    address: Text | None = None
    email: Email | None = None
    phone: str | None = None
    website: WebUrl | None = None
    orcid: OrcidId | None = None
    links: dict[str, WebUrl] = Field(
        default_factory=dict, description="Profile links, e.g. github, google_scholar, dblp."
    )
    photo: SiteFile | None = Field(
        default=None,
        description="Your picture on a lab site's team page: a file name in the site's "
        "pictures folder, e.g. milan.jpg.",
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

    def titled_name(self) -> tuple[str | None, str | None]:
        """(title, postnominals) as they may be added to the name: None where the name
        already holds them ('Prof. Jane Doe' with title 'Prof.'), so they are never doubled."""
        name = " ".join(self.name.casefold().split())
        title, letters = self.title, self.postnominals
        if title and (name + " ").startswith(" ".join(title.casefold().split()) + " "):
            title = None
        if letters and re.search(rf"[\s,]{re.escape(' '.join(letters.casefold().split()))}$", name):
            letters = None
        return title, letters

    def personal_details(self) -> dict[str, object]:
        """The personal details given, as JSON data (empty when none are)."""
        return self.model_dump(mode="json", include=set(PERSONAL_FIELDS), exclude_defaults=True)


PERSONAL_FIELDS = ("birth_date", "birth_place", "citizenship", "family_status", "other_details")
