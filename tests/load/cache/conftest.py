"""The small researcher in a folder of its own, with a cache folder of its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cvgen.load.sources import Sources
from tests.support.projects import SMALL


@pytest.fixture
def sources(tmp_path: Path, monkeypatch) -> Sources:
    monkeypatch.setenv("CVGEN_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copy(SMALL / "cv.yaml", tmp_path / "cv.yaml")
    shutil.copy(SMALL / "publications.bib", tmp_path / "publications.bib")
    return Sources(cv=tmp_path / "cv.yaml")
