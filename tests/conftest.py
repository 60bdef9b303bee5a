"""Shared fixtures: the example researcher, a small fixture researcher, and golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import CV
from tests.support.paths import DATA, GOLDEN, ROOT
from tests.support.remote_server import remote_server, services  # noqa: F401  (fixtures)


def pytest_configure(config: pytest.Config) -> None:
    """Tests never read or write the user's real cache folder, and hypothesis draws the same
    examples on every run (a long CVGEN_FUZZ_EXAMPLES campaign draws fresh ones)."""
    import os
    import tempfile

    from hypothesis import settings

    config.cvgen_cache_dir = tempfile.mkdtemp(prefix="cvgen-test-cache-")  # type: ignore[attr-defined]
    os.environ["CVGEN_CACHE_DIR"] = config.cvgen_cache_dir  # type: ignore[attr-defined]
    settings.register_profile("deterministic", derandomize=True, print_blob=True)
    if "CVGEN_FUZZ_EXAMPLES" not in os.environ:
        settings.load_profile("deterministic")


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil

    shutil.rmtree(getattr(config, "cvgen_cache_dir", ""), ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite golden files from current output."
    )


@pytest.fixture(scope="session")
def example_sources() -> Sources:
    return Sources(cv=ROOT / "cv.yaml", bib=ROOT / "publications.bib")


@pytest.fixture(scope="session")
def example_cv(example_sources: Sources) -> CV:
    return load_or_fail(example_sources)[0]


@pytest.fixture(scope="session")
def small_sources() -> Sources:
    return Sources(cv=DATA / "small" / "cv.yaml", bib=DATA / "small" / "publications.bib")


@pytest.fixture(scope="session")
def humanities_sources() -> Sources:
    """The second CV: a historian writing in German and English (tests/data/humanities)."""
    return Sources(cv=DATA / "humanities" / "cv.yaml", bib=DATA / "humanities" / "publications.bib")


@pytest.fixture(scope="session")
def humanities_cv(humanities_sources: Sources) -> CV:
    return load_or_fail(humanities_sources)[0]


@pytest.fixture(scope="session")
def clinician_cv() -> CV:
    """The clinician-scientist, who uses every field of issue 16 (custom sections, talk
    series, declined awards by stage, personal details, ...)."""
    from tests.support.clinician import SOURCES

    return load_or_fail(SOURCES)[0]


@pytest.fixture(scope="session")
def small_cv(small_sources: Sources) -> CV:
    return load_or_fail(small_sources)[0]


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """golden(name, text): compare with tests/golden/name, or rewrite it with --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update or not path.exists():
            if not update:
                pytest.fail(f"golden file {path} is missing; run pytest --update-golden")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{name} differs from its golden file (pytest --update-golden)"

    return check


@pytest.fixture
def build_project(tmp_path: Path) -> Sources:
    """The small researcher with every kind of build output (support/projects.py OUTPUTS)."""
    from tests.support.projects import OUTPUTS, copy_small

    return Sources(cv=copy_small(tmp_path, OUTPUTS) / "cv.yaml", use_cache=False)


@pytest.fixture
def small_folder(tmp_path: Path, monkeypatch) -> Path:
    """The small researcher's files in a folder of their own, the current folder."""
    from tests.support.projects import copy_small

    monkeypatch.chdir(copy_small(tmp_path))
    return tmp_path


@pytest.fixture
def work_folders(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """(the cache folder, the system temporary folder), both fresh."""
    import tempfile

    cache, system = tmp_path / "cache", tmp_path / "tmp"
    system.mkdir()
    monkeypatch.setenv("CVGEN_CACHE_DIR", str(cache))
    monkeypatch.setattr(tempfile, "tempdir", str(system))
    return cache, system
