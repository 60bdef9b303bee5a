"""Where `cvgen build` may write: never over its own inputs, never out of the output folder.

cv.yaml's model already refuses absolute paths, '..' and names that are not files; what it
cannot know is the output folder (--out-dir), so the rest is checked here, on the planned
paths, before anything is written: `{format: bio, path: publications.bib}` with `--out-dir .`
would replace the .bib, `path: .cvgen-build.json` the build's own record, and a symbolic link
inside the output folder would carry a write anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from cvgen.build.freshness import BESIDE_FOLDERS, MANIFEST, beside
from cvgen.errors import CvgenError, Problem
from cvgen.load.cv_yaml import key_lines
from cvgen.load.sources import Sources


def _same_file(a: Path, b: Path) -> bool:
    """Equal after resolving links, or the same file on disk (a hard link, another case on a
    case-insensitive disk)."""
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def target_problem(
    target: Path, out_dir: Path, inputs: Sources, bib: Path, reads: tuple[Path, ...] = ()
) -> str | None:
    """Why the build must not write `target` (a path inside `out_dir`), or None. `reads` are
    other files outputs read (a Word reference document)."""
    out_root, resolved = out_dir.resolve(), target.resolve()
    if not _within(resolved, out_root):
        return f"leads out of the output folder {out_dir} through a symbolic link (to {resolved})"
    named = [("the CV data", inputs.cv), ("the publication list", bib)]
    named += [("a file", path) for path in [*beside(inputs.cv), *reads]]
    for role, source in named:
        if _same_file(target, source):
            return f"would overwrite {role} this build reads ({source}); name the output otherwise"
    for name in BESIDE_FOLDERS:  # templates/, themes/, words/, styles/
        folder = (inputs.cv.parent / name).resolve()
        if _within(resolved, folder):
            return f"is inside {folder}, whose files this build reads"
    if resolved == out_root / MANIFEST:
        return f"is {MANIFEST}, the record the build keeps of its outputs"
    if resolved.is_dir():
        return "is a folder; give a file name"
    blocking = next((p for p in resolved.parents if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        return f"cannot be written: {blocking} is a file, not a folder"
    return None


def refuse_unsafe_targets(
    targets: list[tuple[int | None, Path]],
    out_dir: Path,
    inputs: Sources,
    bib: Path,
    reads: tuple[Path, ...] = (),
) -> None:
    """Raise one CvgenError for every planned output that must not be written. Each target is
    (its index in cv.yaml's `outputs:`, or None for a default output; its path)."""
    found = [
        (index, target, reason)
        for index, target in targets
        if (reason := target_problem(target, out_dir, inputs, bib, reads))
    ]
    if not found:
        return

    lines = key_lines(inputs.cv)
    problems = []
    for index, target, reason in found:
        if index is None:
            problems.append(
                Problem(str(inputs.cv), None, "", f"{target} (a default output) {reason}")
            )
        else:
            line = lines.get(("outputs", index, "path"))
            field = f"outputs[{index}].path" if line else f"outputs[{index}]"
            line = line or lines.get(("outputs", index))
            problems.append(Problem(str(inputs.cv), line, field, f"{target}: {reason}"))
    count = f"{len(problems)} output{'s' if len(problems) != 1 else ''}"
    raise CvgenError(f"{count} must not be written there; nothing was written.", problems)
