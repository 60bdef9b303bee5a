"""Files shipped with cvgen outside its themes: the example researcher, the starter files.

In a wheel they live inside the package (see pyproject's force-include); in a source checkout
(editable install, tests) they are the repository's top-level files, which stay the originals.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # the cvgen package
_REPO = _PACKAGE.parent


def example_dir() -> Path:
    """The folder holding the embedded example cv.yaml and publications.bib."""
    packaged = _PACKAGE / "example"
    return packaged if (packaged / "cv.yaml").is_file() else _REPO


def starter_dir() -> Path:
    return _PACKAGE / "starter"
