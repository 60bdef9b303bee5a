"""The career sections of cv.yaml: degrees, appointments, teaching, service, awards, grants,
students, talks and press."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    Field,
    model_validator,
)

from cvgen.model.base import (
    CURRENCY_DESCRIPTION,
    Currency,
    Dated,
    ItemLanguage,
    Note,
    SiteFile,
    Strict,
    Url,
    check_email,
)
from cvgen.model.text import NonEmptyText, Text
from cvgen.model.values import ROLE_KINDS, role_kind
from cvgen.util.bounds import MAX_AMOUNT, MAX_COUNT
from cvgen.util.dates import DateField

# --- career sections -----------------------------------------------------------------------


class Degree(Dated):
    degree: NonEmptyText = Field(description="e.g. PhD, MSc, BSc")
    field: Text | None = None
    institution: NonEmptyText
    location: Text | None = None
    advisor: list[Text] = Field(default_factory=list)
    thesis: Text | None = None
    honours: Text | None = None
    track: Text | None = Field(
        default=None, description="e.g. 'Direct PhD track', 'Research track', 'Honours programme'"
    )
    awarded: DateField | None = Field(
        default=None, description="When the degree was conferred, if not at its end."
    )
    gpa: str | None = Field(default=None, description="As written on the transcript: '3.9/4.0'.")
    note: Note = None


AppointmentKind = Literal[
    "academic", "administrative", "clinical", "industry", "visiting", "affiliate"
]


class Appointment(Dated):
    title: NonEmptyText
    institution: NonEmptyText
    department: Text | None = None
    location: Text | None = None
    host: Text | None = Field(
        default=None, description="Who hosted a postdoc or visit: 'Prof. Eric Hartmann'."
    )
    kind: AppointmentKind = Field(
        default="academic",
        description="What kind of post: academic (the default), administrative (a leadership "
        "post: head, dean, director, ...; printed under Administrative and Leadership "
        "Positions), clinical, industry, visiting (listed after the other current posts) or "
        "affiliate.",
        examples=["administrative"],
    )
    primary: bool = Field(
        default=False,
        description="The main one of several current posts: listed first, and the one a bio "
        "names first.",
    )
    note: Note = None


class Teaching(Dated):
    course: NonEmptyText
    code: str | None = None
    institution: Text | None = None
    role: Text | None = Field(default=None, description="e.g. Lecturer, Teaching assistant")
    level: Literal["undergraduate", "graduate", "mixed", "other"] | None = None
    terms: list[Text] = Field(default_factory=list, description="e.g. ['Fall 2021', 'Fall 2022']")
    enrollment: int | None = Field(default=None, ge=0, le=MAX_COUNT)
    note: Text | None = None


class ServiceCategory(StrEnum):
    DEPARTMENTAL = "departmental"
    UNIVERSITY = "university"
    PROFESSIONAL = "professional"
    EDITORIAL = "editorial"
    REVIEWING = "reviewing"
    ORGANISING = "organising"
    OUTREACH = "outreach"


class Service(Dated):
    role: NonEmptyText
    organization: NonEmptyText
    category: ServiceCategory
    note: Note = None


PerPeriod = Annotated[
    Literal["year", "month"] | None,
    Field(description="The amount is per year or per month (printed so, not added to totals)."),
]
InKind = Annotated[
    str | None, Field(description="A contribution in kind, as written: '20,000 GPU credits'.")
]
Tags = Annotated[
    list[str],
    Field(
        description="Labels for --tag and variants' tags (e.g. [erc]): with --tag, a section "
        "whose items use tags keeps only the items with one of the tags asked for."
    ),
]


class Amount(Strict):
    """One part of a compound amount: money, or a contribution in kind."""

    amount: float | None = Field(
        default=None, ge=0, le=MAX_AMOUNT, allow_inf_nan=False, description="A sum."
    )
    currency: Currency | None = Field(default=None, description=CURRENCY_DESCRIPTION)
    per: PerPeriod = None
    in_kind: InKind = None

    @model_validator(mode="after")
    def _says_something(self) -> Amount:
        if self.amount is None and not self.in_kind:
            raise ValueError("amount: an amount part needs an amount or in_kind")
        return self


class Funded(Dated):
    """What awards and grants share: an amount (perhaps per year, or in kind) and more parts."""

    amount: float | None = Field(
        default=None,
        ge=0,
        le=MAX_AMOUNT,
        allow_inf_nan=False,
        description="The sum (with currency).",
    )
    currency: Currency | None = Field(default=None, description=CURRENCY_DESCRIPTION)
    per: PerPeriod = None
    in_kind: InKind = None
    amounts: list[Amount] = Field(
        default_factory=list,
        description="Further parts of a compound amount, printed after the first joined by "
        "'+': [{amount: 20000, currency: USD}, {in_kind: 'Cluster time'}].",
    )

    @property
    def amount_parts(self) -> list[Amount]:
        """Every part of the amount, the top-level one first (its values are validated)."""
        if self.amount is None and not self.in_kind:
            return list(self.amounts)
        values = {"amount": self.amount, "currency": self.currency, "per": self.per}
        return [Amount.model_construct(**values, in_kind=self.in_kind), *self.amounts]


AwardStage = Literal["student", "postdoc", "early-career", "mid-career", "faculty", "senior"]


class Award(Funded):
    """An award or fellowship; `start` alone is the year it was given."""

    name: NonEmptyText
    organization: Text | None = None
    kind: Literal["award", "fellowship", "prize", "honour"] = "award"
    stage: AwardStage | None = Field(
        default=None,
        description="Career stage when it was given; design.awards_by_stage groups by it.",
    )
    major: bool = Field(default=False, description="Ranks the award first in bios.")
    declined: bool = Field(
        default=False,
        description="Offered and declined: printed as declined in the CV, never named in a "
        "bio or biosketch.",
    )
    note: Note = None


class GrantRole(StrEnum):
    PI = "PI"
    CO_PI = "co-PI"
    CO_I = "co-I"
    PARTNER = "partner"
    COLLABORATOR = "collaborator"


assert tuple(GrantRole) == ROLE_KINDS


class Grant(Funded):
    title: NonEmptyText
    funder: NonEmptyText
    program: Text | None = None
    role: NonEmptyText = Field(
        description="Your role as you would write it: PI, co-PI, co-I, partner, collaborator, "
        "or free text such as 'Sole PI' or 'PI in a MAGNET consortium'."
    )
    role_kind: GrantRole | None = Field(
        default=None,
        description="The kind of a free-text role (PI, co-PI, co-I, partner, collaborator), for "
        "bios and ranking; found from the role's words when left out.",
    )
    kind: Literal["competitive", "industrial", "internal"] = Field(
        default="competitive",
        description="competitive (the default), industrial (a company's money) or internal "
        "(seed or internal funding of one's own institution); each kind is a group of its own "
        "with its own totals, and bios count only competitive grants.",
    )
    share: float | None = Field(
        default=None,
        ge=0,
        allow_inf_nan=False,
        description="Your own part of `amount` when the amount is the whole project's (a "
        "consortium's): printed '€2,500,000 (own share €400,000)'; totals and bios use it.",
        examples=[400000],
    )
    declined: bool = Field(
        default=False,
        description="Offered and declined: printed as declined, never in totals, bios or "
        "biosketches.",
    )
    number: str | None = None
    tags: Tags = Field(default_factory=list)
    note: Note = None

    @property
    def own_amount(self) -> float | None:
        """The sum that is the researcher's: the share when the amount is a project's."""
        return self.share if self.share is not None else self.amount

    @model_validator(mode="before")
    @classmethod
    def _kind_of_role(cls, data: object) -> object:
        """Fill role_kind from the role's words ('Sole PI' is a PI)."""
        if isinstance(data, dict) and data.get("role_kind") is None:
            role = data.get("role")
            found = role_kind(role) if isinstance(role, str) else None
            if found:
                return {**data, "role_kind": found}
        return data

    @model_validator(mode="after")
    def _share_within_amount(self) -> Grant:
        if self.share is not None and self.amount is None:
            raise ValueError("share: a share is part of an amount; give the whole as amount")
        if self.share is not None and self.amount is not None and self.share > self.amount:
            raise ValueError(
                f"share: {self.share:,.0f} is more than the amount {self.amount:,.0f}; the "
                "amount is the whole project's, the share your part of it"
            )
        return self

    @model_validator(mode="after")
    def _role_classified(self) -> Grant:
        if self.role_kind is None:
            raise ValueError(
                f"role: cvgen cannot tell what kind of role {self.role!r} is; add "
                f"role_kind: one of {', '.join(ROLE_KINDS)}"
            )
        return self


class StudentLevel(StrEnum):
    PHD = "phd"
    MSC = "msc"
    UNDERGRADUATE = "undergraduate"
    POSTDOC = "postdoc"


class Student(Dated):
    """A supervised student or postdoc; their names are underlined in papers of their period."""

    name: NonEmptyText
    name_variants: list[str] = Field(default_factory=list)
    level: StudentLevel
    status: Literal["current", "completed", "left"]
    expected_end: DateField | None = None
    thesis: Text | None = None
    co_supervisors: list[Text] = Field(default_factory=list)
    role: Literal["sole", "primary", "co"] | None = Field(
        default=None,
        description="Your part: sole supervisor, primary supervisor, or co-supervisor (name the "
        "primary one in primary_supervisor).",
    )
    primary_supervisor: str | None = Field(
        default=None, description="When you co-supervise: who the primary supervisor is."
    )
    previous_supervisor: str | None = Field(
        default=None, description="Who supervised the student before you."
    )
    direct_track: bool = Field(
        default=False, description="A direct-track PhD (straight from the bachelor's degree)."
    )
    current_position: Text | None = None
    photo: SiteFile | None = Field(
        default=None,
        description="Their picture on a lab site's team page: a file name in the site's "
        "pictures folder (allanlab: images/teampic/), e.g. ada.jpg.",
    )
    email: Annotated[str, AfterValidator(check_email)] | None = Field(
        default=None, description="For a team page."
    )
    education: list[Text] = Field(
        default_factory=list,
        description="Lines of their own education for a team page: 'MSc Physics, Leiden "
        "University'.",
    )
    note: Note = None

    @model_validator(mode="after")
    def _status_matches_dates(self) -> Student:
        # A current student without a start is accepted: cvgen check warns that every paper
        # with them is then underlined, whatever its date.
        if self.status == "completed" and self.end is None:
            raise ValueError("end: a completed student needs an 'end' date")
        return self


class StudentCounts(Strict):
    """How many one has supervised, as the researcher counts them (listed students or not)."""

    phd: int | None = Field(default=None, ge=0, description="PhD students.", examples=[40])
    msc: int | None = Field(default=None, ge=0, description="Master's students.", examples=[88])
    postdoc: int | None = Field(
        default=None, ge=0, description="Postdoctoral researchers.", examples=[5]
    )
    undergraduate: int | None = Field(
        default=None, ge=0, description="Undergraduate researchers.", examples=[30]
    )

    def given(self) -> list[tuple[str, int]]:
        """(level, count) of the levels given, in the order a CV names them."""
        return [(level, count) for level, count in self if count is not None]


class TalkKind(StrEnum):
    KEYNOTE = "keynote"
    INVITED = "invited"
    CONTRIBUTED = "contributed"
    SEMINAR = "seminar"
    COLLOQUIUM = "colloquium"
    PANEL = "panel"
    TUTORIAL = "tutorial"
    PUBLIC = "public"
    OTHER = "other"


class Talk(Strict):
    """A talk, or a series of them (`count`, `end`): an invitation may have no title."""

    title: Text | None = Field(
        default=None, description="Left out for an invitation or a series without one."
    )
    event: NonEmptyText
    location: Text | None = None
    date: DateField
    end: DateField | None = Field(
        default=None, description="The last talk of a series given over a period."
    )
    kind: TalkKind = Field(
        default=TalkKind.INVITED,
        description="keynote (also plenary), invited, contributed, seminar, colloquium, panel, "
        "tutorial, public, or other (other invitations).",
    )
    count: int | None = Field(
        default=None, ge=1, le=MAX_COUNT, description="How many talks a series entry stands for."
    )
    language: str | None = Field(
        default=None,
        description="The language the talk was given in (Hebrew, he): printed as 'in Hebrew' "
        "where it is not the CV's, and its title set in it.",
    )
    url: Url | None = None
    video: Url | None = None
    slides: Url | None = None
    tags: Tags = Field(default_factory=list)
    note: Note = None

    @model_validator(mode="after")
    def _end_not_before_date(self) -> Talk:
        if self.end and not self.end.present and self.end < self.date:
            raise ValueError(f"end: {self.end.iso()} is before date {self.date.iso()}")
        return self


class Press(Strict):
    title: NonEmptyText
    outlet: NonEmptyText
    date: DateField
    kind: Literal["article", "interview", "radio", "tv", "podcast", "blog"] = "article"
    url: Url | None = None
    language: ItemLanguage = None
    note: Note = None
