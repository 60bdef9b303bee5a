"""The one pipeline: load -> select -> compose -> write -> atomic file.

Commands are thin: they parse options and call build_document(). Loading fails with every
problem listed before anything is written, and the output is replaced only when complete.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Tailored:
    """A loaded CV after selection, with what composing it needs and the warnings so far."""

    cv: CV
    selection: Selection  # its variant resolved
    settings: Settings
    warnings: list[Problem]


def settings_for(cv: CV, selection: Selection, sources: Sources) -> tuple[Settings, list[Problem]]:
    """How to compose the tailored CV: the selection's numbering and order where it sets them,
    and the references in the citation style it or cv.yaml names (with the style's warnings)."""
    from cvgen.load.metrics import metrics_for

    metrics, problems = metrics_for(sources.cv, cv.data)
    wanted = cv.data.publications.metrics
    chosen = {"numbering": selection.numbering, "reverse": selection.reverse}
    settings = Settings(
        **{k: v for k, v in chosen.items() if v is not None},
        metrics=metrics,
        metrics_header=wanted.header,
        metrics_per_paper=wanted.per_paper,
    )
    spec = selection.style or cv.data.design.citation_style
    origin = "--style" if selection.style else f"{sources.cv}: design.citation_style"
    from cvgen.styles.style import load_style

    style = load_style(spec, base_dir=sources.cv.parent, origin=origin)
    if style is None:
        return settings, problems
    bib = str(sources.bib_path(cv.data))
    references = style.references(cv.publications, use_cache=sources.use_cache, bib=bib)
    settings = Settings(**{**vars(settings), "references": dict(references)})
    return settings, [*problems, *references.problems]


def load_tailored(
    sources: Sources,
    selection: Selection,
    shown: Iterable[str] | None = None,
    with_settings: bool = True,
) -> Tailored:
    """Load, validate (raising with every problem) and tailor the CV.

    Resolves the selection's variant (it may set numbering and style), and warns when
    nothing is left in the sections shown (`shown`, default: the CV's section order).
    Commands that compose no document (a bio, statistics) skip the settings.
    """
    cv, warnings = load_or_fail(sources)
    resolved = resolve_variant(selection, cv.data.variants)
    tailored = apply_selection(cv, resolved)
    message = emptied_message(cv, tailored, resolved, shown_sections(tailored, resolved, shown))
    if message:
        where = str(sources.bib_path(cv.data))
        warnings = [*warnings, Problem(where, None, "", message, Severity.WARNING)]
    if not with_settings:
        return Tailored(tailored, resolved, Settings(), warnings)
    settings, problems = settings_for(tailored, resolved, sources)
    return Tailored(tailored, resolved, settings, [*warnings, *problems])


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
    tailored = load_tailored(sources, selection)
    options = options or WriteOptions(source_dir=str(sources.cv.parent))
    content = render(tailored.cv, target, options, tailored.settings)
    return write_atomic(output, content), tailored.warnings
