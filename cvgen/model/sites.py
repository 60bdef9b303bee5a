"""Settings of the site exports (`cvgen export jekyll|hugo|al-folio|academicpages`)."""

from __future__ import annotations

import re
from typing import Annotated, ClassVar

from pydantic import (
    AfterValidator,
    Field,
    field_validator,
    model_validator,
)

from cvgen.model import fields as bib_fields
from cvgen.model.base import NonEmpty, Strict
from cvgen.model.design import inside_output_folder, no_repeats
from cvgen.model.publications import PubKind

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
    fields: Annotated[list[ExportField], AfterValidator(no_repeats)] = Field(
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
        return inside_output_folder(path).strip("/")
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
    open_keys = frozenset({"description", "image"})

    html_fields: list[SiteKey] = Field(
        default_factory=lambda: ["news1", "news2"],
        description="Fields of `fields` that hold HTML the site prints as HTML (the publist "
        "template's news1, news2): passed sanitised (links, emphasis, colour kept; scripts, "
        "handlers and other tags removed) instead of escaped [default: [news1, news2]].",
    )
    default_image: str | None = Field(
        default=None,
        description="The image of papers without an `image` field (the publist page prints "
        "an <img> for every paper: without one it shows a broken image), e.g. blank.png.",
    )


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
    events_folder: Annotated[str, AfterValidator(_content_folder)] = Field(
        default="content/event",
        description="Where `--section talks` writes event pages (Hugo Blox 5: content/event; "
        "newer: content/events).",
    )
    authors_folder: Annotated[str, AfterValidator(_content_folder)] = Field(
        default="content/authors",
        description="Where `--section students` writes author profiles of your group.",
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
        "additional_info annotation abstract location website pmid isbn altmetric dimensions "
        "inspirehep_id google_scholar_id".split()
    )
    open_keys = frozenset({"abbr", "selected", "annotation", "additional_info"})

    bibtex_show: bool = Field(default=True, description="Show each entry's Bib button.")
    badges: bool = Field(
        default=True,
        description="altmetric and dimensions = {true} on papers with a DOI, arXiv id, PMID "
        "or ISBN (al-folio shows them with enable_publication_badges).",
    )


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
    talks_folder: Annotated[str, AfterValidator(_content_folder)] = Field(
        default="_talks", description="Where `--section talks` writes the talk pages."
    )
    talks_permalink: Annotated[str, AfterValidator(_permalink)] = Field(
        default="/talks/", description="Where the talk pages are served."
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
