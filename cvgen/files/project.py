"""The project: the folder holding cv.yaml, which every path cv.yaml, a theme or a template
names must stay inside, and the paths the user typed on the command line.

A CV repository cloned from a stranger is untrusted input: its cv.yaml, .bib, themes,
templates and words files were written by someone else, and so were its symbolic links. An
`output/` that links to the parent folder would let `cvgen build` write `~/.bashrc`; a
`templates/` that links to `..` would let a template include `~/.ssh/id_rsa`;
`publications: {bib: ../.bashrc}` would let `cvgen import` append to any file. Only the
command line is trusted: a path typed there (--cv, --bib, -o, --out-dir, a site folder,
--reference-docx) is taken as it is typed.

Every other path is resolved (every link, along chains) before it is read or written, and is
refused when it leads out of its folder, or into a hidden file or folder (.git, .ssh, .env,
.netrc: where secrets live), and a write is refused when it would replace an input. The checks
run on the path as resolved now; the threat is files a stranger prepared, not a process racing
cvgen, so a link swapped between the check and the open is out of scope.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cvgen.errors import CvgenError

# Folders beside cv.yaml whose files a build reads: template overrides, themes, words tables,
# CSL styles. A file beside cv.yaml of these kinds is an input too (metrics.yaml, design.words,
# a biosketch profile, a .csl style).
INPUT_FOLDERS = ("templates", "themes", "words", "styles")
INPUT_PATTERNS = ("*.yaml", "*.csl")


class ConfinementError(CvgenError):
    """A path the project may not use: it leads out, it is hidden, or it is an input."""


def real(path: str | Path) -> Path:
    """The path with every symbolic link resolved (a loop or a missing tail left as it is)."""
    return Path(os.path.realpath(path))


def within(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or inside it (both already resolved)."""
    return path == folder or folder in path.parents


def _hidden_part(parts: Iterable[str]) -> str | None:
    return next((part for part in parts if part.startswith(".") and part not in (".", "..")), None)


def escape(path: str | Path, folder: str | Path, name: str = "") -> str | None:
    """Why `path` may not be used in `folder` (called `name` in messages), or None: it leads
    out of the folder once its links are resolved, or it is (or lies in) a hidden file or
    folder, as written or as resolved."""
    base, target = real(folder), real(path)
    if not within(target, base):
        linked = target != Path(os.path.abspath(path))
        how = " through a symbolic link" if linked else ""
        return f"leads out of {name or folder}{how} (to {target})"
    written = os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
    hidden = _hidden_part(Path(written).parts) or _hidden_part(target.relative_to(base).parts)
    if hidden:
        return (
            f"is a hidden file or lies in a hidden folder ({hidden}); cvgen neither reads nor "
            "writes those, which hold secrets such as .git/config, .ssh or .env"
        )
    return None


def default_path(path: Path, what: str, folder: Path = Path(".")) -> Path:
    """A path cvgen chose itself in `folder` (cv.yaml found there, output/ beside it), not one
    the user typed: it must not be a link out of that folder, nor hidden (ConfinementError)."""
    return Project(folder).confined(path, what)


def same_file(a: Path, b: Path) -> bool:
    """Equal after resolving links, or the same file on disk (a hard link, another case on a
    case-insensitive disk)."""
    if real(a) == real(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def files_under(folder: Path) -> Iterator[Path]:
    """The files under `folder` (links to files included), without entering linked folders."""
    if not folder.is_dir():
        return
    for base, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        yield from (path for name in sorted(names) if (path := Path(base) / name).is_file())


@dataclass(frozen=True)
class Project:
    """The folder of cv.yaml (`root`, as given) and the paths typed on the command line."""

    root: Path
    typed: tuple[Path, ...] = field(default=())  # resolved

    @classmethod
    def of(cls, cv: Path, *typed: Path | None) -> Project:
        return cls(cv.parent, tuple(real(path) for path in typed if path is not None))

    def was_typed(self, path: Path) -> bool:
        resolved = real(path)
        return any(within(resolved, given) for given in self.typed)

    def path(self, name: str | Path, what: str) -> Path:
        """`name` (relative to the project, as cv.yaml or a theme gives it), checked."""
        return self.confined(self.root / name, what)

    def confined(self, path: Path, what: str) -> Path:
        """`path` if it stays inside the project or was typed; else ConfinementError naming
        `what` it is ('publications: bib in cv.yaml')."""
        if self.was_typed(path):
            return path
        reason = escape(path, self.root)
        if reason:
            raise ConfinementError(f"{what} {path} {reason}; cvgen does not use it")
        return path

    def input_files(self, cv: Path, *others: Path | None) -> list[Path]:
        """What a command may read besides the .bib: cv.yaml, the files of the input folders
        beside it (not of one that leads out of the project: cvgen reads none of those), YAML
        and CSL files beside it, and `others` (a reference document, a profile, a style)."""
        folders = [self.root / name for name in INPUT_FOLDERS]
        inside = [folder for folder in folders if escape(folder, self.root) is None]
        found = [cv, *(f for folder in inside for f in files_under(folder))]
        found += sorted(f for pattern in INPUT_PATTERNS for f in self.root.glob(pattern))
        return [*found, *(path for path in others if path is not None)]

    def overwrite(
        self, target: Path, inputs: Iterable[tuple[str, Path]], reader: str = "cvgen"
    ) -> str | None:
        """Why writing `target` would replace an input, or None. `inputs` are (role, path);
        the input folders beside cv.yaml are inputs whole (a new file there is read too)."""
        for role, source in inputs:
            if same_file(target, source):
                named = f"{role} {reader} reads ({source})"
                return f"would overwrite {named}; name the output otherwise"
        resolved = real(target)
        for name in INPUT_FOLDERS:
            if within(resolved, real(self.root / name)):
                return f"is inside {name}, whose files {reader} reads"
        return None


def leaves_folder(target: Path, folder: Path, name: str = "") -> str | None:
    """Why a file cvgen names itself inside `folder` (a default output, a build output, a page
    of a site export) would be written elsewhere, or is hidden: None when neither."""
    reason = escape(target.parent, folder, name)
    if reason is None and (target.is_symlink() or _hidden_part([target.name])):
        reason = escape(target, folder, name)
    return reason


def not_a_file(target: Path) -> str | None:
    """Why `target` cannot be written as a file: it is a folder, or a file stands where one of
    its folders must be."""
    if target.is_dir():
        return "is a folder; give a file name"
    resolved = real(target)
    blocking = next((p for p in resolved.parents if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        return f"cannot be written: {blocking} is a file, not a folder"
    return None
