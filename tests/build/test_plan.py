"""The one plan (build/plan.py): a request resolved once against the loaded CV, rendered in any
format of the table, or listed."""

from __future__ import annotations

import pytest

from cvgen.build.plan import load_plan, plan_for
from cvgen.build.request import Presentation, Request
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.select import Selection


def test_the_theme_and_language_are_decided_once_for_every_format(small_sources: Sources) -> None:
    plan = load_plan(small_sources, Request(presentation=Presentation(theme="modern")))
    assert plan.options.theme.name == "modern"
    assert "\\begin{document}" in plan.render("latex")
    assert "<!DOCTYPE html>" in plan.render("html")
    assert plan.render("bibtex").lstrip().startswith("@")


def test_a_listing_shows_the_publications_unless_the_selection_names_sections(
    small_sources: Sources,
) -> None:
    plan = load_plan(small_sources, Request())
    text = plan.listing("markdown")
    assert text.startswith("# Publications") or "# Publications" in text
    assert "# Education" not in text
    chosen = load_plan(small_sources, Request(Selection(sections=("education",))))
    assert "# Education" in chosen.listing("markdown")


def test_plans_without_a_design_compose_nothing(small_sources: Sources) -> None:
    cv, _ = load_or_fail(small_sources)
    plan = plan_for(cv, Request(), small_sources, with_design=False)
    assert plan.options.theme is None and plan.cv.publications == cv.publications


def test_a_selection_that_empties_the_cv_is_a_warning(small_sources: Sources) -> None:
    emptying = Selection(since=2199, sections=("publications",))
    plan = load_plan(small_sources, Request(emptying))
    assert any("2199" in problem.message for problem in plan.warnings)
    with pytest.raises(KeyError):
        plan.render("rtf")
