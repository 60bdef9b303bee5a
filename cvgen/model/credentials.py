"""Certifications (board certifications, licences) and memberships of professional bodies:
standard sections of clinical and professional CVs, and facts bios and exports can use."""

from __future__ import annotations

from pydantic import Field, model_validator

from cvgen.model.base import Dated, ItemLanguage, Note, Strict
from cvgen.model.text import NonEmptyText, Text
from cvgen.util.dates import DateField


class Certification(Strict):
    """A board certification, a licence or a professional qualification."""

    name: NonEmptyText = Field(
        description="What it certifies: 'Board Certification in Neurology', 'Medical licence'.",
        examples=["Board Certification in Internal Medicine"],
    )
    issuer: Text | None = Field(
        default=None,
        description="Who issued it: 'American Board of Internal Medicine', 'General Medical "
        "Council'.",
        examples=["American Board of Internal Medicine"],
    )
    date: DateField | None = Field(default=None, description="When it was obtained.")
    end: DateField | None = Field(
        default=None, description="When it expired or expires, or present (no expiry)."
    )
    identifier: str | None = Field(
        default=None,
        description="Its number, as on the certificate: a licence or registration number.",
        examples=["GMC 7012345"],
    )
    language: ItemLanguage = None
    note: Note = None

    @model_validator(mode="after")
    def _end_not_before_date(self) -> Certification:
        if self.date and self.end and not self.end.present and self.end < self.date:
            raise ValueError(f"end: {self.end.iso()} is before date {self.date.iso()}")
        return self


class Membership(Dated):
    """Membership of a professional body, learned society or academy."""

    organization: NonEmptyText = Field(
        description="The body: 'Institute of Electrical and Electronics Engineers (IEEE)'.",
        examples=["American Academy of Neurology"],
    )
    role: Text | None = Field(
        default=None,
        description="Your grade or office in it, as the body names it: Member, Senior Member, "
        "Fellow, Vice President.",
        examples=["Fellow"],
    )
    start: DateField | None = Field(default=None, description="When you joined.")
    end: DateField | None = Field(default=None, description="When it ended, or present.")
    note: Note = None
