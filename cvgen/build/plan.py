"""The one plan: a request resolved once against the loaded CV, then rendered in any format.

Every command and every output of `cvgen build` goes the same way: load (every problem listed
before anything is written) -> resolve the request (its variant, the CV's date) -> select ->
decide the design once (theme, words, citation style, metrics) -> compose -> write. Writers and
exports are found in the one table of formats (cvgen/formats.py).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass

from cvgen.build import presentation
from cvgen.build.request import Request
from cvgen.citations.style import csl_locale
from cvgen.compose import Settings, compose
from cvgen.document import Document
from cvgen.errors import CvgenError, Problem, Severity, data_error
from cvgen.formats import get_format
from cvgen.load.cv import load_or_fail
from cvgen.load.cv_yaml import design_part
from cvgen.load.metrics import metrics_for
from cvgen.load.sources import EXAMPLE_NOTICE, Sources
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

logger = logging.getLogger(__name__)


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

    def render(self, fmt: str, document: Document | None = None) -> str | bytes:
        """The CV in `fmt`: composed once (or given, when one document goes to several
        formats), then laid out by the format's writer, or handed to its export (data formats
        take the tailored CV too)."""
        started = time.perf_counter()
        form = get_format(fmt)
        document = document or self.document()
        with step(f"Writing {form.description}"):
            if form.is_export:
                content = form.load()(self.cv, document, self.settings)
            else:
                content = form.load().write(document, self.options)
        took = (time.perf_counter() - started) * 1000
        logger.debug("%s: composed and written (%.0f ms)", fmt, took)
        return content

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
        notice=EXAMPLE_NOTICE if sources.example else None,
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
    cv, _ = presentation.localized_cv(request, cv, sources)  # no mapping of texts goes on
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


def load_checked(sources: Sources, asked: list[Request] | None = None) -> tuple[CV, list[Problem]]:
    """load_or_fail, with the design problems (unknown themes, languages, citation styles) of
    the requests `asked` (default: every design cv.yaml holds) among the data's errors when
    the data has some: every error of every kind in one run."""
    try:
        return load_or_fail(sources)
    except CvgenError as error:
        data = design_part(sources.cv) if error.problems else None
        if data is None:
            raise
        designs = presentation.check_designs(data, sources, asked)
        raise data_error([*error.problems, *designs]) from None


def load_plan(
    sources: Sources,
    request: Request,
    shown: Iterable[str] | None = None,
    with_design: bool = True,
) -> Plan:
    """Load and validate the inputs, then plan (see plan_for), raising with every problem
    of the data and of the design at once (a short bio, which has no design, refuses a
    broken one too: cv.yaml is wrong, whichever command reads it)."""
    with step("Reading the CV's data"):
        cv, warnings = load_checked(sources, [request])
    try:
        plan = plan_for(cv, request, sources, shown, with_design)
        designs = [] if with_design else presentation.check_designs(cv.data, sources, [request])
    except CvgenError:
        designs = presentation.check_designs(cv.data, sources, [request])
        if not designs:
            raise
    if designs:
        raise data_error([*warnings, *designs])
    return Plan(plan.cv, plan.request, plan.settings, plan.options, [*warnings, *plan.warnings])
