"""On-disk cache of validated CVs, keyed by the content of the inputs and of cvgen itself.

An unchanged rebuild then skips BibTeX parsing and LaTeX decoding (~10x faster). The cache is
JSON re-validated through the model (one Author object per distinct person, as a fresh load
has), never pickle, and each entry carries an HMAC under the
user's secret key (cache_secret.py): a corrupt, truncated, edited, forged, foreign or stale
entry fails a check and is ignored, and so is anything in the folder that is not a regular
file; an entry can never run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from cvgen.errors import CvgenError, Problem, Severity
from cvgen.files.atomic import remove_partial_writes, write_atomic
from cvgen.files.private import cache_dir
from cvgen.files.reading import MAX_CACHE_ENTRY, UnreadableFile, digest, read_bytes
from cvgen.load.cache.secret import signed, verified
from cvgen.load.collector import collector_paused
from cvgen.load.sources import Sources
from cvgen.model import CV
from cvgen.model.memory import shared_authors

_CODE = Path(__file__).resolve().parents[2]  # the cvgen package
MAX_ENTRIES = 32
PREFIX = "cv-"  # the loaded CVs; the citation styles' caches are csl-*.json beside them


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """Changes whenever any of cvgen's code changes (the loaders and the model draw on many
    modules: marks, ids, dates), so a cache is never trusted across versions. Each module's
    size and time of change stand for its bytes: reading them all would cost every run."""
    combined = hashlib.sha256()
    for path in sorted(p for p in _CODE.rglob("*.py") if "__pycache__" not in p.parts):
        info = path.stat()
        combined.update(f"{path.relative_to(_CODE)}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return combined.hexdigest()


def input_key(sources: Sources) -> str | None:
    """Hash of cv.yaml's path and bytes, the --bib given (if any), the leniency and cvgen's code.

    The .bib actually used may be named inside cv.yaml, so its hash is stored in the entry and
    re-checked on read rather than guessed here.
    """
    cv_hash = digest(sources.cv)
    if cv_hash is None:
        return None
    bib = str(sources.bib.resolve()) if sources.bib else ""
    parts = (_code_fingerprint(), str(sources.cv.resolve()), cv_hash, bib)
    parts += ("skip-bad-entries",) if sources.skip_bad_entries else ()
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _entry_path(key: str) -> Path:
    return cache_dir() / f"{PREFIX}{key}.json"


def read_cached(key: str) -> tuple[CV, list[Problem]] | None:
    """The entry's CV and warnings, if it is signed with the user's key and still current."""
    try:
        payload = verified(read_bytes(_entry_path(key), MAX_CACHE_ENTRY))
        if payload is None:
            return None
        header, _, cv_json = payload.partition(b"\n")
        del payload  # a large library's entry is tens of megabytes: keep one copy
        entry = json.loads(header)
        if entry["key"] != key or digest(Path(entry["bib"])) != entry["bib_hash"]:
            return None
        with collector_paused():
            cv = CV.model_validate_json(cv_json, context=shared_authors())
        warnings = [
            Problem(p["file"], p["line"], p["field"], p["message"], Severity.WARNING)
            for p in entry["warnings"]
        ]
    except (UnreadableFile, ValueError, KeyError, TypeError, AttributeError, ValidationError):
        return None
    return cv, warnings


def write_cached(key: str, bib_path: Path, bib_hash: str, cv: CV, warnings: list[Problem]) -> None:
    """Store `cv`, loaded from cv.yaml (as `key` says) and the .bib whose bytes hash to
    `bib_hash`. Best effort: a read-only or full disk, or a folder others can write, means no
    cache.

    An entry is a JSON line of what identifies it, then the CV's JSON as pydantic writes it
    (bytes, never nested in another JSON string: a 50,000-entry library's CV is 25 MB)."""
    header = {
        "key": key,
        "bib": str(bib_path.resolve()),
        "bib_hash": bib_hash,
        "warnings": [
            {"file": p.file, "line": p.line, "field": p.field, "message": p.message}
            for p in warnings
        ],
    }
    payload = json.dumps(header, ensure_ascii=False).encode() + b"\n"
    payload += CV.__pydantic_serializer__.to_json(cv)
    data = signed(payload) if len(payload) < MAX_CACHE_ENTRY.size else None
    del payload
    if data is None:
        return
    with contextlib.suppress(OSError, CvgenError):
        remove_partial_writes(cache_dir())  # entries and keys half-written by killed runs
        write_atomic(_entry_path(key), data, mode=0o600)
        _prune(keep=MAX_ENTRIES)


def _prune(keep: int) -> None:
    """Drop the least recently written entries so the cache folder stays small."""
    entries = sorted(
        cache_dir().glob(f"{PREFIX}*.json"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in entries[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
