"""Biosketch profiles: a funder's structure as data, so a new funder needs no code.

A profile (cvgen/bio/profiles/<name>.yaml, or any YAML file given by path) lists the sections
in the funder's order, what feeds each one (a cv.yaml section or the publications, with
filters), and the limits, each with the official document it comes from. `cvgen bio --format
./my-funder.yaml` validates the file with the same strictness as cv.yaml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, ValidationError

from cvgen.errors import CvgenError, Problem
from cvgen.files.reading import MAX_PROFILE, UnreadableFile, read_bytes
from cvgen.model import PubKind, ServiceCategory, Strict, StudentLevel, TalkKind
from cvgen.util.yaml_lines import Yaml12Loader

PROFILE_DIR = Path(__file__).resolve().parent / "profiles"

Feed = Literal[
    "identity",
    "education",
    "appointments",
    "awards",
    "grants",
    "service",
    "students",
    "talks",
    "publications",
    "contributions",
    "research_statement",
    "research_interests",
    "bio",
]


class Limit(Strict):
    """A maximum and where it is written; `items` counts entries (or groups, for contributions)."""

    items: int | None = Field(default=None, ge=1)
    characters: int | None = Field(default=None, ge=1)
    words: int | None = Field(default=None, ge=1)
    source: str = Field(description="The official document (and version) stating this limit.")


class Section(Strict):
    heading: str
    feed: Feed | None = Field(default=None, description="Omit when the section has parts.")
    parts: list[Section] = Field(default_factory=list)
    limit: Limit | None = None
    hint: str | None = Field(default=None, description="How to get under the limit.")
    empty: str = Field(default="None.", description="Printed when nothing feeds the section.")
    empty_note: str | None = Field(
        default=None, description="Told the user (not printed) when nothing feeds the section."
    )
    # filters (each applies to the feeds where it makes sense)
    related: bool | None = Field(
        default=None,
        description="publications: true = those tagged with a --related tag (or, without "
        "--related, the first ones up to the limit); false = the rest.",
    )
    tags: list[str] = Field(default_factory=list, description="publications: any of these tags.")
    types: list[PubKind] = Field(default_factory=list, description="publications: these types.")
    talk_kinds: list[TalkKind] = Field(default_factory=list)
    categories: list[ServiceCategory] = Field(default_factory=list)
    levels: list[StudentLevel] = Field(default_factory=list)
    last_years: int | None = Field(
        default=None, ge=1, description="Only entries ongoing or ended in the last N years."
    )
    tag_prefix: str | None = Field(
        default=None, description="contributions: publications grouped by tags with this prefix."
    )
    dates: Literal["year", "month"] = "year"
    words: int | None = Field(default=None, ge=1, description="bio: word limit of the bio.")
    person: Literal["first", "third"] = "third"


class Source(Strict):
    document: str
    version: str
    url: str | None = None
    checked: str | None = Field(default=None, description="When cvgen last checked the rules.")


class Page(Strict):
    size: Literal["A4", "letter"] = "letter"
    margin: str = "0.5in"
    font_family: str = "Arial, Helvetica, 'Liberation Sans', sans-serif"
    font_size: str = "11pt"
    pages: int | None = Field(default=None, ge=1, description="Page limit of the document.")
    pages_source: str | None = None


class Profile(Strict):
    name: str
    funder: str = Field(description="Short name used in messages: 'NSF allows 10'.")
    title: str
    source: Source
    notice: str | None = Field(default=None, description="Printed on stderr with every sketch.")
    page: Page = Field(default_factory=Page)
    sections: list[Section]


def builtin_profiles() -> list[str]:
    return sorted(p.stem for p in PROFILE_DIR.glob("*.yaml"))


def is_profile_reference(value: str) -> bool:
    """A built-in name or a path to a YAML file."""
    return value in builtin_profiles() or value.endswith((".yaml", ".yml")) or Path(value).is_file()


def load_profile(value: str) -> Profile:
    """A built-in profile by name, or the profile file at `value`; every problem at once."""
    path = PROFILE_DIR / f"{value}.yaml" if value in builtin_profiles() else Path(value)
    try:
        raw = yaml.load(read_bytes(path, MAX_PROFILE).decode("utf-8"), Loader=Yaml12Loader)
    except UnreadableFile as exc:
        raise CvgenError(f"cannot read profile {path}: {exc}") from None
    except UnicodeDecodeError:
        raise CvgenError(f"{path}: not UTF-8; save the profile as UTF-8") from None
    except yaml.YAMLError as exc:
        raise CvgenError(f"{path}: not valid YAML: {exc}") from None
    try:
        return Profile.model_validate(raw)
    except ValidationError as exc:
        problems = [
            Problem(str(path), None, ".".join(str(p) for p in err["loc"]), err["msg"])
            for err in exc.errors()
        ]
        raise CvgenError(f"{path} is not a valid biosketch profile", problems) from None
