"""The HTML writer: one self-contained, responsive page (or its body, with --fragment).

The templates (cvgen/themes/classic/html/) only lay out the document tree: what the page says
was decided by cvgen.compose, and which template sets each part of a section by the walk
(html/sections.py).
Autoescaping is on for every template, so data can never become markup; the only markup that
enters unescaped is what html/markup.py built from escaped text, and the templates' own output.

Templates are found in this order: a `templates/` folder next to the user's cv.yaml (so a user
overrides one file, say html/cv.css or html/sections/talks.html, and keeps the shipped rest),
then the theme (its cv.css is `html/cv.css`, its html/ folder overrides templates/html/), then
the shipped templates.
"""

from __future__ import annotations

import json
import os
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from cvgen.document import Document
from cvgen.errors import CvgenError
from cvgen.files.project import ConfinementError, escape
from cvgen.themes import BASE, THEMES_DIR, Theme, confinement
from cvgen.themes.sandbox import TemplateFolder, TemplateSandbox
from cvgen.util.urls import safe_href
from cvgen.writers import WriteOptions, theme_of
from cvgen.writers.bidi import reads_left_to_right
from cvgen.writers.html.confined import render_confined, users_templates
from cvgen.writers.html.markup import links_to_html, spans_to_html
from cvgen.writers.html.sections import HtmlSections
from cvgen.writers.spans import head_spans

PAGE = "html/cv.html"
FRAGMENT = "html/body.html"
PAPER_SIZES = {"a4": "A4", "letter": "letter"}


def jsonld_script(graph: dict[str, Any]) -> Markup:
    """JSON-LD text safe inside <script>: no '<', '>' or '&' can end the element."""
    text = json.dumps(graph, ensure_ascii=False)
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


CSS = "html/cv.css"
CLASSIC_CSS = "html/classic.css"  # what another theme's cv.css includes and adds to


class ThemeLoader(jinja2.BaseLoader):
    """A theme's templates: `html/cv.css` is its cv.css, `html/X` its html/X (else classic's);
    `html/classic.css` is always the shipped classic cv.css, for themes that build on it."""

    def __init__(self, folders: tuple[Path, ...], root: Path | None = None) -> None:
        self.folders = folders
        self.root = root  # the project of a user's theme (see themes.confinement)

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple:
        """Read as every user template is read (regular files inside their folder only)."""
        if template == CLASSIC_CSS:
            return TemplateFolder(THEMES_DIR / BASE).get_source(environment, "cv.css")
        relative = "cv.css" if template == CSS else template
        for folder in self.folders:
            if os.path.lexists(folder / relative):
                root = confinement(folder, self.root)
                return TemplateFolder(folder, root).get_source(environment, relative)
        raise jinja2.TemplateNotFound(template)


def environment(source_dir: str | None, theme: Theme) -> jinja2.Environment:
    """Templates from the user's templates/ folder first, then the theme's, then classic's.
    A templates/ folder that leads out of the project (a link to `..`) is refused."""
    user = Path(source_dir) / "templates" if source_dir else None
    if user is None or not user.is_dir():
        return _environment(None, source_dir, theme.folders, theme.root)
    reason = escape(user, source_dir)  # type: ignore[arg-type]
    if reason:
        raise ConfinementError(f"the templates folder {user} {reason}")
    return _environment(str(user), source_dir, theme.folders, theme.root)


@lru_cache(maxsize=16)
def _environment(
    user_templates: str | None,
    source_dir: str | None,
    theme_folders: tuple[Path, ...],
    theme_root: Path | None,
) -> jinja2.Environment:
    """One environment per template folder and theme; keyed on the folder found, so a
    templates/ folder created while `cvgen watch` runs is picked up. No bytecode cache:
    compiled templates on disk would be code that anyone able to write the cache folder could
    swap."""
    loaders: list[jinja2.BaseLoader] = []
    if user_templates:
        loaders.append(TemplateFolder(user_templates, source_dir))
    loaders.append(ThemeLoader(theme_folders, theme_root))
    env = TemplateSandbox(  # user templates are data: they must not run code (see the module)
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        href=safe_href, spans=_spans, links=links_to_html, direction=_direction, head=_head
    )
    return env


@jinja2.pass_context
def _spans(context: jinja2.runtime.Context, spans: list) -> Markup:
    """The `spans` filter: right-to-left phrases isolated on a right-to-left page."""
    meta = context.get("meta")
    return spans_to_html(spans, rtl=getattr(meta, "direction", "ltr") == "rtl")


def _direction(text: str) -> str:
    """The `direction` filter: 'ltr' or 'rtl', as the text's first strong letter reads."""
    return "ltr" if reads_left_to_right(text) else "rtl"


@jinja2.pass_context
def _head(context: jinja2.runtime.Context, entry) -> Markup:
    """The `head` filter: an entry's bold title and its qualifiers, one run where they share a
    language (writers/spans.head_spans)."""
    return _spans(context, head_spans(entry))


def _template_location(error: BaseException) -> str:
    """'file.html:12' for the innermost template frame (jinja2 maps frames to templates)."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith((".html", ".css")):
            return f"{frame.filename}:{frame.lineno}"
    return "template"


@contextmanager
def template_errors() -> Iterator[None]:
    """A broken user template reported with file:line, not a trace."""
    try:
        yield
    except jinja2.TemplateSyntaxError as error:
        raise CvgenError(
            f"{error.filename or error.name}:{error.lineno}: {error.message}"
        ) from None
    except jinja2.TemplateNotFound as error:
        raise CvgenError(f"HTML template {error.name!r} not found") from None
    except jinja2.TemplateError as error:
        raise CvgenError(f"{_template_location(error)}: {error}") from None
    except MemoryError as error:  # in the confined child: past its memory
        where = _template_location(error)
        raise CvgenError(
            f"{where}: the template asked for more memory than cvgen gives it"
        ) from None
    except Exception as error:  # a user's template can divide by zero, index past an end, ...
        message = f"{type(error).__name__}: {error}"
        raise CvgenError(f"{_template_location(error)}: {message}") from None


def context(document: Document, options: WriteOptions) -> dict[str, Any]:
    """Everything a template sees; documented in the README ("Template context")."""
    theme = theme_of(options)
    return {
        "theme": {"name": theme.name, "colours": theme.config.colours, **theme.config.html},
        "accent": options.accent,
        "font_size": options.font_size,
        "document": document,
        "header": document.header,
        "sections": document.sections,
        "meta": document.meta,
        "furniture": document.furniture,
        "fragment": options.fragment,
        "paper": PAPER_SIZES[options.paper] if options.paper else None,
        "jsonld": jsonld_script(document.schema_org),
    }


def render_page(document: Document, options: WriteOptions) -> str:
    """The sections through the walk, then the page (or its body) around them."""
    values = context(document, options)
    with template_errors():
        env = environment(options.source_dir, theme_of(options))
        sections = HtmlSections(env, values)
        sections.walk(document.sections)
        values["sections_html"] = sections.sections
        return env.get_template(FRAGMENT if options.fragment else PAGE).render(values)


class HtmlWriter:
    walk = HtmlSections

    def write(self, document: Document, options: WriteOptions) -> str:
        """The page: cvgen's own templates render here, the user's in a confined process."""
        if users_templates(options):
            return render_confined(document, options)
        return render_page(document, options)


WRITER = HtmlWriter()
