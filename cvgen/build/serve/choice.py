"""What the preview shows, and what cv.yaml offers to choose from.

The page's switcher picks a view (the CV, its short bio, a funder's biosketch) and, for it, a
variant, theme, language and citation style; None is "as cv.yaml says". Only what the offers
list is accepted from the page: a value it sends is never a path or a name cvgen would look up
beyond them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from cvgen.bio.profile import builtin_profiles
from cvgen.build.presentation import user_languages
from cvgen.build.request import Presentation, Request
from cvgen.citations.catalog import listing as style_listing
from cvgen.load.sources import Sources
from cvgen.model import CvData
from cvgen.select import Selection
from cvgen.themes import listing as theme_listing
from cvgen.words import babel_locale, shipped_languages

CV_VIEW = "cv"
BIO_VIEW = "bio"
Options = tuple[tuple[str, str], ...]  # (value, label) pairs, in the order shown


@dataclass(frozen=True)
class Choice:
    """One view of the CV; None: as cv.yaml (or the variant) says."""

    view: str = CV_VIEW
    variant: str | None = None
    theme: str | None = None
    locale: str | None = None
    style: str | None = None

    def request(self, engine: str) -> Request:
        """What to plan: the variant, and the design under it, typeset by `engine`."""
        shown = Presentation(theme=self.theme, locale=self.locale, style=self.style, engine=engine)
        return Request(Selection(variant=self.variant), shown)

    def to_json(self) -> dict[str, str | None]:
        return asdict(self)


CHOICE_FIELDS = tuple(f.name for f in fields(Choice))


@dataclass(frozen=True)
class Offers:
    """The values the switcher lists, each with a label, and cv.yaml's own (the defaults)."""

    view: Options
    variant: Options
    theme: Options
    locale: Options
    style: Options
    defaults: tuple[tuple[str, str], ...] = ()

    def refusal(self, choice: Choice) -> str | None:
        """Why the page's choice cannot be shown (a value not offered), else None."""
        for name in CHOICE_FIELDS:
            value = getattr(choice, name)
            if value is not None and value not in dict(getattr(self, name)):
                return f"{name} {value!r} is not one cv.yaml offers"
        return None

    def to_json(self) -> dict[str, Any]:
        lists = {name: [list(pair) for pair in getattr(self, name)] for name in CHOICE_FIELDS}
        return {**lists, "defaults": dict(self.defaults)}


def choice_from_json(data: object) -> Choice:
    """A Choice from the page's JSON object; ValueError for anything else."""
    if not isinstance(data, dict) or not set(data) <= set(CHOICE_FIELDS):
        raise ValueError(f"expected an object with some of {', '.join(CHOICE_FIELDS)}")
    if not all(value is None or isinstance(value, str) for value in data.values()):
        raise ValueError("every value must be a string or null")
    chosen = {name: value or None for name, value in data.items()}
    return Choice(**{**chosen, "view": chosen.get("view") or CV_VIEW})


def _language_label(code: str) -> str:
    try:
        return f"{babel_locale(code).display_name} ({code})"
    except ValueError:
        return code


def offers_for(data: CvData, cv_path: Path) -> Offers:
    """The views, variants, themes, languages (shipped and words/ beside cv.yaml) and citation
    styles (the usual ones and those cv.yaml names) the switcher lists."""
    folder = cv_path.parent
    profiles = tuple((name, f"{name.upper()} biosketch") for name in builtin_profiles())
    languages = dict.fromkeys([*shipped_languages(), *user_languages(Sources(cv=cv_path))])
    named = [data.design.citation_style, *(v.citation_style for v in data.variants.values())]
    styles = dict(style_listing(everything=False))
    styles.update({name: name for name in named if name and name not in styles})
    design = data.design
    defaults = {
        "theme": design.theme or "classic",
        "locale": design.locale or "en",
        "style": design.citation_style or "cvgen",
    }
    return Offers(
        view=((CV_VIEW, "CV"), (BIO_VIEW, "Short bio"), *profiles),
        variant=tuple((name, name) for name in data.variants),
        theme=tuple((name, name) for name, _ in theme_listing(folder)),
        locale=tuple((code, _language_label(code)) for code in languages),
        style=tuple(styles.items()),
        defaults=tuple(defaults.items()),
    )
