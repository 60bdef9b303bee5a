"""Options shared by every command that reads the user's data: --cv/--bib and the selection."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

import click

from cvgen.build.request import PRESENTATION_FIELDS, Presentation, Request
from cvgen.cli.completers import complete_locale, complete_style, complete_theme
from cvgen.cli.source_options import source_options
from cvgen.formats import PAPERS
from cvgen.model import PubKind
from cvgen.select import Selection
from cvgen.util.dates import Date


def _as_of(ctx: click.Context, param: click.Parameter, value: str | None) -> Date | None:
    try:
        return Date.parse(value) if value else None
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _section_list(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple:
    return tuple(s.strip() for s in (value or "").split(",") if s.strip())


_YEAR = click.IntRange(1900, 2200)
FILTER_OPTIONS = (
    click.option("--since", type=_YEAR, metavar="YEAR", help="Only from this year on."),
    click.option("--until", type=_YEAR, metavar="YEAR", help="Only up to this year."),
    click.option(
        "--last",
        type=click.IntRange(min=1),
        metavar="N",
        help="Only the last N calendar years, up to and including this year (or --as-of).",
    ),
    click.option(
        "--as-of", callback=_as_of, metavar="DATE", help="The date --last counts back from."
    ),
    click.option(
        "--type",
        "types",
        multiple=True,
        type=click.Choice([kind.value for kind in PubKind]),
        help="Only publications of this type (repeatable: any of them).",
    ),
    click.option(
        "--tag",
        "tags",
        multiple=True,
        metavar="TAG",
        help="Only items with this tag (repeatable: any of them): publications by BibTeX "
        "keyword, and the grants, talks and custom entries of sections that use tags.",
    ),
    click.option("--selected", is_flag=True, help="Only publications tagged 'selected'."),
    click.option(
        "--with-students", is_flag=True, help="Only publications with a student co-author."
    ),
    click.option("--variant", metavar="NAME", help="A named selection from cv.yaml `variants:`."),
)
LAYOUT_OPTIONS = (
    click.option(
        "--sections",
        callback=_section_list,
        metavar="A,B,C",
        help="Comma-separated sections to include, in order (e.g. education,publications).",
    ),
    click.option(
        "--numbering",
        type=click.Choice(["per-type", "continuous", "none"]),
        help="Number publications per type (default), continuously, or not at all.",
    ),
    click.option(
        "--reverse/--no-reverse",
        default=None,
        help="Count down, so the newest publication gets the highest number.",
    ),
    click.option(
        "--style",
        metavar="NAME|FILE.csl",
        shell_complete=complete_style,
        help="Citation style of the publications: cvgen (its own, the default), a CSL style "
        "such as apa, ieee or vancouver (`cvgen styles` lists them), or a .csl file "
        "[default: design.citation_style in cv.yaml].",
    ),
)
_SELECTION_FIELDS = frozenset(f.name for f in fields(Selection))


def _with_request(func: Callable[..., Any], options: tuple) -> Callable[..., Any]:
    """Add `options` to a command and hand it one `request: Request` built from them: the
    selection's options, and the presentation's (design options, a command's own such as
    --paper: see `presenting`)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        chosen = {name: kwargs.pop(name) for name in list(kwargs) if name in _SELECTION_FIELDS}
        chosen["types"] = tuple(PubKind(t) for t in chosen.get("types", ()))
        shown = {name: kwargs.pop(name) for name in list(kwargs) if name in PRESENTATION_FIELDS}
        request = Request(Selection(**chosen), Presentation(**shown))
        return func(*args, request=request, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


def selection_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--cv/--bib plus the publication filters and --variant (for stats and the like)."""
    return source_options(_with_request(func, FILTER_OPTIONS))


def document_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--cv/--bib plus every selection option; the command receives `sources` and `request`.

    Every command that renders the CV (pdf, latex, html, bio, filter) uses this decorator, so
    a new selection option added here reaches all of them at once. Options named as a field of
    the presentation (--theme, --locale, --paper, --engine, ...) go into the request too,
    wherever the command declares them.
    """
    return source_options(_with_request(func, FILTER_OPTIONS + LAYOUT_OPTIONS))


def output_option(default: str, help_text: str) -> Callable[[Callable[..., Any]], Any]:
    """`-o/--output FILE` (`-` for stdout); the command's default is `default` in output/
    beside cv.yaml (cli/output.py's output_target)."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
        metavar="FILE",
        help=f"{help_text} `-o -` writes to stdout [default: output/{default} beside cv.yaml].",
    )


def paper_option(
    help_text: str = "Paper size of the PDF (US researchers usually want letter) "
    "[default: design.paper in cv.yaml, else a4].",
) -> Callable[[Callable[..., Any]], Any]:
    return click.option(
        "--paper",
        type=click.Choice(PAPERS, case_sensitive=False),
        callback=lambda ctx, param, value: value.lower() if value else None,
        help=help_text,
    )


PAPER_OPTION = paper_option()
DESIGN_OPTIONS = (
    click.option(
        "--theme",
        metavar="NAME",
        shell_complete=complete_theme,
        help="The look: classic, modern, compact, grant (`cvgen themes` lists them, with yours "
        "from themes/ beside cv.yaml) [default: design.theme in cv.yaml, else classic].",
    ),
    click.option(
        "--locale",
        metavar="CODE",
        shell_complete=complete_locale,
        help="The language of headings, labels, dates and amounts, and of texts given per "
        "language: en, en-US, de, fr, he, ar, zh, ja, ru, ... (`cvgen locales` lists them), or "
        "yours from words/CODE.yaml [default: design.locale, else en].",
    ),
)


def presentation_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--theme and --locale, for the commands that write the CV; they reach the command in
    its `request` (a variant may set them too). Apply above @document_options."""
    for option in reversed(DESIGN_OPTIONS):
        func = option(func)
    return func


def locale_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """--locale alone, for lists and exports, which have no theme."""
    return DESIGN_OPTIONS[1](func)
