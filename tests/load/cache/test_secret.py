"""The key that signs cache entries (load/cache/secret.py): private, made once, replaced when
others could read it; signatures that only its holder can make."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from cvgen.load.cache.secret import KEY_BYTES, KEY_FILE, secret_key, signed, verified
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from tests.support.projects import cache_entries, count_loads


def test_the_key_is_private_made_once_and_kept(sources: Sources, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load_or_fail(sources)
    key = folder / "secret.key"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert all(stat.S_IMODE(e.stat().st_mode) == 0o600 for e in cache_entries(tmp_path))
    first = key.read_bytes()
    assert len(first) == 32
    load_or_fail(sources)
    assert key.read_bytes() == first
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(".json")) == [
        "secret.key"
    ]


def test_a_key_others_can_read_is_replaced(sources: Sources, tmp_path: Path, monkeypatch):
    load_or_fail(sources)
    key = tmp_path / "cache" / "secret.key"
    leaked = key.read_bytes()
    key.chmod(0o644)
    loads = count_loads(monkeypatch)
    load_or_fail(sources)
    assert loads == [1]  # the entry signed with the exposed key was not used
    assert key.read_bytes() != leaked and stat.S_IMODE(key.stat().st_mode) == 0o600


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("CVGEN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_signed_data_verifies_and_any_edit_or_other_key_does_not(cache: Path) -> None:
    data = signed(b'{"title": "T"}')
    assert data is not None and verified(data) == b'{"title": "T"}'
    signature, _, payload = data.partition(b"\n")
    assert verified(signature + b"\n" + payload.replace(b"T", b"U")) is None
    assert verified(b"0" * len(signature) + b"\n" + payload) is None
    (cache / KEY_FILE).unlink()  # a new key: what the old one signed is not believed
    assert verified(data) is None


def test_the_key_is_made_once_private_and_read_back(cache: Path) -> None:
    key = secret_key()
    assert key is not None and len(key) == KEY_BYTES
    assert (cache / KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert secret_key() == key


def test_a_folder_others_could_write_gives_no_key_until_it_is_closed_again(cache: Path) -> None:
    """Its key may be someone else's: it is deleted, nothing is signed that time, and the
    folder is closed to others so that the next run makes a key of its own."""
    key = secret_key()
    cache.chmod(0o777)
    assert secret_key() is None and not (cache / KEY_FILE).exists()
    assert cache.stat().st_mode & 0o777 == 0o700
    fresh = signed(b"x")
    assert fresh is not None and secret_key() != key
