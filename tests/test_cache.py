"""The load cache: hits are identical to a fresh load; any change, corruption or tampering
makes it miss, never lie."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cvgen.load import cache
from cvgen.load.cv import load_or_fail
from cvgen.sources import Sources

SMALL = Path(__file__).parent / "data" / "small"


@pytest.fixture
def sources(tmp_path: Path, monkeypatch) -> Sources:
    monkeypatch.setenv("CVGEN_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copy(SMALL / "cv.yaml", tmp_path / "cv.yaml")
    shutil.copy(SMALL / "publications.bib", tmp_path / "publications.bib")
    return Sources(cv=tmp_path / "cv.yaml")


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("*.json"))


def test_second_load_is_a_hit_and_identical(sources: Sources, tmp_path: Path, monkeypatch) -> None:
    fresh, warnings = load_or_fail(sources)
    assert len(_entries(tmp_path)) == 1
    monkeypatch.setattr("cvgen.load.cv.load", lambda s: pytest.fail("cache was not used"))
    cached, cached_warnings = load_or_fail(sources)
    assert cached == fresh
    assert [str(w) for w in cached_warnings] == [str(w) for w in warnings]


def test_editing_the_bib_invalidates(sources: Sources, tmp_path: Path) -> None:
    load_or_fail(sources)
    bib = tmp_path / "publications.bib"
    bib.write_text(bib.read_text().replace("Method for sensing", "Method for seeing"))
    cv, _ = load_or_fail(sources)
    assert any(p.title == "Method for seeing" for p in cv.publications)


def test_editing_the_yaml_invalidates(sources: Sources, tmp_path: Path) -> None:
    load_or_fail(sources)
    yaml_file = tmp_path / "cv.yaml"
    yaml_file.write_text(yaml_file.read_text().replace("Jonas Åberg", "Jonas Berg-Åberg"))
    cv, _ = load_or_fail(sources)
    assert cv.data.person.name == "Jonas Berg-Åberg"


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: "not json",
        lambda text: text.replace("Jonas", "Mallory"),  # content edited, still valid JSON
        lambda text: json.dumps({**json.loads(text), "key": "0" * 64}),
        lambda text: json.dumps({**json.loads(text), "cv": {"data": 3}}),
        lambda text: "[1, 2]",
    ],
)
def test_corrupt_or_tampered_entries_are_ignored(sources: Sources, tmp_path: Path, damage) -> None:
    fresh, _ = load_or_fail(sources)
    (entry,) = _entries(tmp_path)
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    again, _ = load_or_fail(sources)
    assert again == fresh


def test_no_cache_never_touches_the_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CVGEN_CACHE_DIR", str(tmp_path / "cache"))
    load_or_fail(Sources(cv=SMALL / "cv.yaml", use_cache=False))
    assert not (tmp_path / "cache").exists()


def test_cache_is_pruned(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CVGEN_CACHE_DIR", str(tmp_path))
    for index in range(cache.MAX_ENTRIES + 5):
        (tmp_path / f"{index:064x}.json").write_text("{}")
    cache._prune(keep=cache.MAX_ENTRIES)
    assert len(list(tmp_path.glob("*.json"))) == cache.MAX_ENTRIES
