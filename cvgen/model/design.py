"""How the CV is made rather than what it says: publication settings, variants, outputs and
the design (theme, language, layout)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    Field,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)

from cvgen.formats import BUILD_FORMATS, ENGINES, Paper
from cvgen.model.base import OrcidId, Strict
from cvgen.model.custom import CustomSection
from cvgen.model.publications import PubKind
from cvgen.util.bounds import FIRST_YEAR, LAST_YEAR, MAX_YEARS
from cvgen.util.dates import DateField
from cvgen.util.ids import dblp_pid, openalex_author


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
        le=MAX_YEARS,
        description="Papers dated up to this many years after a student's end still underline "
        "them (publication lags the work).",
    )
    mark_every_match: bool = Field(
        default=False,
        description="Mark every author of an entry whose name matches yours; by default only "
        "the closest match is marked, so a namesake co-author (Park, Ji-Woo beside Park, "
        "Ji-Hoon) is not.",
    )


SectionName = Literal[
    "personal_details", "research_interests", "education", "certifications", "appointments",
    "administration", "awards", "grants", "students", "teaching", "service", "memberships",
    "publications", "patents", "talks", "press",
]  # fmt: skip
SECTION_NAMES: tuple[str, ...] = get_args(SectionName)  # also the default order of a CV
CUSTOM_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# Built-in sections that cv.yaml's own sections (custom:) often had before cvgen knew them: a
# custom section of that id still stands in for the built-in one (cvgen check suggests moving
# its entries), so that a CV written then is not refused now.
ADOPTED_SECTIONS = ("certifications", "memberships")


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


def no_repeats(names: list[str]) -> list[str]:
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f"{', '.join(map(repr, repeated))} listed more than once")
    return names


SectionList = Annotated[list[SectionNameOrCustom], AfterValidator(no_repeats)]


def custom_ids(sections: dict[str, CustomSection]) -> dict[str, CustomSection]:
    for name in sections:
        if name in SECTION_NAMES and name not in ADOPTED_SECTIONS:
            raise ValueError(f"{name}: a built-in section has this id; give yours another")
        if not CUSTOM_ID.match(name):
            raise ValueError(
                f"{name}: not a section id; use lower-case letters, digits and _, starting "
                "with a letter (e.g. memberships, career_breaks)"
            )
    return sections


Numbering = Literal["continuous", "per-type", "none"]


class Variant(Strict):
    """A named selection (see `cvgen --variant`); command-line options override it."""

    description: str | None = None
    since: int | None = Field(default=None, ge=FIRST_YEAR, le=LAST_YEAR)
    until: int | None = Field(default=None, ge=FIRST_YEAR, le=LAST_YEAR)
    last: int | None = Field(default=None, ge=1, le=MAX_YEARS, description="The last N years.")
    types: list[PubKind] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    selected: bool = False
    with_students: bool = False
    sections: SectionList = Field(default_factory=list)
    numbering: Numbering | None = None
    reverse: bool | None = None
    citation_style: str | None = Field(
        default=None, description="A citation style for this variant (see design)."
    )
    theme: str | None = Field(default=None, description="A theme for this variant (see design).")
    locale: str | None = Field(default=None, description="A language for this variant.")


def inside_output_folder(path: str) -> str:
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


OutputFormat = Literal[BUILD_FORMATS]  # type: ignore[valid-type]


class OutputSpec(Strict):
    """One file `cvgen build` writes. A bare format name (`- pdf`) means all defaults."""

    format: OutputFormat
    variant: str | None = Field(default=None, description="A name from `variants:`.")
    path: Annotated[str, AfterValidator(inside_output_folder)] | None = Field(
        default=None,
        description="File name inside the output folder [default: cv[-VARIANT].pdf, "
        "bio[-VARIANT].txt, publications[-VARIANT].md, ...].",
    )
    engine: Literal[ENGINES] = "auto"  # type: ignore[valid-type]
    paper: Paper | None = Field(default=None, description="[default: design.paper, else a4]")
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
    return no_repeats(kinds)


DatePrecision = Literal["as-written", "month", "year"]
AuthorNames = Literal["as-written", "initials", "full"]


class Design(Strict):
    """How the CV looks: the theme, the language, the layout settings and the citation style."""

    # Themes, languages and citation styles are checked when the CV is composed
    # (cvgen/build/design.py): they may be files beside cv.yaml (themes/NAME/, words/CODE.yaml,
    # a .csl), and which names exist is for the installed packages to say.

    citation_style: str = Field(
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
    author_names: AuthorNames = Field(
        default="initials",
        description="How authors' names are printed: initials (S. Marom, L. F. Abbott), full "
        "(Shimon Marom, where any entry or your own name gives the full given names) or "
        "as-written (as each entry of the .bib writes them).",
    )
    max_authors: int | None = Field(
        default=20,
        ge=1,
        description="An entry with more authors lists the first this many, then '…', you (where "
        "you come later), and 'et al. (N authors)', as for collaboration papers; null lists "
        "every author.",
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
        description="The language: en (British, the default), en-US, ar, cs, da, de, el, es, "
        "fa, fi, fr, he, it, ja, ko, nb, nl, pl, pt, ru, sv, tr, uk, zh (`cvgen locales` lists "
        "them), or CODE with a words/CODE.yaml beside cv.yaml.",
    )
    words: str | None = Field(
        default=None,
        description="A words file (YAML, relative to cv.yaml) over the language's own words.",
    )
    fallback: list[Annotated[str, Field(pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")]] = (
        Field(
            default_factory=lambda: ["en"],
            description="Where a text is given per language ({en: ..., he: ...}) but not in the "
            "CV's: the languages to take instead, in order; else the first given [default: "
            "[en]].",
        )
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
    paper: Paper | None = Field(
        default=None, description="Paper size of the PDF [default: a4; --paper overrides]."
    )
    missing_characters: Literal["error", "warn"] | None = Field(
        default=None,
        description="A character no font of the PDF engine has (it would print blank or as a "
        "box): error writes no PDF, warn writes it with a warning [default: error; "
        "--missing-characters overrides].",
    )
