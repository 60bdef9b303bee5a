"""The typed CV model: the one model every loader fills and the composer (compose/) reads.

Everything is frozen and `extra="forbid"`, so a misspelt key in cv.yaml is an error (with a
"did you mean" hint, see load/yaml_cv.py) rather than silently ignored data. The model holds
plain Unicode text, never markup: escaping belongs to the writers.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal, get_args
from urllib.parse import quote

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from cvgen.dates import Date, DateField
from cvgen.model_memory import one_object_per_author, share_fields_set
from cvgen.model_values import ROLE_KINDS, currency_code, role_kind
from cvgen.remote.ids import dblp_pid, openalex_author, orcid_id


class Strict(BaseModel):
    """Base for every model: immutable, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _share_fields_set(self) -> Strict:
        share_fields_set(self)  # a 50,000-entry library holds 100,000 of these sets
        return self


_SAFE_URL = re.compile(r"^(https?://|mailto:|doi:|/|\./|\.\./|#)|^[\w.%-]+(/[^:]*)?$", re.I)


def _check_url(value: str) -> str:
    """Only http(s), mailto, doi and relative links reach an output; `javascript:` never does."""
    value = value.strip()
    if not _SAFE_URL.match(value) or any(ch in value for ch in "\n\r\t\x00<>\"'` "):
        hint = " (write a space as %20)" if " " in value else ""
        raise ValueError(
            f"{value!r} is not a safe link: use http(s)://, mailto:, doi: or a relative path{hint}"
        )
    return value


Url = Annotated[str, AfterValidator(_check_url)]


def _check_web_url(value: str) -> str:
    """A person's website or profile must be absolute: 'www.x.edu' would become a broken
    relative link."""
    value = _check_url(value)
    if not value.lower().startswith(("http://", "https://")):
        raise ValueError(f"{value!r} needs its scheme, e.g. 'https://{value.lstrip('/')}'")
    return value


WebUrl = Annotated[str, AfterValidator(_check_web_url)]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _check_email(value: str) -> str:
    if not _EMAIL.match(value.strip()):
        raise ValueError(f"{value!r} is not an email address (name@example.org)")
    return value.strip()


def _check_orcid(value: str) -> str:
    """ORCID iDs end in an ISO 7064 MOD 11-2 check digit; a typo almost always breaks it."""
    digits = value.replace("-", "")
    total = 0
    for digit in digits[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    if digits[-1] != ("X" if check == 10 else str(check)):
        raise ValueError(f"{value!r} fails the ORCID checksum; check for a typo")
    return value


NonEmpty = Annotated[str, Field(min_length=1)]
Note = Annotated[
    str | None,
    Field(description="A remark printed after the item as a sentence: 'By invitation only'."),
]
Currency = Annotated[str, BeforeValidator(currency_code), Field(pattern=r"^[A-Z]{3}$")]
_CURRENCY = "ISO 4217 code of the amount: EUR, USD, GBP, CHF, ILS, ... (not a symbol such as €)."
OrcidId = Annotated[
    str,
    BeforeValidator(lambda v: orcid_id(v) if isinstance(v, str) and "orcid.org" in v else v),
    Field(pattern=r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$"),
    AfterValidator(_check_orcid),
]


class Dated(Strict):
    """Anything that happened over a period; `end: present` means ongoing."""

    start: DateField | None = None
    end: DateField | None = None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Dated:
        if self.start and self.end and not self.end.present and self.end < self.start:
            raise ValueError(f"end: {self.end.iso()} is before start {self.start.iso()}")
        return self

    @property
    def ongoing(self) -> bool:
        return self.end is not None and self.end.present


# --- person ---------------------------------------------------------------------------------


class Pronouns(Strict):
    """Used by the bio in third person; when absent the bio repeats the surname instead."""

    subject: str = Field(description="e.g. she, he, they")
    object: str = Field(description="e.g. her, him, them")
    possessive: str = Field(description="e.g. her, his, their")


class Person(Strict):
    name: NonEmpty
    name_variants: list[str] = Field(
        default_factory=list,
        description="Other spellings of the name in author lists (initials, maiden name, "
        "another script); the canonical name and its initials are matched automatically.",
    )
    pronouns: Pronouns | None = None
    position: str | None = None
    department: str | None = None
    affiliation: str | None = None
    address: str | None = None
    email: Annotated[str, AfterValidator(_check_email)] | None = None
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
    birth_place: str | None = Field(
        default=None, description="Place of birth (printed only with design.personal_details)."
    )
    citizenship: list[str] = Field(
        default_factory=list,
        description="Citizenships, e.g. [Israel, Germany] (printed only with "
        "design.personal_details).",
    )
    family_status: str | None = Field(
        default=None,
        description="e.g. 'Married, three children' (printed only with design.personal_details).",
    )
    other_details: dict[str, str] = Field(
        default_factory=dict,
        description="Further personal details as label: text, e.g. {Military service: 'IDF, "
        "1993-1996'} (printed only with design.personal_details).",
    )

    def personal_details(self) -> dict[str, object]:
        """The personal details given, as JSON data (empty when none are)."""
        return self.model_dump(mode="json", include=set(PERSONAL_FIELDS), exclude_defaults=True)


PERSONAL_FIELDS = ("birth_date", "birth_place", "citizenship", "family_status", "other_details")


# --- career sections -----------------------------------------------------------------------


class Degree(Dated):
    degree: NonEmpty = Field(description="e.g. PhD, MSc, BSc")
    field: str | None = None
    institution: NonEmpty
    location: str | None = None
    advisor: list[str] = Field(default_factory=list)
    thesis: str | None = None
    honours: str | None = None
    track: str | None = Field(
        default=None, description="e.g. 'Direct PhD track', 'Research track', 'Honours programme'"
    )
    awarded: DateField | None = Field(
        default=None, description="When the degree was conferred, if not at its end."
    )
    gpa: str | None = Field(default=None, description="As written on the transcript: '3.9/4.0'.")
    note: Note = None


class Appointment(Dated):
    title: NonEmpty
    institution: NonEmpty
    department: str | None = None
    location: str | None = None
    host: str | None = Field(
        default=None, description="Who hosted a postdoc or visit: 'Prof. Eric Hartmann'."
    )
    note: Note = None


class Teaching(Dated):
    course: NonEmpty
    code: str | None = None
    institution: str | None = None
    role: str | None = Field(default=None, description="e.g. Lecturer, Teaching assistant")
    level: Literal["undergraduate", "graduate", "mixed", "other"] | None = None
    terms: list[str] = Field(default_factory=list, description="e.g. ['Fall 2021', 'Fall 2022']")
    enrollment: int | None = Field(default=None, ge=0)
    note: str | None = None


class ServiceCategory(StrEnum):
    DEPARTMENTAL = "departmental"
    UNIVERSITY = "university"
    PROFESSIONAL = "professional"
    EDITORIAL = "editorial"
    REVIEWING = "reviewing"
    ORGANISING = "organising"
    OUTREACH = "outreach"


class Service(Dated):
    role: NonEmpty
    organization: NonEmpty
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

    amount: float | None = Field(default=None, ge=0, allow_inf_nan=False, description="A sum.")
    currency: Currency | None = Field(default=None, description=_CURRENCY)
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
        default=None, ge=0, allow_inf_nan=False, description="The sum (with currency)."
    )
    currency: Currency | None = Field(default=None, description=_CURRENCY)
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

    name: NonEmpty
    organization: str | None = None
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
    title: NonEmpty
    funder: NonEmpty
    program: str | None = None
    role: NonEmpty = Field(
        description="Your role as you would write it: PI, co-PI, co-I, partner, collaborator, "
        "or free text such as 'Sole PI' or 'PI in a MAGNET consortium'."
    )
    role_kind: GrantRole | None = Field(
        default=None,
        description="The kind of a free-text role (PI, co-PI, co-I, partner, collaborator), for "
        "bios and ranking; found from the role's words when left out.",
    )
    kind: Literal["competitive", "industrial"] = "competitive"
    number: str | None = None
    tags: Tags = Field(default_factory=list)
    note: Note = None

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

    name: NonEmpty
    name_variants: list[str] = Field(default_factory=list)
    level: StudentLevel
    status: Literal["current", "completed", "left"]
    expected_end: DateField | None = None
    thesis: str | None = None
    co_supervisors: list[str] = Field(default_factory=list)
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
    current_position: str | None = None
    note: Note = None

    @model_validator(mode="after")
    def _status_matches_dates(self) -> Student:
        if self.status == "completed" and self.end is None:
            raise ValueError("end: a completed student needs an 'end' date")
        if self.status == "current" and self.start is None:
            raise ValueError(
                "start: a current student needs a start date (it decides which papers underline)"
            )
        return self


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

    title: str | None = Field(
        default=None, description="Left out for an invitation or a series without one."
    )
    event: NonEmpty
    location: str | None = None
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
        default=None, ge=1, description="How many talks a series entry stands for."
    )
    language: str | None = Field(default=None, description="e.g. Hebrew, when it is worth saying.")
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
    title: NonEmpty
    outlet: NonEmpty
    date: DateField
    kind: Literal["article", "interview", "radio", "tv", "podcast", "blog"] = "article"
    url: Url | None = None
    note: Note = None


# --- custom sections ------------------------------------------------------------------------


class CustomEntry(Dated):
    """One item of a section of your own: a membership, a dataset, a career break, ..."""

    start: DateField | None = Field(default=None, description="When it began (with end).")
    end: DateField | None = Field(default=None, description="When it ended, or present.")
    title: NonEmpty = Field(description="What it is: 'Senior Member', 'Parental leave', ...")
    organization: str | None = Field(default=None, description="e.g. IEEE, GitHub, Zenodo.")
    location: str | None = Field(default=None, description="A place, e.g. 'Haifa, Israel'.")
    date: DateField | None = Field(default=None, description="A single date, instead of start/end.")
    details: Annotated[list[str], BeforeValidator(lambda v: [v] if isinstance(v, str) else v)] = (
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


class PublicationSources(Strict):
    """Where `cvgen sync` looks for your papers (and `cvgen import` when given no id)."""

    dblp: Annotated[str, AfterValidator(dblp_pid)] | None = Field(
        default=None, description="DBLP person id, the part after dblp.org/pid/, e.g. 71/8342."
    )
    orcid: OrcidId | None = Field(default=None, description="ORCID iD, e.g. 0000-0002-1825-0097.")
    openalex: Annotated[str, AfterValidator(openalex_author)] | None = Field(
        default=None, description="OpenAlex author id, e.g. A5023888391."
    )
    ignore: list[str] = Field(
        default_factory=list,
        description="DOIs, arXiv ids or titles that sync and import leave out (a namesake's "
        "paper, an erratum).",
    )


class MetricsDisplay(Strict):
    """What the CV shows from metrics.yaml (written by `cvgen metrics`); off by default."""

    header: bool = Field(
        default=False,
        description="A line under the header: 'Citations 12,345 · h-index 45 — OpenAlex, "
        "December 2026'.",
    )
    per_paper: bool = Field(default=False, description="Each paper's citation count.")


MacroName = Annotated[str, Field(pattern=r"^\\?[A-Za-z]+$")]
MarkSymbol = Literal["*", "†", "‡", "§", "¶", "#"]


class PublicationsConfig(Strict):
    bib: str | None = Field(
        default=None, description="Path to the BibTeX file, relative to cv.yaml"
    )
    sources: PublicationSources = Field(default_factory=PublicationSources)
    metrics: MetricsDisplay = Field(default_factory=MetricsDisplay)
    macros: dict[MacroName, str] = Field(
        default_factory=dict,
        description="LaTeX macros your .bib uses, by name without the backslash, as the text "
        "they stand for; #1 is the first argument: {psolymos: 'Sólymos, P.', myname: '#1'}.",
    )
    marks: dict[MarkSymbol, str] = Field(
        default_factory=dict,
        description="What each mark after an author's name means, for the legend [default: "
        "'*': Equal contribution, '†': Corresponding author].",
    )
    student_grace_years: int = Field(
        default=1,
        ge=0,
        description="Papers dated up to this many years after a student's end still underline "
        "them (publication lags the work).",
    )


SectionName = Literal[
    "personal_details", "research_interests", "education", "appointments", "awards", "grants",
    "students", "teaching", "service", "publications", "patents", "talks", "press",
]  # fmt: skip
SECTION_NAMES: tuple[str, ...] = get_args(SectionName)  # also the default order of a CV
CUSTOM_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def unknown_section_message(name: str, custom: Iterable[str]) -> str | None:
    """Why `name` is no section of this CV (with the nearest name), or None when it is one."""
    known = [*SECTION_NAMES, *custom]
    if name in known:
        return None
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    extra = f"; custom: {', '.join(custom)}" if custom else "; or the id of a custom section"
    return f"unknown section {name!r}{hint} (sections: {', '.join(SECTION_NAMES)}{extra})"


def _section_name(value: str, info: ValidationInfo) -> str:
    """A built-in section or a custom one; against cv.yaml's `custom:` where it is at hand
    (CvData.sections), else (a variant) checked by CvData once `custom:` is known."""
    if value in SECTION_NAMES:
        return value
    if not CUSTOM_ID.match(value):
        raise ValueError(unknown_section_message(value, ()))
    custom = (info.data or {}).get("custom")
    if custom is not None:
        message = unknown_section_message(value, custom)
        if message:
            raise ValueError(message)
    return value


_SECTION_NAME_SCHEMA = {
    "anyOf": [
        {"enum": list(SECTION_NAMES)},
        {"type": "string", "pattern": CUSTOM_ID.pattern, "description": "A custom section's id."},
    ]
}
SectionNameOrCustom = Annotated[
    str, AfterValidator(_section_name), WithJsonSchema(_SECTION_NAME_SCHEMA)
]


def _no_repeats(names: list[str]) -> list[str]:
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f"{', '.join(map(repr, repeated))} listed more than once")
    return names


SectionList = Annotated[list[SectionNameOrCustom], AfterValidator(_no_repeats)]


def _custom_ids(sections: dict[str, CustomSection]) -> dict[str, CustomSection]:
    for name in sections:
        if name in SECTION_NAMES:
            raise ValueError(f"{name}: a built-in section has this id; give yours another")
        if not CUSTOM_ID.match(name):
            raise ValueError(
                f"{name}: not a section id; use lower-case letters, digits and _, starting "
                "with a letter (e.g. memberships, career_breaks)"
            )
    return sections


def _known_citation_style(value: str) -> str:
    """A CSL style name is checked here (two file look-ups); a .csl path when it is used, since
    it is relative to cv.yaml's folder."""
    from cvgen.styles.catalog import unknown_name_message

    message = unknown_name_message(value)
    if message:
        raise ValueError(message)
    return value.strip()


Numbering = Literal["continuous", "per-type", "none"]


class Variant(Strict):
    """A named selection (see `cvgen --variant`); command-line options override it."""

    description: str | None = None
    since: int | None = None
    until: int | None = None
    last: int | None = Field(default=None, ge=1, description="The last N years.")
    types: list[PubKind] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    selected: bool = False
    with_students: bool = False
    sections: SectionList = Field(default_factory=list)
    numbering: Numbering | None = None
    reverse: bool | None = None
    citation_style: Annotated[str, AfterValidator(_known_citation_style)] | None = Field(
        default=None, description="A citation style for this variant (see design)."
    )
    theme: str | None = Field(default=None, description="A theme for this variant (see design).")
    locale: str | None = Field(default=None, description="A language for this variant.")


def _inside_output_folder(path: str) -> str:
    """Outputs stay in the output folder: no absolute paths, no '..', a file name at the end
    (not '.' or 'sub/'), and none of cvgen's own names (.cvgen-build.json)."""
    parts = path.replace("\\", "/").split("/")
    if path.startswith(("/", "~")) or ":" in parts[0] or ".." in parts or not path.strip():
        raise ValueError(f"{path!r} must be a file name inside the output folder")
    if parts[-1] in ("", "."):
        raise ValueError(f"{path!r} names a folder; give a file name, such as 'cv.pdf'")
    if parts[-1].startswith(".cvgen"):
        raise ValueError(f"{path!r}: names starting with '.cvgen' are cvgen's own files")
    return path


OutputFormat = Literal["pdf", "latex", "html", "docx", "bio", "markdown"]


class OutputSpec(Strict):
    """One file `cvgen build` writes. A bare format name (`- pdf`) means all defaults."""

    format: OutputFormat
    variant: str | None = Field(default=None, description="A name from `variants:`.")
    path: Annotated[str, AfterValidator(_inside_output_folder)] | None = Field(
        default=None,
        description="File name inside the output folder [default: cv[-VARIANT].pdf, "
        "bio[-VARIANT].txt, publications[-VARIANT].md, ...].",
    )
    engine: Literal["auto", "pdflatex", "lualatex", "xelatex", "typst", "weasyprint"] = "auto"
    paper: Literal["a4", "letter"] | None = Field(
        default=None, description="[default: design.paper, else a4]"
    )
    theme: str | None = Field(default=None, description="[default: the variant's or design's]")
    locale: str | None = Field(default=None, description="[default: the variant's or design's]")
    reference_docx: str | None = Field(
        default=None,
        description="docx: a Word file or template (relative to cv.yaml) whose styles and page "
        "set-up the document takes; its paper size unless `paper` (or design.paper) is given.",
    )
    words: int = Field(default=150, ge=1, description="bio: the word limit.")
    person: Literal["third", "first"] = "third"

    @model_validator(mode="after")
    def _fields_fit_the_format(self) -> OutputSpec:
        """A field the format ignores is a mistake the user should hear about, not lose."""
        misplaced = sorted(
            name
            for name in self.model_fields_set
            if self.format not in _FORMATS_OF_FIELD.get(name, (self.format,))
        )
        if misplaced:
            raise ValueError(
                f"{', '.join(misplaced)} does not apply to a {self.format} output; "
                + "; ".join(
                    f"{name} is for {' or '.join(_FORMATS_OF_FIELD[name])}" for name in misplaced
                )
            )
        return self


_FORMATS_OF_FIELD: dict[str, tuple[str, ...]] = {
    "engine": ("pdf",),
    "paper": ("pdf", "latex", "html", "docx"),
    "reference_docx": ("docx",),
    "words": ("bio",),
    "person": ("bio",),
}


_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _check_hex(value: str) -> str:
    if not _HEX.match(value.strip()):
        raise ValueError(f"{value!r} is not a colour; write it as #RRGGBB, e.g. '#1d5c96'")
    return value.strip().lower()


HexColour = Annotated[str, AfterValidator(_check_hex)]
Order = Literal["newest-first", "oldest-first"]
FontSize = Literal[10, 11, 12]


def _listed_kinds(kinds: list[PubKind]) -> list[PubKind]:
    if PubKind.PATENT in kinds:
        raise ValueError("patents have a section of their own (`sections:`), not a list here")
    return _no_repeats(kinds)


DatePrecision = Literal["as-written", "month", "year"]


class Design(Strict):
    """How the CV looks: the theme, the language, the layout settings and the citation style.

    Themes and languages beside cv.yaml (themes/NAME/, words/CODE.yaml) are checked when the
    CV is composed (cvgen/design.py), since they are files of their own."""

    citation_style: Annotated[str, AfterValidator(_known_citation_style)] = Field(
        default="cvgen",
        description="How publications are formatted: cvgen (its own CV style), a CSL style name "
        "such as apa, ieee, chicago-author-date or vancouver (`cvgen styles` lists them), or a "
        ".csl file relative to cv.yaml.",
    )
    dates: DatePrecision = Field(
        default="as-written",
        description="How periods are dated: as-written (2018, 10/2018 or 15/10/2018, as each "
        "date is given in cv.yaml), month (Oct 2018), or year (2018).",
    )
    awards_by_stage: bool = Field(
        default=False,
        description="Group the awards under their career stage (faculty, postdoc, student, ...).",
    )
    personal_details: bool = Field(
        default=False,
        description="Print person.birth_date, birth_place, citizenship, family_status and "
        "other_details as a section (first, or where `sections:` lists personal_details).",
    )
    personal_details_in_jsonld: bool = Field(
        default=False,
        description="Also put birth date, birth place and citizenship in the web page's "
        "schema.org data, which search engines read.",
    )
    theme: str | None = Field(
        default=None,
        description="The look: classic (the default), modern, compact, grant (`cvgen themes` "
        "lists them), or a folder themes/NAME/ beside cv.yaml.",
    )
    locale: str | None = Field(
        default=None,
        description="The language: en (British, the default), en-US, de, fr, es, it, pt, nl, he "
        "(right to left), or CODE with a words/CODE.yaml beside cv.yaml.",
    )
    words: str | None = Field(
        default=None,
        description="A words file (YAML, relative to cv.yaml) over the language's own words.",
    )
    headings: dict[SectionName, Annotated[str, Field(min_length=1)]] = Field(
        default_factory=dict, description="Section headings of your own, e.g. {grants: Grants}."
    )
    numbered_sections: bool | None = Field(
        default=None, description="Number the sections 1., 2., ... [default: the theme's]."
    )
    publication_order: Annotated[list[PubKind], AfterValidator(_listed_kinds)] = Field(
        default_factory=list,
        description="The order of the publication lists, e.g. [thesis, journal, conference]; "
        "kinds not named follow in the usual order.",
    )
    order: Order = Field(
        default="newest-first", description="Dated entries and publications newest or oldest first."
    )
    as_of: DateField | None = Field(
        default=None,
        description="The date the CV speaks from: 'Updated ...' in the CV, --last counts back "
        "from it, expected ends are checked against it [default: today].",
    )
    font_size: FontSize | None = Field(default=None, description="Points [default: the theme's].")
    accent: HexColour | None = Field(
        default=None, description="The accent colour, #RRGGBB [default: the theme's]."
    )
    paper: Literal["a4", "letter"] | None = Field(
        default=None, description="Paper size of the PDF [default: a4; --paper overrides]."
    )
    missing_characters: Literal["error", "warn"] | None = Field(
        default=None,
        description="A character no font of the PDF engine has (it would print blank or as a "
        "box): error writes no PDF, warn writes it with a warning [default: error; "
        "--missing-characters overrides].",
    )


# --- site exports (`cvgen export jekyll|hugo|al-folio|academicpages`) -----------------------

_SITE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def _site_key(name: str) -> str:
    if not _SITE_KEY.match(name):
        raise ValueError(
            f"{name!r} is not a name a template can read: use letters, digits, _ and -, "
            "starting with a letter"
        )
    return name


# A key a site's templates read: `publi.ERC`, `.Params.news1`, a .bib field name.
SiteKey = Annotated[str, AfterValidator(_site_key)]


def _exportable_field(name: str) -> str:
    """Only non-standard .bib fields pass through; a few never do, whatever cv.yaml asks."""
    from cvgen.load import bib_fields

    key = name.lower()
    if key in bib_fields.NEVER_EXPORTED:
        raise ValueError(f"{name!r} {bib_fields.NEVER_EXPORTED[key]}: it is never exported")
    if not bib_fields.is_extra(key):
        raise ValueError(
            f"{name!r} is a field cvgen reads itself: the export already writes what it holds"
        )
    return name


ExportField = Annotated[SiteKey, AfterValidator(_exportable_field)]


class SiteExport(Strict):
    """What a site's own templates read beyond the keys cvgen writes: flags and .bib fields.

    `reserved` are the keys the export fills itself or the site's templates read with a shape
    of their own (Hugo Blox's `image`); of those, only `open_keys` may be given by a flag or a
    field (a site's `description` blurb replaces cvgen's annotation)."""

    reserved: ClassVar[frozenset[str]] = frozenset()
    open_keys: ClassVar[frozenset[str]] = frozenset()

    flags: dict[SiteKey, NonEmpty] = Field(
        default_factory=dict,
        description="Keys set on every publication from a tag (in any case), e.g. {ERC: erc, "
        "highlight: selected}: `ERC: 1` on the entries tagged erc, `ERC: 0` on the others "
        "(true/false outside Jekyll).",
    )
    fields: Annotated[list[ExportField], AfterValidator(_no_repeats)] = Field(
        default_factory=list,
        description="Non-standard .bib fields passed through under their own names where an "
        "entry has them, e.g. [image, description, news1, news2]; no other field is.",
    )

    @field_validator("flags", "fields")
    @classmethod
    def _keys_are_free(cls, names: dict[str, str] | list[str]) -> dict[str, str] | list[str]:
        clash = [name for name in names if name in cls.reserved - cls.open_keys]
        if clash:
            raise ValueError(
                f"{', '.join(map(repr, clash))} is a key cvgen writes itself or the site reads "
                "in its own way; give it another name"
            )
        return names

    @model_validator(mode="after")
    def _flag_or_field(self) -> SiteExport:
        both = sorted(set(self.flags) & set(self.fields))
        if both:
            raise ValueError(f"fields: {', '.join(map(repr, both))} is also a flag")
        return self


def _content_folder(path: str) -> str:
    """A folder inside the site folder the command is given: no absolute paths, no '..'."""
    try:
        return _inside_output_folder(path).strip("/")
    except ValueError:
        raise ValueError(f"{path!r} must be a folder inside your site's folder") from None


def _permalink(path: str) -> str:
    if not re.fullmatch(r"/([\w.-]+/)*", path):
        raise ValueError(f"{path!r} must be a path between slashes, such as /publication/")
    return path


class JekyllSite(SiteExport):
    """`_data/publist.yml`, as Jekyll sites' own publication loops read it."""

    reserved = frozenset(
        "key title authors venue year kind link links tags description citation".split()
    )
    open_keys = frozenset({"description"})


class HugoSite(SiteExport):
    """Hugo Blox (Wowchemy) publication bundles, as its own BibTeX importer writes them."""

    reserved = frozenset(
        "title authors author_notes date publishDate publication_types publication doi "
        "abstract tags featured url_pdf url_code url_slides url_video links image projects "
        "summary publication_short url_dataset url_poster url_project url_source".split()
    )
    open_keys = frozenset(
        "featured abstract summary publication_short url_dataset url_poster url_project "
        "url_source".split()
    )

    flags: dict[SiteKey, NonEmpty] = Field(
        default_factory=lambda: {"featured": "selected"},
        description="Keys set to true on the publications with a tag [default: {featured: "
        "selected}, Hugo Blox's featured publications].",
    )
    folder: Annotated[str, AfterValidator(_content_folder)] = Field(
        default="content/publication",
        description="Where the bundles go, inside the site folder given to the command.",
    )
    author_profile: str | None = Field(
        default=None,
        description="What `authors` says for you: a Hugo Blox author profile's folder name "
        "(e.g. admin) links your name to your profile [default: your name].",
    )


class AlFolioSite(SiteExport):
    """al-folio's `_bibliography/papers.bib`, with the fields its `_layouts/bib.liquid` reads."""

    reserved = frozenset(
        "abbr selected bibtex_show html pdf code video slides arxiv award award_name "
        "additional_info annotation abstract".split()
    )
    open_keys = frozenset({"abbr", "selected", "annotation", "additional_info"})

    bibtex_show: bool = Field(default=True, description="Show each entry's Bib button.")


class AcademicPagesSite(SiteExport):
    """academicpages' `_publications/*.md`, with the front matter its templates read."""

    reserved = frozenset(
        "title collection category permalink excerpt date venue paperurl slidesurl citation".split()
    )
    open_keys = frozenset({"excerpt"})

    folder: Annotated[str, AfterValidator(_content_folder)] = Field(
        default="_publications", description="The collection's folder, inside the site folder."
    )
    permalink: Annotated[str, AfterValidator(_permalink)] = Field(
        default="/publication/",
        description="Where the pages are served: the permalink before each page's name.",
    )
    categories: dict[PubKind, SiteKey] = Field(
        default_factory=lambda: {
            PubKind.JOURNAL: "manuscripts",
            PubKind.CONFERENCE: "conferences",
            PubKind.BOOK: "books",
            PubKind.CHAPTER: "books",
        },
        description="The `category` of each kind, as _config.yml's publication_category "
        "names them; other kinds get their own name (preprint, thesis, ...).",
    )


class SiteConfig(Strict):
    """How each site export fits the site's own templates."""

    jekyll: JekyllSite = Field(default_factory=JekyllSite)
    hugo: HugoSite = Field(default_factory=HugoSite)
    al_folio: AlFolioSite = Field(default_factory=AlFolioSite)
    academicpages: AcademicPagesSite = Field(default_factory=AcademicPagesSite)


def _bare_format(value: object) -> object:
    """`- pdf` in `outputs:` is short for `- {format: pdf}`."""
    return {"format": value} if isinstance(value, str) else value


class CvData(Strict):
    """Everything cv.yaml holds; the root of its JSON Schema."""

    person: Person
    bio: str | None = Field(default=None, description="A handwritten bio, used as is by cvgen bio.")
    research_interests: list[str] = Field(default_factory=list)
    research_statement: str | None = None
    education: list[Degree] = Field(default_factory=list)
    appointments: list[Appointment] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    grants: list[Grant] = Field(default_factory=list)
    students: list[Student] = Field(default_factory=list)
    teaching: list[Teaching] = Field(default_factory=list)
    service: list[Service] = Field(default_factory=list)
    talks: list[Talk] = Field(default_factory=list)
    press: list[Press] = Field(default_factory=list)
    custom: Annotated[dict[str, CustomSection], AfterValidator(_custom_ids)] = Field(
        default_factory=dict,
        description="Sections of your own, by id: {memberships: {heading: Professional "
        "Memberships, entries: [...]}}; list the id in `sections:` to place it.",
    )
    publications: PublicationsConfig = Field(default_factory=PublicationsConfig)
    sections: SectionList = Field(
        default_factory=list,
        description="Section order for the CV: built-in names and custom sections' ids.",
    )
    variants: dict[str, Variant] = Field(default_factory=dict)
    design: Design = Field(default_factory=Design)
    site: SiteConfig = Field(
        default_factory=SiteConfig,
        description="Your website's publication data: `cvgen export jekyll`, `hugo`, "
        "`al-folio` and `academicpages`.",
    )
    outputs: list[
        Annotated[
            OutputSpec,
            BeforeValidator(_bare_format, json_schema_input_type=OutputSpec | OutputFormat),
        ]
    ] = Field(
        default_factory=list,
        description="What `cvgen build` writes [default: pdf, html and bio, plus a pdf per "
        "variant].",
    )

    @property
    def section_order(self) -> list[str]:
        """The sections a CV shows, in order: `sections:` if given, else the built-in order
        (personal details only when design.personal_details asks) and the custom sections."""
        shown = [
            n for n in SECTION_NAMES if n != "personal_details" or self.design.personal_details
        ]
        return list(dict.fromkeys(self.sections or [*shown, *self.custom]))

    @model_validator(mode="after")
    def _variants_name_known_sections(self) -> CvData:
        for name, variant in self.variants.items():
            for index, section in enumerate(variant.sections):
                message = unknown_section_message(section, self.custom)
                if message:
                    raise ValueError(f"variants.{name}.sections[{index}]: {message}")
        return self

    @model_validator(mode="after")
    def _outputs_name_known_variants(self) -> CvData:
        for spec in self.outputs:
            variant = spec.variant
            if variant is not None and variant not in self.variants:
                known = ", ".join(self.variants) or "none defined"
                raise ValueError(f"outputs: variant {variant!r} is not in variants ({known})")
        return self


# --- publications (from BibTeX) ------------------------------------------------------------


class PubKind(StrEnum):
    """CV categories; several BibTeX entry types map to one (see load/bibtex.py)."""

    JOURNAL = "journal"
    CONFERENCE = "conference"
    BOOK = "book"
    CHAPTER = "chapter"
    THESIS = "thesis"
    PATENT = "patent"
    PREPRINT = "preprint"
    REPORT = "report"
    OTHER = "other"


def tag_keys(tags: Iterable[str]) -> frozenset[str]:
    """Tags as compared: case and surrounding space aside."""
    return frozenset(tag.strip().casefold() for tag in tags)


FORTHCOMING = ("in press", "accepted", "under review", "submitted", "in preparation")


class Author(Strict):
    """One author as printed, with the roles a CV marks: self (bold), student (underline)."""

    first: str = ""
    von: str = ""
    last: str
    jr: str = ""
    is_self: bool = False
    is_student: bool = False
    equal_contribution: bool = False
    marks: tuple[str, ...] = Field(
        default=(), description="Symbols written after the name other than *, e.g. '†'."
    )

    @model_validator(mode="wrap")
    @classmethod
    def _one_object_per_author(cls, data: Any, handler: Any, info: ValidationInfo) -> Any:
        return one_object_per_author(data, handler, info.context)

    @cached_property
    def display(self) -> str:
        """'First von Last, Jr' — the order readers expect in a CV."""
        name = " ".join(p for p in (self.first, self.von, self.last) if p)
        return f"{name}, {self.jr}" if self.jr else name


_ID_SAFE = "/:;()[]._-+,"  # characters DOIs use that need no encoding in a URL path


class Links(Strict):
    doi: str | None = None
    url: Url | None = None
    pdf: Url | None = None
    code: Url | None = None
    video: Url | None = None
    slides: Url | None = None
    arxiv: str | None = None

    @property
    def doi_url(self) -> str | None:
        """Percent-encoded: old Wiley DOIs hold '<' and '>' (10.1002/(SICI)...<1::AID-...>)."""
        return f"https://doi.org/{quote(self.doi, safe=_ID_SAFE)}" if self.doi else None

    @property
    def arxiv_url(self) -> str | None:
        return f"https://arxiv.org/abs/{quote(self.arxiv, safe=_ID_SAFE)}" if self.arxiv else None

    def _url_repeats_an_id(self) -> bool:
        """A `url` that is just the DOI or arXiv page (as exports often add) is not shown twice."""
        url = (self.url or "").lower()
        return bool(
            (self.doi and "doi.org/" in url and url.endswith(self.doi.lower()))
            or (self.arxiv and "arxiv.org/" in url and self.arxiv.lower() in url)
        )

    def items(self) -> list[tuple[str, str]]:
        """(kind, href) pairs in a stable order: doi, arxiv, url, pdf, code, video, slides."""
        pairs = [
            ("doi", self.doi_url),
            ("arxiv", self.arxiv_url),
            ("url", None if self._url_repeats_an_id() else self.url),
            ("pdf", self.pdf),
            ("code", self.code),
            ("video", self.video),
            ("slides", self.slides),
        ]
        return [(kind, href) for kind, href in pairs if href]


class Publication(Strict):
    key: str
    entry_type: str
    kind: PubKind
    title: str
    authors: list[Author]
    year: int
    month: int | None = None
    venue: str | None = None
    volume: str | None = None
    number: str | None = None
    pages: str | None = None
    publisher: str | None = None
    address: str | None = None
    edition: str | None = None
    editors: list[str] = Field(default_factory=list)
    note: str | None = None
    tags: list[str] = Field(default_factory=list)
    presentation: str | None = None
    acceptance_rate: str | None = None
    award: str | None = None
    impact_factor: str | None = None
    annotation: str | None = None
    status: str | None = Field(default=None, description="e.g. 'under review', 'granted'")
    undated: bool = Field(
        default=False,
        description="The .bib gives no year (a forthcoming work): `year` is then the year it "
        "was loaded, for sorting and periods, and is not printed.",
    )
    links: Links = Field(default_factory=Links)
    extra: dict[str, str] = Field(
        default_factory=dict,
        description="The entry's other, non-standard fields as decoded text (e.g. al-folio's "
        "`abbr`, `preview`), for exporters that pass chosen fields through; never printed.",
    )
    line: int | None = Field(default=None, description="Line of the entry in the .bib file.")

    @property
    def date(self) -> Date:
        return Date(self.year, self.month)

    @property
    def has_equal_contribution(self) -> bool:
        return any(a.equal_contribution for a in self.authors)

    @property
    def has_student(self) -> bool:
        return any(a.is_student for a in self.authors)

    def has_any_tag(self, tags: Iterable[str]) -> bool:
        """Tags keep the case they were written in; matching ignores it (`--tag erc` finds
        `ERC`)."""
        return not tag_keys(tags).isdisjoint(tag_keys(self.tags))

    @property
    def has_annotations(self) -> bool:
        fields = (self.presentation, self.award, self.acceptance_rate, self.impact_factor)
        return any(fields) or bool(self.annotation)

    @property
    def forthcoming(self) -> bool:
        """Accepted, in press, submitted, under review or in preparation: not yet out."""
        return self.status in FORTHCOMING

    @property
    def shown_year(self) -> int | None:
        return None if self.undated else self.year


class CV(Strict):
    """The whole career: cv.yaml data plus the publications, with author roles resolved."""

    data: CvData
    publications: list[Publication] = Field(default_factory=list)
