"""The HTML writer: one self-contained, responsive page (or its body, with --fragment).

Templates under templates/html/ only lay out the document tree; what the page says was decided
by cvgen.compose. Autoescaping is on for every template, so data can never become markup; the
only markup that enters unescaped is what html_markup.py built from escaped text.

A `templates/` folder next to the user's cv.yaml is searched first, so a user overrides one
file (say html/cv.css or html/sections/talks.html) and keeps the shipped rest.
"""

from __future__ import annotations

import json
import traceback
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from cvgen.compose.document import Document
from cvgen.errors import CvgenError
from cvgen.resources import templates_dir
from cvgen.template_sandbox import TemplateFolder, TemplateSandbox
from cvgen.urls import safe_href
from cvgen.writers import WriteOptions
from cvgen.writers.html_markup import links_to_html, spans_to_html

PAGE = "html/cv.html"
FRAGMENT = "html/body.html"
PAPER_SIZES = {"a4": "A4", "letter": "letter"}


def jsonld_script(graph: dict[str, Any]) -> Markup:
    """JSON-LD text safe inside <script>: no '<', '>' or '&' can end the element."""
    text = json.dumps(graph, ensure_ascii=False)
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


def environment(source_dir: str | None) -> jinja2.Environment:
    """Templates from the user's templates/ folder first, then the shipped ones."""
    user = Path(source_dir) / "templates" if source_dir else None
    return _environment(str(user) if user and user.is_dir() else None)


@lru_cache(maxsize=16)
def _environment(user_templates: str | None) -> jinja2.Environment:
    """One environment per template folder; keyed on the folder found, so a templates/ folder
    created while `cvgen watch` runs is picked up. No bytecode cache: compiled templates on
    disk would be code that anyone able to write the cache folder could swap."""
    loaders: list[jinja2.BaseLoader] = []
    if user_templates:
        loaders.append(TemplateFolder(user_templates))
    loaders.append(TemplateFolder(templates_dir()))
    env = TemplateSandbox(  # user templates are data: they must not run code (see the module)
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(href=safe_href, spans=spans_to_html, links=links_to_html)
    return env


def _template_location(error: BaseException) -> str:
    """'file.html:12' for the innermost template frame (jinja2 maps frames to templates)."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith((".html", ".css")):
            return f"{frame.filename}:{frame.lineno}"
    return "template"


def render_template(source_dir: str | None, name: str, values: dict[str, Any]) -> str:
    """Render one template; a broken user template is reported with file:line, not a trace."""
    try:
        return environment(source_dir).get_template(name).render(values)
    except jinja2.TemplateSyntaxError as error:
        raise CvgenError(
            f"{error.filename or error.name}:{error.lineno}: {error.message}"
        ) from None
    except jinja2.TemplateNotFound as error:
        raise CvgenError(f"HTML template {error.name!r} not found") from None
    except jinja2.TemplateError as error:
        raise CvgenError(f"{_template_location(error)}: {error}") from None
    except Exception as error:  # a user's template can divide by zero, index past an end, ...
        message = f"{type(error).__name__}: {error}"
        raise CvgenError(f"{_template_location(error)}: {message}") from None


def context(document: Document, options: WriteOptions) -> dict[str, Any]:
    """Everything a template sees; documented in the README ("Template context")."""
    return {
        "document": document,
        "header": document.header,
        "sections": document.sections,
        "meta": document.meta,
        "furniture": document.furniture,
        "fragment": options.fragment,
        "paper": PAPER_SIZES[options.paper] if options.paper else None,
        "jsonld": jsonld_script(document.schema_org),
    }


class HtmlWriter:
    name = "html"
    suffix = ".html"

    def write(self, document: Document, options: WriteOptions) -> str:
        values = context(document, options)
        return render_template(options.source_dir, FRAGMENT if options.fragment else PAGE, values)


WRITER = HtmlWriter()
