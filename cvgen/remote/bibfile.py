"""The user's .bib as an import sees it: what it holds, and new entries appended to it with
every existing byte (comments, order, formatting, line endings) left as it was."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from cvgen.errors import CvgenError, Problem
from cvgen.files.atomic import write_atomic
from cvgen.files.reading import MAX_BIB, MB, UnreadableFile, read_bytes
from cvgen.load.bibtex.file import parse_bibtex
from cvgen.load.identity import Index, identity_of
from cvgen.load.text_file import read_text
from cvgen.model import Publication

_KEY = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s{}()]+)\s*,")
_NOT_ENTRIES = frozenset({"string", "comment", "preamble"})


@dataclass(frozen=True)
class BibFile:
    path: Path
    raw: bytes  # exactly as on disk; empty for a file still to be created
    publications: list[Publication] = field(default_factory=list)
    keys: frozenset[str] = frozenset()
    unreadable: int = 0  # entries the loader could not read (duplicates of them may slip in)

    def index(self) -> Index:
        index = Index()
        for pub in self.publications:
            index.add(identity_of(pub), pub.key)
        return index


def read_bib(path: Path) -> BibFile:
    """Every entry of the file, edited volumes and broken entries' keys included."""
    if not path.exists():
        return BibFile(path, b"")
    problems: list[Problem] = []
    text = read_text(path, problems)
    if text is None:
        raise CvgenError("cannot import into this file; nothing was changed", problems)
    publications, bib_problems = parse_bibtex(text, str(path), lambda pub: True)
    keys = frozenset(key for kind, key in _KEY.findall(text) if kind.lower() not in _NOT_ENTRIES)
    broken = {p.field.split(".")[0] for p in bib_problems if p.is_error and p.field}
    return BibFile(path, _raw(path), publications, keys, len(broken))


def appended(raw: bytes, text: str) -> bytes:
    """`raw` followed by `text` after one blank line, in the file's own line endings."""
    newline = "\r\n" if b"\r\n" in raw else "\n"
    body = text.replace("\n", newline).encode("utf-8")
    if not raw or raw.endswith((b"\n\n", b"\r\n\r\n")):
        return raw + body
    ending = newline if raw.endswith(b"\n") else newline * 2
    return raw + ending.encode("ascii") + body


def append_entries(bib: BibFile, text: str) -> Path:
    """Append atomically: an interrupted import leaves the old file, never half of a new one.
    The file must not have changed since it was read, and must stay within the size cvgen
    reads (MAX_BIB): an import never makes a .bib cvgen would refuse."""
    current = _raw(bib.path)
    if current != bib.raw:
        raise CvgenError(f"{bib.path} changed while importing; nothing was written, run again")
    grown = appended(bib.raw, text)
    if len(grown) > MAX_BIB.size:
        raise CvgenError(
            f"{bib.path} would grow to {len(grown) / MB:.1f} MB with these entries, over the "
            f"{MAX_BIB.size // MB} MB cvgen reads; nothing was written ({MAX_BIB.advice})"
        )
    return write_atomic(bib.path, grown)


def _raw(path: Path) -> bytes:
    """The file's bytes (none for a file still to be created), read as every input is."""
    if not path.exists():
        return b""
    try:
        return read_bytes(path, MAX_BIB)
    except UnreadableFile as error:
        raise CvgenError(f"cannot import into {path}: {error}; nothing was changed") from None
