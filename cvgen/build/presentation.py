"""The design a request composes and writes with: cv.yaml's `design:`, the variant and the
command line (which wins), the theme's defaults under them.

Themes and languages may be the user's own files beside cv.yaml (themes/NAME/, words/CODE.yaml,
`design: {words: FILE}`), so they are checked here, on every run, rather than when cv.yaml is
loaded (that result is cached by cv.yaml's content alone). A name that is not found is reported
with the line of cv.yaml that gave it, the choices and the nearest one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from cvgen.build.request import Presentation, Request
from cvgen.compose.names import NameStyle, full_names, written_name
from cvgen.errors import CvgenError, Problem, Severity, data_error, fail_on_errors
from cvgen.load.cv_yaml import key_lines
from cvgen.load.sources import Sources
from cvgen.model import CV, CvData
from cvgen.model.text import Fallback, localized
from cvgen.select import Selection
from cvgen.themes import Theme, load_theme, unknown_theme
from cvgen.util.choices import unknown_choice
from cvgen.util.dates import Date
from cvgen.util.yaml_lines import dotted, line_for, parse_yaml
from cvgen.words import BASE, Words, load_words, read_table, shipped_languages
from cvgen.words.check import check_words_file

if TYPE_CHECKING:
    from cvgen.citations.style import CitationStyle

WORDS_FOLDER = "words"  # beside cv.yaml: words/CODE.yaml adds or adjusts a language
KeyPath = tuple[str, ...] | None  # a key path of cv.yaml; None: the command line


@dataclass(frozen=True)
class Origin:
    """Where a design value came from: the command line (`option`), or a key path of cv.yaml."""

    cv: Path
    path: KeyPath
    option: str = ""

    def fail(self, message: str) -> CvgenError:
        if self.path is None:
            return data_error([Problem(self.option, None, "", message)])
        line = _line_of(self.cv, self.path)
        return data_error([Problem(str(self.cv), line, ".".join(self.path), message)])


def _line_of(cv: Path, path: tuple[str, ...]) -> int | None:
    """The line of a key of cv.yaml, read again only when there is a problem to report."""
    try:
        _, lines = parse_yaml(cv.read_text(encoding="utf-8"), str(cv), [])
    except OSError:
        return None
    for cut in range(len(path), 0, -1):
        if path[:cut] in lines:
            return lines[path[:cut]]
    return None


def _chosen(request: Request, data: CvData, name: str, key: str = "") -> tuple[str | None, KeyPath]:
    """A presentation value and where it came from: the command line or the variant (which
    the resolved request carries), else cv.yaml's design. `key`: its name in cv.yaml."""
    key = key or name
    value = getattr(request.presentation, name)
    if value is None:
        return getattr(data.design, key), ("design", key)
    variant = data.variants.get(request.variant or "")
    if variant is not None and getattr(variant, key) == value:
        return value, ("variants", str(request.variant), key)
    return value, None


def style_for(
    request: Request, data: CvData, sources: Sources, locale: str | None = None
) -> CitationStyle | None:
    """The citation style of the CV, a variant or the command line (--style): None for cvgen's
    own; an unknown name is reported with the line of cv.yaml that gave it."""
    from cvgen.citations.catalog import unknown_name_message
    from cvgen.citations.style import load_style

    spec, path = _chosen(request, data, "style", "citation_style")
    origin = "--style" if path is None else f"{sources.cv}: {'.'.join(path)}"
    if spec and (message := unknown_name_message(spec)):
        raise Origin(sources.cv, path, "--style").fail(message)
    project = sources.project if path is not None else None  # --style was typed
    return load_style(spec, sources.cv.parent, origin, locale, project)


def theme_for(request: Request, data: CvData, sources: Sources) -> Theme:
    name, path = _chosen(request, data, "theme")
    base = sources.cv.parent
    if name is not None and (message := unknown_theme(name, base)):
        raise Origin(sources.cv, path, "--theme").fail(message)
    return load_theme(name, base)


def user_languages(sources: Sources) -> dict[str, Path]:
    """words/CODE.yaml beside cv.yaml, by CODE; each must stay inside the project."""
    project = sources.project
    words = project.root / WORDS_FOLDER
    if not words.is_dir():
        return {}
    return {
        path.stem: project.confined(path, "the words file")
        for path in sorted(project.confined(words, "the words folder").glob("*.yaml"))
    }


def _canonical(code: str, known: list[str]) -> str:
    """'en_us' and 'EN-US' are 'en-US'."""
    by_key = {name.lower().replace("_", "-"): name for name in known}
    return by_key.get(code.lower().replace("_", "-"), code)


def _design_words(data: CvData, sources: Sources) -> list[Path]:
    """`design.words`, a words file inside the project, checked (with file and line) before
    anything reads it."""
    if not data.design.words:
        return []
    origin = Origin(sources.cv, ("design", "words"))
    try:
        path = sources.project.path(data.design.words, "the words file")
    except CvgenError as error:
        raise origin.fail(error.message) from None
    if not path.is_file():
        raise origin.fail(f"no words file {path}")
    fail_on_errors(check_words_file(path))
    return [path]


def locale_for(request: Request, data: CvData, sources: Sources) -> tuple[str, KeyPath]:
    """The CV's language as asked (the command line, the variant, cv.yaml's design, else the
    language a `design.words` file names, else English), and where it was asked."""
    code, path = _chosen(request, data, "locale")
    if code is None:  # a words file of a language of its own names it
        extra = _design_words(data, sources)
        code = str(read_table(extra[0]).get("language", BASE)) if extra else BASE
    known = [*shipped_languages(), *user_languages(sources)]
    return _canonical(code, known), path


def localized_cv(request: Request, cv: CV, sources: Sources) -> tuple[CV, list[Fallback]]:
    """The CV with every text given per language in the CV's language (model/text.py), and
    the values that fell back to another one."""
    code, _ = locale_for(request, cv.data, sources)
    language = str(load_words(code).language) if code in shipped_languages() else code
    data, fell = localized(cv.data, language, list(cv.data.design.fallback))
    return (cv if data is cv.data else cv.model_copy(update={"data": data})), fell


def fallback_notes(request: Request, cv: CV, sources: Sources) -> list[Problem]:
    """Each text given per language but not in the CV's, where it is in cv.yaml and what it
    shows instead (`cvgen check --locale he`)."""
    code, _ = locale_for(request, cv.data, sources)
    _, fell = localized_cv(request, cv, sources)
    if not fell:
        return []
    lines = key_lines(sources.cv)
    return [
        Problem(
            str(sources.cv),
            line_for(note.path, lines),
            dotted(note.path),
            f"no {code} text; the CV shows the {note.shown} one (given: {', '.join(note.given)})",
            Severity.WARNING,
        )
        for note in fell
    ]


def words_for(request: Request, data: CvData, sources: Sources) -> Words:
    """The words of the CV's language: en.yaml under the shipped language, under the user's
    words/CODE.yaml, under `design.words`; each user file checked, with file and line, before
    it is read."""
    own = user_languages(sources)
    extra = _design_words(data, sources)
    code, path = locale_for(request, data, sources)
    known = [*shipped_languages(), *own]
    if code not in known and not extra:
        raise Origin(sources.cv, path, "--locale").fail(unknown_choice("locale", code, known))
    files = [own[code]] if code in own else []
    fail_on_errors([problem for file in files for problem in check_words_file(file)])
    files += extra
    if code not in shipped_languages() and not any("language" in read_table(f) for f in files):
        message = f"a language cvgen does not ship names itself: add `language: {code}`"
        fail_on_errors([Problem(str(files[0]), 1, "language", message)])
    words = load_words(code, files)
    headings = {f"sections.{name}": text for name, text in data.design.headings.items()}
    return words.with_phrases(headings) if headings else words


def _day(date: Date) -> dt.date:
    return dt.date(date.year, date.month or 1, date.day or 1)


def settings_fields(request: Request, cv: CV, sources: Sources, theme: Theme) -> dict:
    """What the composition takes from the design (plan.settings_for adds the rest)."""
    design = cv.data.design
    numbered = design.numbered_sections
    as_of = request.selection.as_of or design.as_of
    return {
        "words": words_for(request, cv.data, sources),
        "numbered_sections": bool(
            theme.config.settings.numbered_sections if numbered is None else numbered
        ),
        "order": design.order,
        "publication_order": tuple(design.publication_order),
        "as_of": as_of,
        "today": _day(as_of) if as_of else None,
        "names": name_style(cv),
    }


def name_style(cv: CV) -> NameStyle:
    """design.author_names and design.max_authors; for full names, the full given names the
    entries and the researcher's own names give."""
    design, person = cv.data.design, cv.data.person
    full: dict = {}
    if design.author_names == "full":
        own = [written_name(n) for n in (person.name, *person.name_variants)]
        full = full_names(cv.publications, own)
    return NameStyle(design.author_names, design.max_authors, full)


def option_fields(cv: CV, theme: Theme) -> dict:
    """What the writers take from the design; a command's own options (--paper) win."""
    design = cv.data.design
    return {"theme": theme, "font_size": design.font_size, "accent": design.accent,
            "paper": design.paper, "missing_characters": design.missing_characters}  # fmt: skip


def check_designs(
    data: CvData, sources: Sources, asked: list[Request] | None = None
) -> list[Problem]:
    """What makes a design unusable (an unknown theme, language or citation style), each
    problem once: of the requests `asked`, by default the CV's own, each variant's and each
    output's, as `cvgen check` reports them before any render would fail on one."""
    if asked is None:
        asked = [Request(), *(Request(Selection(variant=name)) for name in data.variants)]
        asked += [
            Request(Selection(variant=o.variant), Presentation(theme=o.theme, locale=o.locale))
            for o in data.outputs
        ]
    found: list[Problem] = []
    for request in dict.fromkeys(asked):
        resolved = request.resolved(data)
        checks = (
            partial(theme_for, resolved, data, sources),
            partial(words_for, resolved, data, sources),
            partial(style_for, resolved, data, sources),
        )
        for check in checks:
            try:
                check()
            except CvgenError as error:
                found += error.problems or [Problem(str(sources.cv), None, "", error.message)]
    return list(dict.fromkeys(found))
