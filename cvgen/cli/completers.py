"""Tab completion of the names --theme, --locale and --style take (click's shell_complete):
cvgen's own and the user's beside the cv.yaml in use (--cv, else the one found above)."""

from __future__ import annotations

from pathlib import Path

import click
from click.shell_completion import CompletionItem

from cvgen.load.sources import CV_FILE, Sources, find_cv


def _project(ctx: click.Context) -> Path | None:
    given = ctx.params.get("cv_path")
    cv = Path(given) if given else find_cv(Path.cwd())
    return cv.parent if cv else None


def _matching(names: dict[str, str], incomplete: str) -> list[CompletionItem]:
    start = incomplete.lower()
    return [
        CompletionItem(name, help=text or None)
        for name, text in names.items()
        if name.lower().startswith(start)
    ]


def complete_theme(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    from cvgen.themes import available

    return _matching(dict.fromkeys(available(_project(ctx)), ""), incomplete)


def complete_locale(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    from cvgen.build.presentation import user_languages
    from cvgen.words import shipped_languages

    folder = _project(ctx)
    own = user_languages(Sources(folder / CV_FILE)) if folder else {}
    return _matching(dict.fromkeys([*shipped_languages(), *own], ""), incomplete)


def complete_style(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    """The curated styles with their titles, or every packaged name once something is typed."""
    from cvgen.citations.catalog import listing, packaged_names

    if not incomplete:
        return _matching(dict(listing(everything=False)), incomplete)
    return _matching(dict.fromkeys(["cvgen", *packaged_names()], ""), incomplete)
