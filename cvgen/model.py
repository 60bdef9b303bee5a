"""The typed CV model: the one document tree that every loader fills and every backend reads.

Everything is frozen and `extra="forbid"`, so a misspelt key in cv.yaml is an error (with a
"did you mean" hint, see load/yaml_cv.py) rather than silently ignored data. The model holds
plain Unicode text, never markup: escaping belongs to the backends.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal, get_args
from urllib.parse import quote

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from cvgen.dates import Date, DateField
from cvgen.remote.ids import dblp_pid, openalex_author, orcid_id


class Strict(BaseModel):
    """Base for every model: immutable, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


_SAFE_URL = re.compile(r"^(https?://|mailto:|doi:|/|\./|\.\./|#)|^[\w.-]+(/[^:]*)?$", re.I)


def _check_url(value: str) -> str:
    """Only http(s), mailto, doi and relative links reach an output; `javascript:` never does."""
    value = value.strip()
    if not _SAFE_URL.match(value) or any(ch in value for ch in "\n\r\t\x00<>\"'` "):
        raise ValueError(
            f"{value!r} is not a safe link: use http(s)://, mailto:, doi: or a relative path"
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


# --- career sections -----------------------------------------------------------------------


class Degree(Dated):
    degree: NonEmpty = Field(description="e.g. PhD, MSc, BSc")
    field: str | None = None
    institution: NonEmpty
    location: str | None = None
    advisor: list[str] = Field(default_factory=list)
    thesis: str | None = None
    honours: str | None = None


class Appointment(Dated):
    title: NonEmpty
    institution: NonEmpty
    department: str | None = None
    location: str | None = None
    note: str | None = None


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


class Award(Dated):
    """An award or fellowship; `start` alone is the year it was given."""

    name: NonEmpty
    organization: str | None = None
    kind: Literal["award", "fellowship", "prize", "honour"] = "award"
    amount: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    stage: Literal["student", "early-career", "mid-career", "senior"] | None = None
    major: bool = Field(default=False, description="Ranks the award first in bios.")
    note: str | None = None


class GrantRole(StrEnum):
    PI = "PI"
    CO_PI = "co-PI"
    CO_I = "co-I"
    PARTNER = "partner"
    COLLABORATOR = "collaborator"


class Grant(Dated):
    title: NonEmpty
    funder: NonEmpty
    program: str | None = None
    amount: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    role: GrantRole
    kind: Literal["competitive", "industrial"] = "competitive"
    number: str | None = None
    tags: list[str] = Field(default_factory=list)
    note: str | None = None


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
    current_position: str | None = None

    @model_validator(mode="after")
    def _status_matches_dates(self) -> Student:
        if self.status == "completed" and self.end is None:
            raise ValueError("end: a completed student needs an 'end' date")
        if self.start is None:
            raise ValueError(
                "start: a student needs a start date (it decides which papers underline)"
            )
        return self


class TalkKind(StrEnum):
    KEYNOTE = "keynote"
    INVITED = "invited"
    CONTRIBUTED = "contributed"
    SEMINAR = "seminar"
    PUBLIC = "public"


class Talk(Strict):
    title: NonEmpty
    event: NonEmpty
    location: str | None = None
    date: DateField
    kind: TalkKind = TalkKind.INVITED
    url: Url | None = None
    video: Url | None = None
    slides: Url | None = None


class Press(Strict):
    title: NonEmpty
    outlet: NonEmpty
    date: DateField
    kind: Literal["article", "interview", "radio", "tv", "podcast", "blog"] = "article"
    url: Url | None = None


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
    "research_interests", "education", "appointments", "awards", "grants", "students",
    "teaching", "service", "publications", "patents", "talks", "press",
]  # fmt: skip


def _no_repeats(names: list[str]) -> list[str]:
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f"{', '.join(map(repr, repeated))} listed more than once")
    return names


SectionList = Annotated[list[SectionName], AfterValidator(_no_repeats)]
SECTION_NAMES: tuple[str, ...] = get_args(SectionName)  # also the default order of a CV


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


def _inside_output_folder(path: str) -> str:
    """Outputs stay in the output folder: no absolute paths, no '..'."""
    parts = path.replace("\\", "/").split("/")
    if path.startswith(("/", "~")) or ":" in parts[0] or ".." in parts or not path.strip():
        raise ValueError(f"{path!r} must be a file name inside the output folder")
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
    engine: Literal["auto", "pdflatex", "lualatex", "xelatex", "weasyprint"] = "auto"
    paper: Literal["a4", "letter"] = "a4"
    reference_docx: str | None = Field(
        default=None,
        description="docx: a Word file or template (relative to cv.yaml) whose styles and page "
        "set-up the document takes; its paper size unless `paper` is given.",
    )
    words: int = Field(default=150, ge=1, description="bio: the word limit.")
    person: Literal["third", "first"] = "third"


class Design(Strict):
    """How the CV looks. One field for now; themes and locales add theirs here."""

    citation_style: Annotated[str, AfterValidator(_known_citation_style)] = Field(
        default="cvgen",
        description="How publications are formatted: cvgen (its own CV style), a CSL style name "
        "such as apa, ieee, chicago-author-date or vancouver (`cvgen styles` lists them), or a "
        ".csl file relative to cv.yaml.",
    )


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
    publications: PublicationsConfig = Field(default_factory=PublicationsConfig)
    sections: SectionList = Field(default_factory=list, description="Section order for the CV.")
    variants: dict[str, Variant] = Field(default_factory=dict)
    design: Design = Field(default_factory=Design)
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
        """The sections a CV shows, in order: `sections:` if given, else the default."""
        return list(dict.fromkeys(self.sections or SECTION_NAMES))

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
