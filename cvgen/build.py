"""The one pipeline: load -> select -> render -> atomic write.

Commands are thin: they parse options and call build_document(). Loading fails with every
problem listed before anything is written, and the output is replaced only when complete.
"""

from __future__ import annotations

from pathlib import Path

from cvgen.backends import RenderOptions, get_backend
from cvgen.errors import Problem
from cvgen.load.cv import Sources, load_or_fail
from cvgen.model import CV
from cvgen.select import Selection, apply_selection
from cvgen.write import write_atomic


def render_document(cv: CV, backend_name: str, options: RenderOptions) -> str | bytes:
    return get_backend(backend_name).render(cv, options)


def load_selected(sources: Sources, selection: Selection) -> tuple[CV, list[Problem]]:
    """Load, validate (raising with every problem) and tailor the CV."""
    cv, warnings = load_or_fail(sources)
    return apply_selection(cv, selection), warnings


def build_document(
    sources: Sources,
    backend_name: str,
    output: Path,
    selection: Selection,
    options: RenderOptions | None = None,
) -> tuple[Path, list[Problem]]:
    """Build one output file; returns its path and the (non-fatal) warnings."""
    cv, warnings = load_selected(sources, selection)
    options = options or RenderOptions(source_dir=str(sources.cv.parent))
    content = render_document(cv, backend_name, options)
    return write_atomic(output, content), warnings
