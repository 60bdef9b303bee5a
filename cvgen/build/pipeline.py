"""The one pipeline: load -> select -> compose -> write -> atomic file.

Commands are thin: they parse options and call build_document() (`cvgen pdf` and `cvgen build`
use its parts, load_tailored/tailor and render, to report the engine or to load once).
Loading fails with every problem listed before anything is written, and the output is replaced
only when complete.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from cvgen.build import design
from cvgen.compose import Settings, compose
from cvgen.errors import Problem, Severity
from cvgen.files.atomic import write_atomic
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import CV
from cvgen.select import (
    Selection,
    apply_selection,
    emptied_message,
    only_sections,
    resolve_variant,
    shown_sections,
)
from cvgen.writers import WriteOptions, get_writer

# `cvgen filter` formats: lists print the tree, data formats export the tailored CV.
LIST_FORMATS = {"text": "text", "markdown": "markdown", "html": "html-list", "latex": "latex-list"}
DATA_FORMATS = ("bibtex", "json", "csl-json")


@dataclass(frozen=True)
class Tailored:
    """A loaded CV after selection, with what composing and writing it need, and the warnings
    so far. `options` holds the design's writer options (theme, font size, accent, paper)."""

    cv: CV
    selection: Selection  # its variant resolved
    settings: Settings
    warnings: list[Problem]
    options: WriteOptions = field(default_factory=WriteOptions)

    def write_options(self, given: WriteOptions | None = None) -> WriteOptions:
        """A command's options over the design's: what the command leaves unset (None) the
        design decides, e.g. the paper when --paper is not given."""
        return with_design(given or WriteOptions(), self.options)


DESIGN_OPTIONS = ("theme", "font_size", "accent", "paper", "source_dir", "missing_characters")


def with_design(given: WriteOptions, designed: WriteOptions) -> WriteOptions:
    unset = {
        name: getattr(designed, name) for name in DESIGN_OPTIONS if getattr(given, name) is None
    }
    return replace(given, **unset)


def settings_for(cv: CV, selection: Selection, sources: Sources) -> tuple[Settings, list[Problem]]:
    """How to compose the tailored CV: the design (language, headings, order, numbered
    sections, the CV's date; see design.py), the selection's numbering and order where it
    sets them, the citation metrics cv.yaml asks to show, and the references in the citation
    style the selection or cv.yaml names (with the metrics' and the style's warnings)."""
    from cvgen.load.metrics import metrics_for

    theme = design.theme_for(selection, cv.data, sources)
    metrics, problems = metrics_for(sources.cv, cv.data)
    wanted = cv.data.publications.metrics
    chosen = {"numbering": selection.numbering, "reverse": selection.reverse}
    chosen = {k: v for k, v in chosen.items() if v is not None}
    settings = Settings(
        **chosen,
        **design.settings_fields(selection, cv, sources, theme),
        metrics=metrics,
        metrics_header=wanted.header,
        metrics_per_paper=wanted.per_paper,
    )
    from cvgen.citations.style import csl_locale

    style = design.style_for(selection, cv.data, sources, csl_locale(settings.words.language))
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
    tailored = tailor(cv, selection, sources, shown, with_settings)
    return replace(tailored, warnings=[*warnings, *tailored.warnings])


def tailor(
    cv: CV,
    selection: Selection,
    sources: Sources,
    shown: Iterable[str] | None = None,
    with_settings: bool = True,
) -> Tailored:
    """The loaded CV tailored to a selection (as load_tailored says), with the warnings of
    the tailoring: one CV serves a command, or each output of `cvgen build`."""
    resolved = design.dated(resolve_variant(selection, cv.data.variants), cv.data)
    tailored = apply_selection(cv, resolved)
    warnings = []
    message = emptied_message(cv, tailored, resolved, shown_sections(tailored, resolved, shown))
    if message:
        where = str(sources.bib_path(cv.data))
        warnings.append(Problem(where, None, "", message, Severity.WARNING))
    if not with_settings:
        return Tailored(tailored, resolved, Settings(), warnings)
    settings, problems = settings_for(tailored, resolved, sources)
    options = options_for(tailored, resolved, sources)
    return Tailored(tailored, resolved, settings, [*warnings, *problems], options)


def options_for(cv: CV, selection: Selection, sources: Sources) -> WriteOptions:
    """The writers' options the design decides: theme, font size, accent, paper."""
    theme = design.theme_for(selection, cv.data, sources)
    return WriteOptions(source_dir=str(sources.cv.parent), **design.option_fields(cv, theme))


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
    content = render(tailored.cv, target, tailored.write_options(options), tailored.settings)
    return write_atomic(output, content), tailored.warnings
