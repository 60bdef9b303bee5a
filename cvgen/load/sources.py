"""Where a build's inputs are, and where its outputs go. Kept free of heavy imports: `cvgen build`
decides whether anything changed before it loads the model (see freshness.py)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cvgen.files.project import Project

if TYPE_CHECKING:
    from cvgen.model import CvData

CV_FILE = "cv.yaml"
OUTPUT_FOLDER = "output"  # beside cv.yaml: what the commands write by default
# The line every output of the embedded example carries (stderr, the document's footer, a bio).
EXAMPLE_NOTICE = "Example CV — run `cvgen init` to start your own"


@dataclass(frozen=True)
class Sources:
    """Where the inputs are; the .bib path comes from --bib, else cv.yaml, else next to it.
    `example`: the embedded example researcher, used where no cv.yaml was found."""

    cv: Path
    bib: Path | None = None
    use_cache: bool = True
    skip_bad_entries: bool = False  # leave out broken .bib entries (as warnings) instead of failing
    example: bool = False

    @property
    def project(self) -> Project:
        """cv.yaml's folder, which what cv.yaml names must stay in; --bib was typed."""
        return Project.of(self.cv, self.bib)

    def bib_path(self, data: CvData | None) -> Path:
        """--bib as typed, else cv.yaml's `publications: bib`, else publications.bib beside
        cv.yaml: either must stay inside the project (ConfinementError)."""
        if self.bib is not None:
            return self.bib
        configured = data.publications.bib if data else None
        what = "publications: bib: in cv.yaml," if configured else "the .bib"
        return self.project.path(configured or "publications.bib", what)

    @property
    def output_dir(self) -> Path:
        """output/ beside cv.yaml (`--cv ../mycv/cv.yaml` writes ../mycv/output/); for the
        example, whose cv.yaml is inside cvgen, output/ in the current folder."""
        return Path(OUTPUT_FOLDER) if self.example else self.cv.parent / OUTPUT_FOLDER


def find_cv(start: Path, home: Path | None = None) -> Path | None:
    """cv.yaml in `start` or the nearest folder above it, as git finds .git: the search stops
    at a repository's root (a folder holding .git), at the home folder and at the root of the
    file system. Given relative to `start` when found above it ('../cv.yaml')."""
    start = start.resolve()
    home = (home or Path.home()).resolve()
    for folder in (start, *start.parents):
        candidate = folder / CV_FILE
        if candidate.exists() and not candidate.is_dir():  # a FIFO too: reading it says why
            return Path(os.path.relpath(candidate, start))
        if folder == home or (folder / ".git").exists():
            return None
    return None
