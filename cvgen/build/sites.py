"""`cvgen export jekyll|al-folio|hugo|academicpages`: the tailored CV as a website's data.

Jekyll and al-folio get one file (written atomically); Hugo and academicpages a page per
publication inside the site's folder, written all or nothing (cvgen/files/folder.py). The
warnings add what the site settings in cv.yaml did not find: a flag whose tag no exported paper
has, a field no entry has.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from cvgen.build.plan import load_plan
from cvgen.build.request import Request
from cvgen.build.targets import Target, refuse, write_target
from cvgen.document import Document
from cvgen.errors import Problem, Severity
from cvgen.exports import listed_publications
from cvgen.exports.academicpages import missing_categories
from cvgen.exports.jekyll import publist_warnings
from cvgen.exports.site_data import unused_settings
from cvgen.exports.site_people import without_photos
from cvgen.files.folder import FolderResult, write_folder
from cvgen.files.project import ConfinementError, leaves_folder
from cvgen.formats import get_format
from cvgen.load.sources import Sources
from cvgen.model import CV, CvData
from cvgen.util.progress import step

Stream = Callable[[str | bytes], None]  # where `-o -` sends a data file instead of writing it

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
    sources: Sources,
    target: str,
    section: str,
    destination: Target | Path,
    request: Request,
    stream: Stream | None = None,
) -> tuple[FolderResult, list[Problem]]:
    """Write a site's talks or group (`--section`): a data file (or `stream`, as build_site),
    or pages in the site's folder for them."""
    plan = load_plan(sources, request)
    fmt, folder_setting = SECTIONS[target][section]
    document = plan.document()
    if isinstance(destination, Target):
        render = partial(get_format(fmt).load(), plan.cv, document, plan.settings)
        path = _write_file(destination, render, sources, plan.cv.data, request, stream)
        warnings = [*plan.warnings, *_photo_warnings(plan.cv, document, section, sources)]
        return FolderResult(written=[path]), warnings
    content = get_format(fmt).load()(plan.cv, document, plan.settings)
    site = getattr(plan.cv.data.site, target)
    folder = _confined(
        destination, getattr(site, folder_setting), f"site.{target}.{folder_setting}"
    )
    result = write_folder(folder, content, f"cvgen export {target} --section {section}")
    return result, [*plan.warnings, *_kept_warnings(result)]


def _write_file(
    destination: Target,
    render: Callable[[], str | bytes],
    sources: Sources,
    data: CvData,
    request: Request,
    stream: Stream | None,
) -> Path:
    """Render a site's data file and write it, refused first (before the rendering) when it
    may not be written; or hand it to `stream` (the command line's stdout), as typed."""
    if stream is not None:
        stream(render())
        return destination.path
    refuse(destination, sources, data, request)
    return write_target(destination, render(), sources, data, request)


def _confined(site_folder: Path, inside: str, setting: str) -> Path:
    """The folder cv.yaml names for the pages, refused when it leads out of the site's folder
    (a cloned cv.yaml's `../..` or a link)."""
    folder = site_folder / inside
    reason = leaves_folder(folder / "page", site_folder, f"the site folder {site_folder}")
    if reason:
        raise ConfinementError(f"{setting}: {folder} {reason}; nothing was written")
    return folder


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
    sources: Sources,
    target: str,
    destination: Target | Path,
    request: Request,
    stream: Stream | None = None,
) -> tuple[FolderResult, list[Problem]]:
    """Write the `target` site export to `destination`: a file (a Target; or `stream`, where
    the command line's `-o -` sends it), or the site's folder, as typed (the pages go into
    the folder cv.yaml names for them, `content/publication` by default, which must stay
    inside the site's folder)."""
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
        if isinstance(destination, Target):
            render = partial(export.load(), cv, document, settings)
            path = _write_file(destination, render, sources, cv.data, request, stream)
            return FolderResult(written=[path]), warnings
        files = export.load()(cv, document, settings)
    if target == "academicpages":
        warnings += missing_categories(pubs, destination, site)
    folder = _confined(destination, site.folder, f"site.{key}.folder")
    result = write_folder(folder, files, f"cvgen export {target}")
    return result, [*warnings, *_kept_warnings(result, "publication")]
