"""The one plan: a request resolved once against the loaded CV, then rendered in any format.

Every command and every output of `cvgen build` goes the same way: load (every problem listed
before anything is written) -> resolve the request (its variant, the CV's date) -> select ->
decide the design once (theme, words, citation style, metrics) -> compose -> write. Writers and
exports are found in the one table of formats (cvgen/formats.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cvgen.build import presentation
from cvgen.build.request import Request
from cvgen.citations.style import csl_locale
from cvgen.compose import Settings, compose
from cvgen.document import Document
from cvgen.errors import Problem, Severity
from cvgen.files.atomic import write_atomic
from cvgen.formats import get_format
from cvgen.load.cv import load_or_fail
from cvgen.load.metrics import metrics_for
from cvgen.load.sources import Sources
from cvgen.model import CV
from cvgen.select import (
    PUBLICATION_SECTIONS,
    apply_selection,
    emptied_message,
    only_sections,
    shown_sections,
)
from cvgen.themes import Theme
from cvgen.util.progress import step
from cvgen.writers import WriteOptions


@dataclass(frozen=True)
class Plan:
    """A request resolved against a loaded CV: the tailored CV, how to compose it (settings),
    how to write it (options), and the warnings so far."""

    cv: CV
    request: Request  # resolved: its variant's settings filled in
    settings: Settings
    options: WriteOptions
    warnings: list[Problem]

    def document(self) -> Document:
        return compose(self.cv, self.settings)

    def render(self, fmt: str) -> str | bytes:
        """The CV in `fmt`: composed once, then laid out by the format's writer, or handed
        to its export (data formats take the tailored CV too)."""
        form = get_format(fmt)
        document = self.document()
        with step(f"Writing {form.description}"):
            if form.is_export:
                return form.load()(self.cv, document, self.settings)
            return form.load().write(document, self.options)

    def listing(self, fmt: str, sections: Iterable[str] | None = None) -> str:
        """`sections`, in that order, as a list in `fmt`: text, markdown, an HTML or LaTeX
        fragment, or data (BibTeX, JSON, CSL-JSON). By default the sections the selection
        names, else the publications, in the CV's order."""
        if sections is None:
            sections = shown_sections(self.cv, self.request.selection, PUBLICATION_SECTIONS)
        cv = only_sections(sections)(self.cv)
        document = compose(cv, self.settings)
        form = get_format(fmt)
        with step(f"Writing {form.description}"):
            if form.is_export:
                return form.load()(cv, document, self.settings)
            return form.load(listing=form.listing is not None).write(document, WriteOptions())


def settings_for(
    cv: CV, request: Request, sources: Sources, theme: Theme
) -> tuple[Settings, list[Problem]]:
    """How to compose the tailored CV: the design (language, headings, order, numbered
    sections, the CV's date; see presentation.py), the request's numbering and order where it sets
    them, the citation metrics cv.yaml asks to show, and the references in the citation style
    the request or cv.yaml names (with the metrics' and the style's warnings)."""
    metrics, problems = metrics_for(sources.cv, cv.data)
    wanted = cv.data.publications.metrics
    shown = request.presentation
    chosen = {"numbering": shown.numbering, "reverse": shown.reverse}
    settings = Settings(
        **{name: value for name, value in chosen.items() if value is not None},
        **presentation.settings_fields(request, cv, sources, theme),
        metrics=metrics,
        metrics_header=wanted.header,
        metrics_per_paper=wanted.per_paper,
    )
    style = presentation.style_for(request, cv.data, sources, csl_locale(settings.words.language))
    if style is None:
        return settings, problems
    bib = str(sources.bib_path(cv.data))
    references = style.references(cv.publications, use_cache=sources.use_cache, bib=bib)
    settings = Settings(**{**vars(settings), "references": dict(references)})
    return settings, [*problems, *references.problems]


def options_for(cv: CV, request: Request, sources: Sources, theme: Theme) -> WriteOptions:
    """The writers' options: the request's, else the design's (theme, font size, accent,
    paper, what to do about missing characters)."""
    asked, chosen = request.presentation, cv.data.design
    return WriteOptions(
        source_dir=str(sources.cv.parent),
        paper=asked.paper or chosen.paper,  # type: ignore[arg-type]
        engine=asked.engine,
        fragment=asked.fragment,
        theme=theme,
        font_size=chosen.font_size,
        accent=chosen.accent,
        reference_docx=asked.reference_docx,
        missing_characters=asked.missing_characters or chosen.missing_characters,  # type: ignore[arg-type]
    )


def plan_for(
    cv: CV,
    request: Request,
    sources: Sources,
    shown: Iterable[str] | None = None,
    with_design: bool = True,
) -> Plan:
    """The loaded CV tailored to `request`, with the warning that nothing is left in the
    sections shown (`shown`, default: the CV's section order). Outputs that compose no
    document (a short bio, statistics) skip the design (`with_design=False`)."""
    request = request.resolved(cv.data)
    tailored = apply_selection(cv, request.selection)
    warnings = []
    listed = shown_sections(tailored, request.selection, shown)
    message = emptied_message(cv, tailored, request.selection, listed)
    if message:
        where = str(sources.bib_path(cv.data))
        warnings.append(Problem(where, None, "", message, Severity.WARNING))
    if not with_design:
        return Plan(tailored, request, Settings(), WriteOptions(), warnings)
    theme = presentation.theme_for(request, cv.data, sources)
    settings, problems = settings_for(tailored, request, sources, theme)
    options = options_for(tailored, request, sources, theme)
    return Plan(tailored, request, settings, options, [*warnings, *problems])


def load_plan(
    sources: Sources,
    request: Request,
    shown: Iterable[str] | None = None,
    with_design: bool = True,
) -> Plan:
    """Load and validate the inputs (raising with every problem), then plan (see plan_for)."""
    with step("Reading the CV's data"):
        cv, warnings = load_or_fail(sources)
    plan = plan_for(cv, request, sources, shown, with_design)
    return Plan(plan.cv, plan.request, plan.settings, plan.options, [*warnings, *plan.warnings])


def produce(sources: Sources, request: Request, fmt: str, output: Path) -> tuple[Path, Plan]:
    """One output file of a command: loaded, planned, rendered and written atomically."""
    plan = load_plan(sources, request)
    return write_atomic(output, plan.render(fmt)), plan
