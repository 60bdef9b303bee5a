"""Where `cvgen build` may write: never over its own inputs, never out of the output folder.

cv.yaml's model already refuses absolute paths, '..' and names that are not files; what it
cannot know is the output folder (--out-dir), so the rest is checked here, on the planned
paths, before anything is written: `{format: bio, path: publications.bib}` with `--out-dir .`
would replace the .bib, `path: .cvgen-build.json` the build's own record, and a symbolic link
inside the output folder would carry a write anywhere.
"""

from __future__ import annotations

from pathlib import Path

from cvgen.build.freshness import MANIFEST
from cvgen.errors import CvgenError, Problem
from cvgen.files.project import leaves_folder, not_a_file, real
from cvgen.load.cv_yaml import key_lines
from cvgen.load.sources import Sources


def target_problem(
    target: Path, out_dir: Path, inputs: Sources, bib: Path, reads: tuple[Path, ...] = ()
) -> str | None:
    """Why the build must not write `target` (a path inside `out_dir`), or None. `reads` are
    other files outputs read (a Word reference document)."""
    project = inputs.project
    named = [("the CV data", inputs.cv), ("the publication list", bib)]
    named += [("a file", path) for path in project.input_files(inputs.cv, *reads)[1:]]
    reason = leaves_folder(target, out_dir, f"the output folder {out_dir}")
    reason = reason or project.overwrite(target, named, "this build")
    if reason is None and real(target) == real(out_dir) / MANIFEST:
        reason = f"is {MANIFEST}, the record the build keeps of its outputs"
    return reason or not_a_file(target)


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
