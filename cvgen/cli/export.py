"""`cvgen export <target>`: publication data for static sites, and the document tree as JSON."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from cvgen.build.request import Request
from cvgen.build.targets import Target
from cvgen.cli.options import document_options, locale_option, output_option
from cvgen.cli.output import is_stdout, output_target, produce, to_stdout
from cvgen.cli.report import echo_warnings, note
from cvgen.load.sources import Sources


@click.group(name="export")
def command() -> None:
    """Export publications for a website (Jekyll, Hugo, al-folio, academicpages), the CV as a
    JSON Resume, or the CV's document tree as JSON."""


# The site must exist: a mistyped SITE_DIR would otherwise become a new folder of pages.
_SITE_FOLDER = click.argument(
    "site", metavar="SITE_DIR", type=click.Path(path_type=Path, file_okay=False, exists=True)
)


def _section_option(target: str, help_text: str) -> Callable[[Callable[..., Any]], Any]:
    from cvgen.build.sites import SECTIONS

    return click.option(
        "--section",
        type=click.Choice(["publications", *SECTIONS[target]]),
        default="publications",
        show_default=True,
        help=help_text,
    )


def _build_site(
    sources: Sources, target: str, destination: Target | Path, request: Request, section: str
) -> None:
    """Write a site export (a data file, Target, sent to stdout for `-o -`; or SITE_DIR's
    pages) and say what was written."""
    from cvgen.build.sites import build_section, build_site

    stream = to_stdout if isinstance(destination, Target) and is_stdout(destination) else None
    if section == "publications":
        result, warnings = build_site(sources, target, destination, request, stream)
    else:
        result, warnings = build_section(sources, target, section, destination, request, stream)
    echo_warnings(warnings)
    if len(result.written) == 1 and not result.removed:
        if not is_stdout(result.written[0]):
            note(f"Wrote {result.written[0]}")
        return
    removed = f"; removed {len(result.removed)} no longer exported" if result.removed else ""
    note(f"Wrote {len(result.written)} files in {destination}{removed}")


JEKYLL_FILES = {
    "publications": "publist.yml",
    "talks": "talks.yml",
    "students": "team_members.yml",
    "alumni": "alumni_members.yml",
}


@command.command(name="jekyll")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    metavar="FILE",
    help="Where to write; point it at your site's _data/. `-o -` writes to stdout [default: "
    "output/_data/publist.yml, talks.yml, team_members.yml or alumni_members.yml beside "
    "cv.yaml].",
)
@_section_option(
    "jekyll",
    "What to write: the publications (site.data.publist), the talks (site.data.talks), you "
    "and your current group (site.data.team_members) or its alumni (site.data.alumni_members).",
)
@locale_option
@document_options
def jekyll(sources: Sources, request: Request, output: Path | None, section: str) -> None:
    """Write the publications, talks or group as a Jekyll data file.

    Each publication has title, authors, venue, year, kind, link (url, display), links, tags,
    description and citation, plus the flags and .bib fields cv.yaml's `site: jekyll:` names;
    a talk title, event, location, date, year, kind, language, url, video, slides, tags; a
    member name, photo, info, email and education lines (as the allanlab lab template's team
    page reads them). Text is HTML-escaped, ready for a Liquid layout.
    """
    name = JEKYLL_FILES[section]
    _build_site(
        sources, "jekyll", output_target(output, sources, f"_data/{name}"), request, section
    )


@command.command(name="al-folio")
@output_option("_bibliography/papers.bib", "Where to write; point it at your al-folio site's file.")
@locale_option
@document_options
def al_folio(sources: Sources, request: Request, output: Path | None) -> None:
    """Write the publications as al-folio's _bibliography/papers.bib: clean citations with the
    fields its layout reads (abbr, selected, html, pdf, code, arxiv, bibtex_show, ...)."""
    target = output_target(output, sources, "_bibliography/papers.bib")
    _build_site(sources, "al-folio", target, request, "publications")


@command.command(name="hugo")
@_SITE_FOLDER
@_section_option(
    "hugo",
    "What to write: publication bundles, event pages for the talks (content/event/), or "
    "author profiles of your group (content/authors/).",
)
@locale_option
@document_options
def hugo(sources: Sources, request: Request, site: Path, section: str) -> None:
    """Write a Hugo Blox (Wowchemy) publication bundle per publication into SITE_DIR's
    content/publication/ (index.md and cite.bib), as its BibTeX importer does.

    Bundles of publications no longer exported are removed unless edited by hand; the
    bundles' other files (featured images) are never touched.
    """
    _build_site(sources, "hugo", site, request, section)


@command.command(name="academicpages")
@_SITE_FOLDER
@_section_option("academicpages", "What to write: publication pages, or talk pages (_talks/).")
@locale_option
@document_options
def academicpages(sources: Sources, request: Request, site: Path, section: str) -> None:
    """Write an academicpages page per publication into SITE_DIR's _publications/.

    Pages of publications no longer exported are removed unless edited by hand.
    """
    _build_site(sources, "academicpages", site, request, section)


@command.command(name="jsonresume")
@output_option("resume.json", "Where to write; al-folio reads assets/json/resume.json.")
@locale_option
@document_options
def jsonresume(sources: Sources, request: Request, output: Path | None) -> None:
    """Write the CV as a JSON Resume (resume.json), for al-folio's CV page and resume-cli's
    themes. What JSON Resume has no place for (students, teaching, talks, ...) is listed."""
    from cvgen.exports.jsonresume import left_out

    plan = produce(sources, request, "jsonresume", output_target(output, sources, "resume.json"))
    missing = left_out(plan.cv)
    if missing:
        note(f"note: JSON Resume has no place for: {', '.join(missing)}")


@command.command(name="document")
@output_option("cv.json", "Where to write the JSON.")
@locale_option
@document_options
def document(sources: Sources, request: Request, output: Path | None) -> None:
    """Write the CV's document tree as JSON: its sections, groups and entries, worded and
    numbered as every cvgen output prints them, for your own templates or tools."""
    produce(sources, request, "document", output_target(output, sources, "cv.json"))
