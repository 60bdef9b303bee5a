"""The one pipeline: load -> select -> compose -> write -> atomic file.

Commands are thin: they parse options and call build_document(). Loading fails with every
problem listed before anything is written, and the output is replaced only when complete.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from cvgen.compose import Settings, compose
from cvgen.errors import Problem, Severity
from cvgen.load.cv import load_or_fail
from cvgen.model import CV
from cvgen.select import (
    Selection,
    apply_selection,
    emptied_message,
    only_sections,
    resolve_variant,
    shown_sections,
)
from cvgen.sources import Sources
from cvgen.write import write_atomic
from cvgen.writers import WriteOptions, get_writer

# `cvgen filter` formats: lists print the tree, data formats export the tailored CV.
LIST_FORMATS = {"text": "text", "markdown": "markdown", "html": "html-list", "latex": "latex-list"}
DATA_FORMATS = ("bibtex", "json", "csl-json")


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


def settings_for(selection: Selection, settings: Settings | None = None) -> Settings:
    """Composition settings with the selection's numbering and order, where it sets them."""
    chosen = {"numbering": selection.numbering, "reverse": selection.reverse}
    base = settings or Settings()
    return replace(base, **{k: v for k, v in chosen.items() if v is not None})


def render(cv: CV, target: str, options: WriteOptions, settings: Settings) -> str | bytes:
    """The tailored CV composed once, then written by a writer or handed to a data export."""
    from cvgen.exports import EXPORTS, get_export

    document = compose(cv, settings)
    if target in EXPORTS:
        return get_export(target)(cv, document, settings)
    return get_writer(target).write(document, options)


def render_listing(cv: CV, fmt: str, sections: list[str], settings: Settings) -> str:
    """`sections` of the (tailored) CV as a list (text, markdown, html, latex) or as data."""
    from cvgen.exports import get_export

    cv = only_sections(sections)(cv)
    document = compose(cv, settings)
    if fmt in LIST_FORMATS:
        text = get_writer(LIST_FORMATS[fmt]).write(document, WriteOptions())
        assert isinstance(text, str)
        return text
    return get_export(fmt)(cv, document, settings)


def build_document(
    sources: Sources,
    target: str,
    output: Path,
    selection: Selection,
    options: WriteOptions | None = None,
) -> tuple[Path, list[Problem]]:
    """Build one output file; returns its path and the (non-fatal) warnings."""
    cv, resolved, warnings = load_tailored(sources, selection)
    options = options or WriteOptions(source_dir=str(sources.cv.parent))
    content = render(cv, target, options, settings_for(resolved))
    return write_atomic(output, content), warnings
