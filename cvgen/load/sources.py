"""Where a build's inputs are. Kept free of heavy imports: `cvgen build` decides whether anything
changed before it loads the model (see freshness.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cvgen.files.project import Project

if TYPE_CHECKING:
    from cvgen.model import CvData


@dataclass(frozen=True)
class Sources:
    """Where the inputs are; the .bib path comes from --bib, else cv.yaml, else next to it."""

    cv: Path
    bib: Path | None = None
    use_cache: bool = True
    skip_bad_entries: bool = False  # leave out broken .bib entries (as warnings) instead of failing

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
