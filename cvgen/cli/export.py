"""`cvgen export <target>`: publication data for static sites, and the document tree as JSON."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.build.plan import load_plan
from cvgen.build.request import Request
from cvgen.cli.options import document_options, locale_option, output_option
from cvgen.cli.output import deliver, is_stdout, output_path, write_output
from cvgen.cli.report import echo_warnings, note
from cvgen.load.sources import Sources


@click.group(name="export")
def command() -> None:
    """Export publications for a website (Jekyll, Hugo, al-folio, academicpages), or the CV's
    document tree as JSON."""


# The site must exist: a mistyped SITE_DIR would otherwise become a new folder of pages.
_SITE_FOLDER = click.argument(
    "site", metavar="SITE_DIR", type=click.Path(path_type=Path, file_okay=False, exists=True)
)


def _build_site(sources: Sources, target: str, destination: Path, request: Request) -> None:
    from cvgen.build.sites import build_site

    result, warnings = build_site(sources, target, destination, request, deliver)
    echo_warnings(warnings)
    if len(result.written) == 1 and not result.removed:
        if not is_stdout(result.written[0]):
            note(f"Wrote {result.written[0]}")
        return
    removed = f"; removed {len(result.removed)} no longer exported" if result.removed else ""
    note(f"Wrote {len(result.written)} files in {destination}{removed}")


@command.command(name="jekyll")
@output_option("_data/publist.yml", "Where to write; point it at your site's _data/.")
@locale_option
@document_options
def jekyll(sources: Sources, request: Request, output: Path | None) -> None:
    """Write the publications as a Jekyll data file (site.data.publist).

    Each entry has title, authors, venue, year, kind, link (url, display), links, tags,
    description and citation, plus the flags and .bib fields cv.yaml's `site: jekyll:` names;
    text is HTML-escaped, ready for a Liquid layout.
    """
    _build_site(sources, "jekyll", output_path(output, sources, "_data/publist.yml"), request)


@command.command(name="al-folio")
@output_option("_bibliography/papers.bib", "Where to write; point it at your al-folio site's file.")
@locale_option
@document_options
def al_folio(sources: Sources, request: Request, output: Path | None) -> None:
    """Write the publications as al-folio's _bibliography/papers.bib: clean citations with the
    fields its layout reads (abbr, selected, html, pdf, code, arxiv, bibtex_show, ...)."""
    target = output_path(output, sources, "_bibliography/papers.bib")
    _build_site(sources, "al-folio", target, request)


@command.command(name="hugo")
@_SITE_FOLDER
@locale_option
@document_options
def hugo(sources: Sources, request: Request, site: Path) -> None:
    """Write a Hugo Blox (Wowchemy) publication bundle per publication into SITE_DIR's
    content/publication/ (index.md and cite.bib), as its BibTeX importer does.

    Bundles of publications no longer exported are removed unless edited by hand; the
    bundles' other files (featured images) are never touched.
    """
    _build_site(sources, "hugo", site, request)


@command.command(name="academicpages")
@_SITE_FOLDER
@locale_option
@document_options
def academicpages(sources: Sources, request: Request, site: Path) -> None:
    """Write an academicpages page per publication into SITE_DIR's _publications/.

    Pages of publications no longer exported are removed unless edited by hand.
    """
    _build_site(sources, "academicpages", site, request)


@command.command(name="document")
@output_option("cv.json", "Where to write the JSON.")
@locale_option
@document_options
def document(sources: Sources, request: Request, output: Path | None) -> None:
    """Write the CV's document tree as JSON: its sections, groups and entries, worded and
    numbered as every cvgen output prints them, for your own templates or tools."""
    plan = load_plan(sources, request)
    echo_warnings(plan.warnings)
    write_output(output_path(output, sources, "cv.json"), plan.render("document"))
