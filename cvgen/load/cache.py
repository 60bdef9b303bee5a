"""On-disk cache of validated CVs, keyed by the content of the inputs and of cvgen itself.

An unchanged rebuild then skips BibTeX parsing and LaTeX decoding (~10x faster). The cache is
JSON re-validated through the model, never pickle, with a hash of its own payload: a corrupt,
truncated, edited, foreign or stale entry fails a check and is ignored; it can never run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from cvgen.build.freshness import file_sha
from cvgen.errors import CvgenError, Problem, Severity
from cvgen.model import CV
from cvgen.sources import Sources
from cvgen.write import write_atomic

_CODE = Path(__file__).resolve().parent.parent
MAX_ENTRIES = 32


def cache_dir() -> Path:
    """$CVGEN_CACHE_DIR, else the platform cache folder ($XDG_CACHE_HOME or ~/.cache)."""
    configured = os.environ.get("CVGEN_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cvgen"


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """Changes whenever the loaders or the model change, so old caches are never trusted."""
    digest = hashlib.sha256()
    for path in sorted([_CODE / "model.py", _CODE / "dates.py", *(_CODE / "load").glob("*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def input_key(sources: Sources) -> str | None:
    """Hash of cv.yaml's path and bytes, the --bib given (if any), the leniency and cvgen's code.

    The .bib actually used may be named inside cv.yaml, so its hash is stored in the entry and
    re-checked on read rather than guessed here.
    """
    cv_hash = file_sha(sources.cv)
    if cv_hash is None:
        return None
    bib = str(sources.bib.resolve()) if sources.bib else ""
    parts = (_code_fingerprint(), str(sources.cv.resolve()), cv_hash, bib)
    parts += ("skip-bad-entries",) if sources.skip_bad_entries else ()
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _entry_path(key: str) -> Path:
    return cache_dir() / f"{key}.json"


def read_cached(key: str) -> tuple[CV, list[Problem]] | None:
    try:
        payload = json.loads(_entry_path(key).read_text(encoding="utf-8"))
        if payload.get("key") != key or file_sha(Path(payload["bib"])) != payload["bib_hash"]:
            return None
        body = payload["cv"]
        if hashlib.sha256(body.encode()).hexdigest() != payload["cv_hash"]:
            return None
        cv = CV.model_validate_json(body)
        warnings = [
            Problem(p["file"], p["line"], p["field"], p["message"], Severity.WARNING)
            for p in payload["warnings"]
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ValidationError):
        return None
    return cv, warnings


def write_cached(key: str, bib_path: Path, cv: CV, warnings: list[Problem]) -> None:
    """Best effort: a read-only or full disk just means no cache next time."""
    bib_hash = file_sha(bib_path)
    if bib_hash is None:
        return
    body = cv.model_dump_json()
    payload = {
        "key": key,
        "bib": str(bib_path.resolve()),
        "bib_hash": bib_hash,
        "cv": body,
        "cv_hash": hashlib.sha256(body.encode()).hexdigest(),
        "warnings": [
            {"file": p.file, "line": p.line, "field": p.field, "message": p.message}
            for p in warnings
        ],
    }
    with contextlib.suppress(OSError, CvgenError):
        cache_dir().mkdir(mode=0o700, parents=True, exist_ok=True)  # it holds the user's CV
        write_atomic(_entry_path(key), json.dumps(payload, ensure_ascii=False))
        _prune(keep=MAX_ENTRIES)


def _prune(keep: int) -> None:
    """Drop the least recently written entries so the cache folder stays small."""
    entries = sorted(cache_dir().glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        old.unlink(missing_ok=True)
