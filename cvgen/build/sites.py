"""`cvgen export jekyll|al-folio|hugo|academicpages`: the tailored CV as a website's data.

Jekyll and al-folio get one file (written atomically); Hugo and academicpages a page per
publication inside the site's folder, written all or nothing (cvgen/files/folder.py). The
warnings add what the site settings in cv.yaml did not find: a flag whose tag no exported paper
has, a field no entry has.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cvgen.build.plan import load_plan
from cvgen.build.request import Request
from cvgen.errors import Problem, Severity
from cvgen.exports import listed_publications
from cvgen.exports.site_data import unused_settings
from cvgen.files.atomic import write_atomic
from cvgen.files.folder import FolderResult, write_folder
from cvgen.formats import get_format
from cvgen.load.sources import Sources


def build_site(
    sources: Sources,
    target: str,
    destination: Path,
    request: Request,
    write: Callable[[Path, str | bytes], Path] = write_atomic,
) -> tuple[FolderResult, list[Problem]]:
    """Write the `target` site export to `destination`: a file (by `write`: the command line
    may send it to stdout), or the site's folder (the pages go into the folder cv.yaml names
    for them, `content/publication` by default)."""
    plan = load_plan(sources, request)
    cv, settings = plan.cv, plan.settings
    document = plan.document()
    key = target.replace("-", "_")
    site = getattr(cv.data.site, key)
    pubs = listed_publications(cv, document)
    warnings = [*plan.warnings, *unused_settings(pubs, site, str(sources.cv), f"site.{key}")]
    export = get_format(target)
    if export.kind != "folder":
        path = write(destination, export.load()(cv, document, settings))
        return FolderResult(written=[path]), warnings
    files = export.load()(cv, document, settings)
    result = write_folder(destination / site.folder, files, f"cvgen export {target}")
    warnings += [
        Problem(
            str(path),
            None,
            "",
            "kept: its publication is no longer exported, but the file was edited since cvgen "
            "wrote it; delete it if it should go",
            Severity.WARNING,
        )
        for path in result.kept
    ]
    return result, warnings
