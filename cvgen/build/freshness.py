"""Is every output of the last `cvgen build` still current? Answered without loading the model.

An unchanged rebuild should cost little more than starting Python, so this module imports
nothing heavy. The manifest records the fingerprint of everything the outputs depend on
(cvgen's code, templates and themes, the user's templates, themes and words files, cv.yaml,
the .bib, --bib, today's date), the hash of any other file an output reads (a Word reference
document) and each output's hash; when the fingerprint and every hash still match, nothing can
have changed: even the list of outputs comes from cv.yaml, which is part of the fingerprint.
Outputs are named relative to
the output folder, so `output` and `/home/me/cv/output` are the same build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cvgen.files.project import files_under
from cvgen.files.reading import MB, Limit, UnreadableFile, digest, read_bytes
from cvgen.load.sources import Sources

MANIFEST = ".cvgen-build.json"
MAX_MANIFEST = Limit(16 * MB, "")
_CODE = Path(__file__).resolve().parent.parent  # the cvgen package


@dataclass(frozen=True)
class Outcome:
    path: Path
    status: Literal["built", "unchanged", "failed"]
    seconds: float = 0.0
    pages: int | None = None
    error: str = ""
    warnings: tuple[str, ...] = ()  # e.g. entries a citation style could not format

    def line(self) -> str:
        """'output/cv.pdf  10 pages  3.2 s', for the build report (its warnings before it)."""
        if self.status == "failed":
            return f"{self.path}  FAILED\n{self.error}"
        pages = f"  {self.pages} page{'s' if self.pages != 1 else ''}" if self.pages else ""
        how = "up to date" if self.status == "unchanged" else f"{self.seconds:.1f} s"
        return "\n".join([*self.warnings, f"{self.path}{pages}  {how}"])


def fingerprint(sources: Sources, bib: Path) -> str | None:
    """Hash of code, themes, inputs, options and today's date; None if a file is unreadable
    (then nothing counts as unchanged)."""
    options = f"{dt.date.today().isoformat()}\0{sources.bib}\0{sources.skip_bad_entries}\0"
    combined = hashlib.sha256(options.encode())
    beside = sources.project.input_files(sources.cv)[1:]  # templates, themes, words, styles
    for path in [*files_under(_CODE), *beside, sources.cv, bib]:
        file_hash = digest(path)
        if file_hash is None:
            return None
        combined.update(f"{path.resolve()}\0{file_hash}\0".encode())
    return combined.hexdigest()


def fingerprint_before_load(sources: Sources, out_dir: Path) -> str | None:
    """The fingerprint a build records, taken before it reads its inputs, so that a save
    made while it loads (seconds, for a large .bib) shows as a change next time. The .bib is
    --bib, else the one the last build read (cv.yaml may now name another: outputs.py then finds
    the fingerprint changed during the build, and records none)."""
    bib = sources.bib or read_manifest(out_dir).get("bib") or sources.bib_path(None)
    return fingerprint(sources, Path(bib))


def read_manifest(out_dir: Path) -> dict[str, Any]:
    """The last build's record; empty when missing or unreadable (then everything rebuilds)."""
    try:  # a regular file of bounded size: a named pipe there must not stop the build
        manifest = json.loads(read_bytes(out_dir / MANIFEST, MAX_MANIFEST))
    except (UnreadableFile, ValueError, RecursionError):
        return {}
    if not isinstance(manifest, dict) or not isinstance(manifest.get("outputs"), dict):
        return {}
    return manifest


def all_fresh(sources: Sources, out_dir: Path) -> list[Outcome] | None:
    """The last build's outputs, all unchanged, if it succeeded and nothing changed since."""
    manifest = read_manifest(out_dir)
    if not manifest.get("complete") or not manifest.get("bib"):
        return None
    current = fingerprint(sources, Path(manifest["bib"]))
    if current is None or current != manifest.get("fingerprint"):
        return None
    inputs = manifest.get("inputs") or {}
    if any(digest(Path(path)) != sha for path, sha in inputs.items()):
        return None
    outputs = manifest["outputs"]
    plan = manifest.get("plan") or []
    if not all(digest(out_dir / p) == outputs.get(p, {}).get("sha256") for p in plan):
        return None
    return [Outcome(out_dir / p, "unchanged", pages=outputs[p].get("pages")) for p in plan]
