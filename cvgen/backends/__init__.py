"""The backend registry: format name -> module holding a `BACKEND` object.

A backend has `name`, `suffix` and `render(cv, options) -> str | bytes`. Modules are imported
only when their format is used, so heavy libraries (pylatex, weasyprint) never load for
`cvgen --help` or for another format. Adding a format is one module and one line here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from cvgen.errors import CvgenError
from cvgen.model import CV

REGISTRY: dict[str, str] = {
    "html": "cvgen.backends.html",
    "latex": "cvgen.backends.latex",
    "pdf": "cvgen.backends.pdf",
    "weasyprint": "cvgen.backends.weasy",
    "jekyll": "cvgen.backends.jekyll",
}


@dataclass(frozen=True)
class RenderOptions:
    """What a backend may be asked beyond the model; each backend reads what it knows."""

    source_dir: str | None = None  # folder of cv.yaml, for user template overrides
    numbering: Literal["per-type", "continuous", "none"] = "per-type"
    reverse: bool = False  # number so that the newest entry gets the highest number
    extra: dict[str, Any] = field(default_factory=dict)


PAPERS = ("a4", "letter")


def paper_name(options: RenderOptions) -> str | None:
    """The paper size asked for ('a4' or 'letter'), or None; an unknown one is an error."""
    paper = options.extra.get("paper")
    if paper is None:
        return None
    if str(paper).lower() not in PAPERS:
        raise CvgenError(f"unknown paper size {paper!r}; use one of: {', '.join(PAPERS)}")
    return str(paper).lower()


class Backend(Protocol):
    name: str
    suffix: str

    def render(self, cv: CV, options: RenderOptions) -> str | bytes: ...


def get_backend(name: str) -> Backend:
    if name not in REGISTRY:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(sorted(REGISTRY))}")
    return importlib.import_module(REGISTRY[name]).BACKEND
