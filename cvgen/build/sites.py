"""`cvgen export jekyll|al-folio|hugo|academicpages`: the tailored CV as a website's data.

Jekyll and al-folio get one file (written atomically); Hugo and academicpages a page per
publication inside the site's folder, written all or nothing (cvgen/files/folder.py). The
warnings add what the site settings in cv.yaml did not find: a flag whose tag no exported paper
has, a field no entry has.
"""

from __future__ import annotations

from pathlib import Path

from cvgen.build.plan import load_plan
from cvgen.build.request import Request
from cvgen.document import Document
from cvgen.errors import Problem, Severity
from cvgen.exports import listed_publications
from cvgen.exports.academicpages import missing_categories
from cvgen.exports.jekyll import publist_warnings
from cvgen.exports.site_data import unused_settings
from cvgen.exports.site_people import without_photos
from cvgen.files.atomic import write_atomic
from cvgen.files.folder import FolderResult, write_folder
from cvgen.formats import get_format
from cvgen.load.sources import Sources
from cvgen.model import CV
from cvgen.util.progress import step

# The other sections a site takes (`--section`): their row in the table of formats and, for a
# folder, the setting that names the folder. Publications are each site's own row.
SECTIONS: dict[str, dict[str, tuple[str, str | None]]] = {
    "jekyll": {
        "talks": ("jekyll-talks", None),
        "students": ("jekyll-team", None),
        "alumni": ("jekyll-alumni", None),
    },
    "hugo": {
        "talks": ("hugo-events", "events_folder"),
        "students": ("hugo-authors", "authors_folder"),
    },
    "academicpages": {"talks": ("academicpages-talks", "talks_folder")},
}


def section_names(target: str) -> tuple[str, ...]:
    return ("publications", *SECTIONS.get(target, {}))


def build_section(
    sources: Sources, target: str, section: str, destination: Path, request: Request
) -> tuple[FolderResult, list[Problem]]:
    """Write a site's talks or group (`--section`): a data file, or pages in the site's
    folder for them."""
    plan = load_plan(sources, request)
    fmt, folder_setting = SECTIONS[target][section]
    document = plan.document()
    content = get_format(fmt).load()(plan.cv, document, plan.settings)
    if folder_setting is None:
        warnings = [*plan.warnings, *_photo_warnings(plan.cv, document, section, sources)]
        return FolderResult(written=[write_atomic(destination, content)]), warnings
    site = getattr(plan.cv.data.site, target)
    folder = destination / getattr(site, folder_setting)
    result = write_folder(folder, content, f"cvgen export {target} --section {section}")
    return result, [*plan.warnings, *_kept_warnings(result)]


def _photo_warnings(cv: CV, document: Document, section: str, sources: Sources) -> list[Problem]:
    if section not in ("students", "alumni"):
        return []
    missing = without_photos(cv, document, section)
    if not missing:
        return []
    message = (
        f"no photo for {', '.join(missing)}: a team page prints a picture for everyone, so "
        "theirs would show broken; set photo: (a file name in the site's pictures folder)"
    )
    return [Problem(str(sources.cv), None, section, message, Severity.WARNING)]


def _kept_warnings(result: FolderResult, what: str = "item") -> list[Problem]:
    return [
        Problem(
            str(path),
            None,
            "",
            f"kept: its {what} is no longer exported, but the file was edited since cvgen "
            "wrote it; delete it if it should go",
            Severity.WARNING,
        )
        for path in result.kept
    ]


def build_site(
    sources: Sources, target: str, destination: Path, request: Request
) -> tuple[FolderResult, list[Problem]]:
    """Write the `target` site export to `destination`: a file, or the site's folder (the
    pages go into the folder cv.yaml names for them, `content/publication` by default)."""
    plan = load_plan(sources, request)
    cv, settings = plan.cv, plan.settings
    document = plan.document()
    key = target.replace("-", "_")
    site = getattr(cv.data.site, key)
    pubs = listed_publications(cv, document)
    warnings = [*plan.warnings, *unused_settings(pubs, site, str(sources.cv), f"site.{key}")]
    export = get_format(target)
    if target == "jekyll":
        warnings += publist_warnings(pubs, site, str(sources.cv))
    with step(f"Writing {export.description}"):
        files = export.load()(cv, document, settings)
    if export.kind != "folder":
        return FolderResult(written=[write_atomic(destination, files)]), warnings
    if target == "academicpages":
        warnings += missing_categories(pubs, destination, site)
    result = write_folder(destination / site.folder, files, f"cvgen export {target}")
    return result, [*warnings, *_kept_warnings(result, "publication")]
