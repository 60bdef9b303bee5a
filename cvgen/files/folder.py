"""A folder export written as a whole: every file complete, or none changed.

A site export (Hugo bundles, academicpages pages) is many files in the user's own site. All of
them are first written to temporary files beside their targets; only when every one is complete
are they renamed into place, so an error (a full disk, a read-only folder) leaves the previous
files as they were and no half-made folder behind. Temporary files carry their process's id, so
those of a run that was killed are removed by the next. A manifest in the folder records what
cvgen wrote, so that pages of publications no longer exported are removed on the next run:
only those files, only if nobody edited them since, and never before everything new is in
place.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cvgen.errors import CvgenError
from cvgen.files.private import process_tag, remove_leftovers

MANIFEST = ".cvgen-export.json"  # a dot file: Jekyll and Hugo leave it out of the site


@dataclass
class FolderResult:
    """What a folder export did: files written (or already identical), files removed, and
    files it left in place although it no longer exports them (edited by hand)."""

    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _inside(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        bool(path.parts) and not path.is_absolute() and ".." not in path.parts and "\\" not in name
    )


def _check_relative(name: str) -> None:
    if not _inside(name) or name == MANIFEST:
        raise ValueError(f"{name!r} is not a file name inside the export folder")


def _read_manifest(root: Path) -> dict[str, str]:
    """The files the last export wrote, with their hashes; unreadable means none (nothing is
    then removed)."""
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
        if isinstance(files, dict) and all(isinstance(v, str) for v in files.values()):
            return {name: sha for name, sha in files.items() if _inside(name) and name != MANIFEST}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return {}


def _unchanged(path: Path, data: bytes) -> bool:
    try:
        return not path.is_symlink() and path.read_bytes() == data
    except OSError:
        return False


class _Staging:
    """Temporary files beside their targets, and the folders made for them, undone on error."""

    def __init__(self) -> None:
        self.pending: list[tuple[str, Path]] = []
        self.made: list[Path] = []

    def folder(self, path: Path) -> None:
        missing = [p for p in (path, *path.parents) if not p.exists()]
        for folder in reversed(missing):
            folder.mkdir()
            self.made.append(folder)

    def stage(self, target: Path, data: bytes) -> None:
        if target.is_dir() and not target.is_symlink():  # a rename over it would fail later
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(target))
        self.folder(target.parent)
        prefix = f".{target.name}{process_tag()}"  # whose it is: a killed run's are removed
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=".tmp")
        self.pending.append((tmp, target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)

    def undo(self) -> None:
        for tmp, _ in self.pending:
            Path(tmp).unlink(missing_ok=True)
        for folder in reversed(self.made):
            with contextlib.suppress(OSError):
                folder.rmdir()


def _remove_stale(root: Path, stale: dict[str, str], result: FolderResult) -> None:
    for name, sha in sorted(stale.items()):
        path = root / name
        try:
            if path.is_symlink() or not path.is_file():
                continue
            if _sha(path.read_bytes()) != sha:
                result.kept.append(path)
                continue
            path.unlink()
        except OSError:
            result.kept.append(path)
            continue
        result.removed.append(path)
        for folder in path.parents:
            if folder == root or root not in folder.parents:
                break
            try:
                folder.rmdir()  # only once empty: a bundle's own images keep it
            except OSError:
                break


def _remove_killed_runs(root: Path) -> None:
    """The temporary files of exports that were killed mid-write, in `root` and the folders
    under it (a bundle's), left by processes that are gone."""
    if not root.is_dir() or root.is_symlink():
        return
    folders = [root]
    while folders:
        folder = folders.pop()
        remove_leftovers(folder, ".", ".tmp")
        with contextlib.suppress(OSError):
            folders += [p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()]


def _check_names(files: dict[str, str]) -> None:
    """Names inside the folder, none the same as another but for case (macOS and Windows
    disks would make them one file)."""
    seen: dict[str, str] = {}
    for name in files:
        _check_relative(name)
        other = seen.setdefault(name.casefold(), name)
        if other != name:
            raise ValueError(f"{name!r} and {other!r} differ only in case")


def write_folder(root: Path, files: dict[str, str], generator: str) -> FolderResult:
    """Write `files` (names relative to `root`, '/'-separated) all or nothing, then remove the
    files of the previous run that this one no longer writes (and the temporary files of a
    run that was killed)."""
    _check_names(files)
    _remove_killed_runs(root)
    encoded = {name: content.encode("utf-8") for name, content in files.items()}
    previous = _read_manifest(root)
    manifest = {
        "generator": generator,
        "files": {name: _sha(data) for name, data in sorted(encoded.items())},
    }
    manifest_bytes = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()
    staging = _Staging()
    result = FolderResult()
    try:
        staging.folder(root)
        for name, data in encoded.items():
            target = root / name
            if not _unchanged(target, data):
                staging.stage(target, data)
            result.written.append(target)
        if not _unchanged(root / MANIFEST, manifest_bytes):
            staging.stage(root / MANIFEST, manifest_bytes)
    except BaseException as error:
        staging.undo()
        if isinstance(error, OSError):
            where = error.filename or root
            reason = error.strerror or str(error)
            raise CvgenError(
                f"cannot write {where}: {reason}; the previous files are unchanged"
            ) from None
        raise
    if staging.pending and hasattr(os, "sync"):
        os.sync()  # every staged file on disk before any rename: one flush, not one per file
    for tmp, target in staging.pending:
        try:
            os.replace(tmp, target)
        except OSError as error:  # all staged, so only a vanished folder gets here
            staging.undo()
            raise CvgenError(f"cannot write {target}: {error.strerror}") from None
    _remove_stale(root, {n: s for n, s in previous.items() if n not in encoded}, result)
    return result
