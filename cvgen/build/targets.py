"""Where a command writes its one file, and what it must never write over.

`-o` is typed by the user and taken as typed; a command's default (`output/cv.pdf` beside
cv.yaml) is not, so an `output/` that a cloned repository made a link to `..` must not carry the
write out of cv.yaml's folder. Either way a command never replaces what it reads: `cvgen filter
--format bibtex -o publications.bib` or `cvgen html -o cv.yaml` would destroy the input, so
every file a command reads (cv.yaml, the .bib, templates, themes, words and style files, metrics,
a reference document, a biosketch profile) is refused as a target, before anything is written.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from cvgen.build.request import Request
from cvgen.citations.catalog import is_path
from cvgen.errors import CvgenError
from cvgen.files.atomic import write_atomic
from cvgen.files.project import ConfinementError, leaves_folder, not_a_file
from cvgen.load.sources import Sources
from cvgen.model import CvData

HERE = Path(".")


@dataclass(frozen=True)
class Target:
    """A file a command writes: typed on the command line (trusted), or its default."""

    path: Path
    typed: bool = True


def read_files(
    sources: Sources, data: CvData | None, request: Request | None, extra: tuple[Path, ...] = ()
) -> list[tuple[str, Path]]:
    """(role, path) of every file a command may read for this CV and request, and `extra`
    (a biosketch profile)."""
    project = sources.project
    named: list[tuple[str, Path]] = [("the CV data", sources.cv)]
    with suppress(CvgenError):  # a .bib cvgen refuses to read is no file it reads
        named.append(("the publication list", sources.bib_path(data)))
    others: list[Path | None] = list(extra)
    if data is not None:
        styles = [data.design.citation_style, *(v.citation_style for v in data.variants.values())]
        others += [project.root / s for s in styles if s and is_path(s)]
        others += [project.root / data.design.words] if data.design.words else []
        others += [project.root / o.reference_docx for o in data.outputs if o.reference_docx]
    if request is not None:
        shown = request.presentation
        others += [project.root / shown.style] if shown.style and is_path(shown.style) else []
        if shown.reference_docx is not None:
            named.append(("the reference document", shown.reference_docx))
    return named + [("a file", path) for path in project.input_files(sources.cv, *others)[1:]]


def _home(sources: Sources) -> tuple[Path, str]:
    """The folder a default output must stay in, and its name in messages: cv.yaml's (whose
    output/ it goes to), or the current one for the embedded example."""
    if sources.example:
        return HERE, "the current folder"
    return sources.project.root, f"the folder of {sources.cv}"


def refuse(
    target: Target,
    sources: Sources,
    data: CvData | None,
    request: Request | None = None,
    extra: tuple[Path, ...] = (),
) -> None:
    """Raise ConfinementError when the command must not write `target` (a default path a link
    leads away, an input, a folder): called before the (perhaps slow) rendering, and again by
    write_target."""
    reason = None if target.typed else leaves_folder(target.path, *_home(sources))
    files = read_files(sources, data, request, extra)
    reason = reason or sources.project.overwrite(target.path, files, "this command")
    reason = reason or not_a_file(target.path)
    if reason:
        raise ConfinementError(f"{target.path} {reason}; nothing was written")


def write_target(
    target: Target,
    content: str | bytes,
    sources: Sources,
    data: CvData | None,
    request: Request | None = None,
    extra: tuple[Path, ...] = (),
) -> Path:
    """Write `content` to the target, atomically, unless it is refused (ConfinementError)."""
    refuse(target, sources, data, request, extra)
    return write_atomic(target.path, content)
