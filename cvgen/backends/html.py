"""The HTML backend: one self-contained, responsive page (or its body, with --fragment).

Layout lives in jinja2 templates under templates/html/; what goes on the page is decided in
html_context.py. Autoescaping is on for every template, so data can never become markup; the
only markup that enters unescaped is what html_markup.py built from escaped text.

A `templates/` folder next to the user's cv.yaml is searched first, so a user overrides one
file (say html/cv.css or html/sections/talks.html) and keeps the shipped rest.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from cvgen.backends import RenderOptions
from cvgen.backends.html_context import context
from cvgen.backends.html_markup import safe_href
from cvgen.dates import Date, format_range
from cvgen.errors import CvgenError
from cvgen.formatting import course_period, money, sentence_case
from cvgen.model import CV, Student
from cvgen.resources import templates_dir
from cvgen.sections import COURSE_LEVELS
from cvgen.template_sandbox import TemplateFolder, TemplateSandbox

PAGE = "html/cv.html"
FRAGMENT = "html/body.html"


def daterange(item: Any) -> str:
    """'2015 – 2019', '2019 – present' or '2019': years only, as CVs print periods."""
    return format_range(item.start, item.end)


def month(date: Date) -> str:
    return date.human()


def tenure(student: Student) -> str:
    """A current student's period runs to 'present' whatever their expected end."""
    if student.status == "current" and student.start:
        return f"{student.start.human(with_month=False)} – present"
    return format_range(student.start, student.end)


def safe_links(pairs: Iterable[tuple[str, str | None]]) -> list[tuple[str, str]]:
    """(label, href) pairs whose link is safe; the rest are dropped, not printed as text."""
    return [(label, href) for label, url in pairs if (href := safe_href(url))]


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
    env.filters.update(
        href=safe_href,
        safe_links=safe_links,
        money=money,
        daterange=daterange,
        course_period=course_period,
        sentence=sentence_case,
        month=month,
        tenure=tenure,
    )
    env.globals["course_levels"] = COURSE_LEVELS
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


class HtmlBackend:
    name = "html"
    suffix = ".html"

    def render(self, cv: CV, options: RenderOptions) -> str:
        values = context(cv, options)
        return render_template(options.source_dir, FRAGMENT if values["fragment"] else PAGE, values)


BACKEND = HtmlBackend()
