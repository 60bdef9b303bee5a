"""The load cache (load/cache/store.py): hits are identical to a fresh load; any change,
corruption, tampering or forgery makes it miss, never lie; a library's entry stays lean."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
from pathlib import Path

import pytest

from cvgen.load.cache import store as cache
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from tests.support.deadline import deadline
from tests.support.paths import DATA
from tests.support.projects import cache_entries, count_loads, library

SMALL = DATA / "small"


def test_second_load_is_a_hit_and_identical(sources: Sources, tmp_path: Path, monkeypatch) -> None:
    fresh, warnings = load_or_fail(sources)
    assert len(cache_entries(tmp_path)) == 1
    monkeypatch.setattr("cvgen.load.cv._load", lambda s: pytest.fail("cache was not used"))
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


def _edit_payload(edit_header=lambda header: header, edit_cv=lambda cv: cv):
    """Damage an entry's payload (its JSON header line, then the CV's JSON), leaving its
    signature line as it was."""

    def damage(text: str) -> str:
        signature, _, payload = text.partition("\n")
        header, _, cv = payload.partition("\n")
        return signature + "\n" + edit_header(header) + "\n" + edit_cv(cv)

    return damage


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: "not json",
        lambda text: text.replace("Jonas", "Mallory"),  # content edited, still valid JSON
        _edit_payload(edit_header=lambda h: json.dumps({**json.loads(h), "key": "0" * 64})),
        _edit_payload(edit_cv=lambda cv: json.dumps({"data": 3})),
        lambda text: "[1, 2]",
        lambda text: "",
    ],
)
def test_corrupt_or_tampered_entries_are_ignored(sources: Sources, tmp_path: Path, damage) -> None:
    fresh, _ = load_or_fail(sources)
    (entry,) = cache_entries(tmp_path)
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
        (tmp_path / f"{cache.PREFIX}{index:064x}.json").write_text("{}")
    (tmp_path / "csl-styles.json").write_text("{}")  # another cache's file: not pruned here
    cache._prune(keep=cache.MAX_ENTRIES)
    assert len(list(tmp_path.glob(f"{cache.PREFIX}*.json"))) == cache.MAX_ENTRIES
    assert (tmp_path / "csl-styles.json").exists()


def test_an_edited_entry_with_a_recomputed_hash_is_not_believed(sources: Sources, tmp_path: Path):
    """The forgery of the review: a title edited in the entry, its hash recomputed."""
    load_or_fail(sources)
    (entry,) = cache_entries(tmp_path)
    _, _, payload = entry.read_bytes().partition(b"\n")
    forged = payload.replace(b"Method for sensing", b"Forged title")
    assert forged != payload
    guessed_key = hmac.new(b"a guessed key", forged, hashlib.sha256).hexdigest()
    for signature in (hashlib.sha256(forged).hexdigest(), guessed_key, ""):
        entry.write_bytes(signature.encode() + b"\n" + forged)
        cv, _ = load_or_fail(sources)
        titles = [p.title for p in cv.publications]
        assert "Forged title" not in titles and any("Method for sensing" in t for t in titles)


def test_a_cache_folder_others_can_write_is_not_trusted(sources, tmp_path: Path, monkeypatch):
    folder = tmp_path / "cache"
    load_or_fail(sources)
    key = (folder / "secret.key").read_bytes()
    folder.chmod(0o777)  # anyone could have swapped the key and the entries
    loads = count_loads(monkeypatch)
    fresh, _ = load_or_fail(sources)
    assert loads == [1]  # nothing in the folder was believed
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700  # closed again, with a new key
    assert (folder / "secret.key").read_bytes() != key
    assert load_or_fail(sources)[0] == fresh and loads == [1]  # the new entry is trusted


def _make_special(path: Path, kind: str) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")


@pytest.mark.parametrize("kind", ["fifo", "folder", "link to /dev/zero"])
@pytest.mark.parametrize("which", ["entry", "key"])
def test_special_files_in_the_cache_folder_count_as_absent(
    sources: Sources, tmp_path: Path, kind: str, which: str
) -> None:
    fresh, _ = load_or_fail(sources)
    (entry,) = cache_entries(tmp_path)
    target = entry if which == "entry" else tmp_path / "cache" / "secret.key"
    target.unlink()
    _make_special(target, kind)
    with deadline(10):
        assert load_or_fail(sources)[0] == fresh
        assert load_or_fail(sources)[0] == fresh


def test_equal_authors_are_one_object_fresh_and_from_the_cache(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CVGEN_CACHE_DIR", str(tmp_path / "cache"))
    sources = library(tmp_path, 400)
    fresh, _ = load_or_fail(sources)
    cached, _ = load_or_fail(sources)
    assert cached == fresh and cached is not fresh
    objects = {}
    for name, cv in (("fresh", fresh), ("cached", cached)):
        authors = [a for p in cv.publications for a in p.authors]
        objects[name] = len({id(a) for a in authors})
        assert objects[name] < len(authors) / 2
    distinct = {a.model_dump_json() for p in cached.publications for a in p.authors}
    assert objects["cached"] == len(distinct) <= objects["fresh"]


def test_the_cache_entry_holds_the_cv_once(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CVGEN_CACHE_DIR", str(tmp_path / "cache"))
    sources = library(tmp_path, 200)
    cv, _ = load_or_fail(sources)
    (entry,) = (tmp_path / "cache").glob("*.json")
    _, header, body = entry.read_bytes().split(b"\n", 2)
    assert b'"bib_hash"' in header and body == cv.model_dump_json().encode()
