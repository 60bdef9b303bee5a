"""On-disk cache of CSL-formatted references: citeproc-py needs 1–4 ms a reference, far more
than a whole built-in render, so each reference is formatted once per style and content.

One file per style (keyed by its files' bytes and by this engine's code): the hash of its body,
then the body, JSON mapping a hash of each reference's input (its CSL item and marks) to its
spans. As in load/cache.py the hash is checked on read: a corrupt or edited file is ignored,
never trusted. Formatting one reference does not depend on the others in citeproc-py (it has no
disambiguation or repeated-author dashes), so caching per reference is exact.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from cvgen.document import Span
from cvgen.errors import CvgenError
from cvgen.files.atomic import write_atomic
from cvgen.files.reading import MAX_CACHE_ENTRY, UnreadableFile, read_bytes
from cvgen.load.cache.secret import signed, verified
from cvgen.load.cache.store import cache_dir
from cvgen.model import Publication

MAX_FILES = 16
_FLAGS = ("bold", "underline", "italic", "superscript")  # bit 0, 1, 2, 3
_FLAG_VALUES = [tuple(bool(flags >> i & 1) for i in range(len(_FLAGS))) for flags in range(16)]


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Changes with cvgen's CSL code, its span type and citeproc-py's own code."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    cvgen = here.parent
    files = [*sorted(here.glob("*.py")), cvgen / "document.py"]
    spec = importlib.util.find_spec("citeproc")
    if spec is not None and spec.origin:
        files += [Path(spec.origin).parent / "model.py", Path(spec.origin).parent / "_version.py"]
    for path in files:
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def reference_key(pub: Publication) -> str:
    """What a formatted reference depends on: the publication with its authors' marks (not its
    key or line, which it does not print); the mapping to CSL is in the engine fingerprint."""
    body = pub.model_dump_json(exclude={"key", "line"})
    return hashlib.sha256(body.encode()).hexdigest()[:32]


_MARKS = (None, "self", "student", "equal")


def _encode(spans: list[Span]) -> list[list[Any]]:
    return [
        [
            span.text,
            sum(1 << i for i, f in enumerate(_FLAGS) if getattr(span, f)),
            span.href,
            _MARKS.index(span.mark),
        ]
        for span in spans
    ]


def _decode(rows: Any) -> list[Span]:
    spans = []
    for text, flags, href, mark in rows:
        valid = isinstance(text, str) and isinstance(href, str | None)
        if not (valid and 0 <= flags < 16 and 0 <= mark < len(_MARKS)):
            raise ValueError("not a span")
        styles = dict(zip(_FLAGS, _FLAG_VALUES[flags], strict=True))
        spans.append(Span(text, **styles, href=href, mark=_MARKS[mark]))
    return spans


class ReferenceCache:
    """The formatted references of one style, read once and written back if anything was added."""

    def __init__(self, style_fingerprint: str, enabled: bool = True) -> None:
        name = hashlib.sha256(f"{style_fingerprint}{engine_fingerprint()}".encode()).hexdigest()
        self.path = cache_dir() / f"csl-{name[:32]}.json"
        self.enabled = enabled
        self.entries: dict[str, list[list[Any]]] = self._read() if enabled else {}
        self.added = False

    def _read(self) -> dict[str, list[list[Any]]]:
        """The file is signed with the user's cache key (see load/cache_secret.py): an entry
        anyone else edited would put their text into the CV."""
        try:
            body = verified(read_bytes(self.path, MAX_CACHE_ENTRY))
            entries = json.loads(body) if body is not None else {}
            return entries if isinstance(entries, dict) else {}
        except (UnreadableFile, ValueError):
            return {}

    def get(self, key: str) -> list[Span] | None:
        rows = self.entries.get(key)
        if rows is None:
            return None
        try:
            return _decode(rows)
        except (ValueError, TypeError):
            del self.entries[key]
            return None

    def put(self, key: str, spans: list[Span]) -> None:
        self.entries[key] = _encode(spans)
        self.added = True

    def save(self, used: set[str]) -> None:
        """Best effort. Keeps entries of other selections too, unless the file grew to four
        times what this render used (edited entries leave stale ones behind)."""
        if not (self.enabled and self.added):
            return
        if len(self.entries) > max(4 * len(used), 4000):
            self.entries = {k: v for k, v in self.entries.items() if k in used}
        body = json.dumps(self.entries, ensure_ascii=False, separators=(",", ":")).encode()
        data = signed(body)
        if data is None:  # no private cache folder: no cache
            return
        with contextlib.suppress(OSError, CvgenError):
            write_atomic(self.path, data, mode=0o600)
            files = sorted(cache_dir().glob("csl-*.json"), key=lambda p: p.stat().st_mtime)
            for old in files[:-MAX_FILES]:
                old.unlink(missing_ok=True)
