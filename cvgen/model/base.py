"""Shared building blocks of the model: strict frozen models, checked URLs, e-mails and
ORCID iDs, currencies, and the period every dated item has."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from cvgen.model.memory import share_fields_set
from cvgen.model.text import Text
from cvgen.model.values import currency_code
from cvgen.util.dates import DateField
from cvgen.util.ids import orcid_id


class Strict(BaseModel):
    """Base for every model: immutable, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    @model_validator(mode="after")
    def _share_fields_set(self) -> Strict:
        share_fields_set(self)  # a 50,000-entry library holds 100,000 of these sets
        return self


_SAFE_URL = re.compile(r"^(https?://|mailto:|doi:|/|\./|\.\./|#)|^[\w.%-]+(/[^:]*)?$", re.I)


def check_url(value: str) -> str:
    """Only http(s), mailto, doi and relative links reach an output; `javascript:` never does."""
    value = value.strip()
    if not _SAFE_URL.match(value) or any(ch in value for ch in "\n\r\t\x00<>\"'` "):
        hint = " (write a space as %20)" if " " in value else ""
        raise ValueError(
            f"{value!r} is not a safe link: use http(s)://, mailto:, doi: or a relative path{hint}"
        )
    return value


# What editors check (cv.schema.json); the validators above say why a value is refused.
_FORBIDDEN = "[^\\s<>\"'`]"
URL_SCHEMA = {
    "type": "string",
    "pattern": rf"^((https?://|mailto:|doi:|/|\./|\.\./|#){_FORBIDDEN}*|[\w.%-]+(/[^:\s<>\"'`]*)?)$",
    "description": "A link: http(s)://, mailto:, doi: or a path relative to the page.",
}
WEB_URL_SCHEMA = {
    "type": "string",
    "pattern": rf"^https?://{_FORBIDDEN}+$",
    "format": "uri",
    "description": "A web address with its scheme: https://...",
}
Url = Annotated[str, AfterValidator(check_url), WithJsonSchema(URL_SCHEMA)]


def _check_web_url(value: str) -> str:
    """A person's website or profile must be absolute: 'www.x.edu' would become a broken
    relative link."""
    value = check_url(value)
    if not value.lower().startswith(("http://", "https://")):
        raise ValueError(f"{value!r} needs its scheme, e.g. 'https://{value.lstrip('/')}'")
    return value


WebUrl = Annotated[str, AfterValidator(_check_web_url), WithJsonSchema(WEB_URL_SCHEMA)]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_email(value: str) -> str:
    if not _EMAIL.match(value.strip()):
        raise ValueError(f"{value!r} is not an email address (name@example.org)")
    return value.strip()


Email = Annotated[
    str,
    AfterValidator(check_email),
    WithJsonSchema({"type": "string", "format": "email", "pattern": _EMAIL.pattern}),
]


_ORCID = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


def _check_orcid(value: str) -> str:
    """ORCID iDs end in an ISO 7064 MOD 11-2 check digit; a typo almost always breaks it."""
    if not _ORCID.match(value):
        raise ValueError(
            f"{value!r} is not an ORCID iD: write four groups of four digits, the last "
            "character a digit or X, such as 0000-0002-1825-0097"
        )
    digits = value.replace("-", "")
    total = 0
    for digit in digits[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    if digits[-1] != ("X" if check == 10 else str(check)):
        raise ValueError(f"{value!r} fails the ORCID checksum; check for a typo")
    return value


NonEmpty = Annotated[str, Field(min_length=1)]
# A picture's file name in a site's own folder (team pages): no folders, no scheme.
SiteFile = Annotated[str, Field(pattern=r"^[\w][\w .()+-]*\.[A-Za-z0-9]{2,5}$", max_length=120)]
Note = Annotated[
    Text | None,
    Field(description="A remark printed after the item as a sentence: 'By invitation only'."),
]
Currency = Annotated[str, BeforeValidator(currency_code), Field(pattern=r"^[A-Z]{3}$")]
CURRENCY_DESCRIPTION = (
    "ISO 4217 code of the amount: EUR, USD, GBP, CHF, ILS, ... (not a symbol such as €)."
)
OrcidId = Annotated[
    str,
    BeforeValidator(lambda v: orcid_id(v) if isinstance(v, str) and "orcid.org" in v else v),
    AfterValidator(_check_orcid),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^(https://orcid\.org/)?\d{4}-\d{4}-\d{4}-\d{3}[\dX]$",
            "description": "An ORCID iD: four groups of four digits, the last character a "
            "check digit or X (0000-0002-1825-0097).",
        }
    ),
]


ItemLanguage = Annotated[
    str | None,
    Field(
        description="The language the item is written in, where it is not the CV's (he, "
        "Hebrew, de, German): outputs mark it and set it in its own direction. Left out, "
        "its script tells (Hebrew letters are Hebrew; Latin ones in a CV of another script "
        "are English)."
    ),
]


class Dated(Strict):
    """Anything that happened over a period; `end: present` means ongoing."""

    start: DateField | None = None
    end: DateField | None = None
    language: ItemLanguage = None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Dated:
        if self.start and self.end and not self.end.present and self.end < self.start:
            raise ValueError(f"end: {self.end.iso()} is before start {self.start.iso()}")
        return self

    @property
    def ongoing(self) -> bool:
        return self.end is not None and self.end.present

    def current_on(self, day: dt.date) -> bool:
        """Held on `day`: begun by then (or undated), and ongoing or ending after it."""
        begun = self.start is None or not self.start.after(day)
        return begun and self.end is not None and (self.end.present or self.end.after(day))
