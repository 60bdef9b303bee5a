"""The one pipeline: load -> select -> render -> atomic write.

Commands are thin: they parse options and call build_document(). Loading fails with every
problem listed before anything is written, and the output is replaced only when complete.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from cvgen.backends import RenderOptions, get_backend
from cvgen.errors import Problem, Severity
from cvgen.load.cv import load_or_fail
from cvgen.model import CV
from cvgen.select import (
    Selection,
    apply_selection,
    emptied_message,
    resolve_variant,
    shown_sections,
)
from cvgen.sources import Sources
from cvgen.write import write_atomic


def render_document(cv: CV, backend_name: str, options: RenderOptions) -> str | bytes:
    return get_backend(backend_name).render(cv, options)


def load_tailored(
    sources: Sources, selection: Selection, shown: Iterable[str] | None = None
) -> tuple[CV, Selection, list[Problem]]:
    """Load, validate (raising with every problem) and tailor the CV.

    Returns the selection with its variant resolved too (it may set numbering), and warns
    when nothing is left in the sections shown (`shown`, default: the CV's section order).
    """
    cv, warnings = load_or_fail(sources)
    resolved = resolve_variant(selection, cv.data.variants)
    tailored = apply_selection(cv, resolved)
    message = emptied_message(cv, tailored, resolved, shown_sections(tailored, resolved, shown))
    if message:
        where = str(sources.bib_path(cv.data))
        warnings = [*warnings, Problem(where, None, "", message, Severity.WARNING)]
    return tailored, resolved, warnings


def presentation(selection: Selection, options: RenderOptions) -> RenderOptions:
    """The options with the selection's numbering and order, where it sets them."""
    chosen = {"numbering": selection.numbering, "reverse": selection.reverse}
    return replace(options, **{k: v for k, v in chosen.items() if v is not None})


def build_document(
    sources: Sources,
    backend_name: str,
    output: Path,
    selection: Selection,
    options: RenderOptions | None = None,
) -> tuple[Path, list[Problem]]:
    """Build one output file; returns its path and the (non-fatal) warnings."""
    cv, resolved, warnings = load_tailored(sources, selection)
    options = presentation(resolved, options or RenderOptions(source_dir=str(sources.cv.parent)))
    content = render_document(cv, backend_name, options)
    return write_atomic(output, content), warnings
