"""Sections cv.yaml defines itself (memberships, software, languages, ...)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    model_validator,
)

from cvgen.model.base import Dated, Note, Strict, Url
from cvgen.model.career import Tags
from cvgen.model.text import NonEmptyText, Text
from cvgen.util.dates import DateField

# --- custom sections ------------------------------------------------------------------------


class CustomEntry(Dated):
    """One item of a section of your own: a membership, a dataset, a career break, ..."""

    start: DateField | None = Field(default=None, description="When it began (with end).")
    end: DateField | None = Field(default=None, description="When it ended, or present.")
    title: NonEmptyText = Field(description="What it is: 'Senior Member', 'Parental leave', ...")
    organization: Text | None = Field(default=None, description="e.g. IEEE, GitHub, Zenodo.")
    location: Text | None = Field(default=None, description="A place, e.g. 'Haifa, Israel'.")
    date: DateField | None = Field(default=None, description="A single date, instead of start/end.")
    details: Annotated[list[Text], BeforeValidator(lambda v: [v] if isinstance(v, str) else v)] = (
        Field(default_factory=list, description="Sentences printed under the entry.")
    )
    note: Note = None
    url: Url | None = Field(default=None, description="Its web page (shown as 'Web').")
    links: dict[str, Url] = Field(
        default_factory=dict, description="Labelled links, e.g. {code: https://..., video: ...}."
    )
    tags: Tags = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_kind_of_date(self) -> CustomEntry:
        if self.date and (self.start or self.end):
            raise ValueError("date: give either date or start/end, not both")
        return self


_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}([-_][A-Za-z0-9]+)*$")


def _language_keys(heading: str | dict[str, str] | None) -> str | dict[str, str] | None:
    if isinstance(heading, dict):
        for code in heading:
            if not _LANGUAGE_CODE.match(code):
                raise ValueError(
                    f"{code!r} is not a language code: key each heading by its language's "
                    "code, e.g. {en: Memberships, de: Mitgliedschaften, he: חברות}"
                )
    return heading


class CustomSection(Strict):
    """A section cv.yaml has no key for, listed in `sections:` by its id."""

    heading: Annotated[str | dict[str, str] | None, AfterValidator(_language_keys)] = Field(
        default=None,
        description="The heading, or one per language: {en: Memberships, de: Mitgliedschaften} "
        "(the CV's language is chosen, else English, else the first) [default: from the id].",
    )
    entries: list[CustomEntry] = Field(
        default_factory=list,
        description="Its items: title, organization, location, start/end or date, details, "
        "note, url, links, tags.",
    )

    def heading_in(self, language: str, section_id: str) -> str:
        """The heading in `language` (its base language, English, the first one given)."""
        if isinstance(self.heading, str):
            return self.heading
        given = self.heading or {}
        for code in (language, language.split("-")[0].split("_")[0], "en"):
            if code in given:
                return given[code]
        return next(iter(given.values()), section_id.replace("_", " ").capitalize())
