"""`cvgen filter` output: the tailored CV's sections as a list in one of several formats.

Text, Markdown, HTML and LaTeX print entries exactly as the CV does (cvgen.citation spans);
BibTeX, JSON and CSL-JSON hand the same entries to other tools.
"""

from __future__ import annotations

import json
from typing import Any

from cvgen.listing.bibtex import to_bibtex
from cvgen.listing.csl import to_csl_json
from cvgen.listing.document import build_listing
from cvgen.listing.markup import MARKUPS, render
from cvgen.model import CV
from cvgen.numbering import SECTION_KINDS, Numbering
from cvgen.select import section_content

FORMATS: tuple[str, ...] = (*MARKUPS, "bibtex", "json", "csl-json")
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".tex": "latex",
    ".bib": "bibtex",
    ".json": "json",
}


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _dump(item: Any) -> Any:
    return item if isinstance(item, str) else item.model_dump(mode="json")


def render_listing(
    cv: CV,
    fmt: str,
    sections: list[str],
    numbering: Numbering = "per-type",
    reverse: bool = False,
) -> str:
    """`sections` of the (tailored) CV in format `fmt`; data formats list publications only."""
    if fmt in MARKUPS:
        return render(build_listing(cv, sections, numbering, reverse), MARKUPS[fmt]())
    if fmt == "json":
        return _json({name: [_dump(i) for i in section_content(cv, name)] for name in sections})
    pubs = [pub for name in sections if name in SECTION_KINDS for pub in section_content(cv, name)]
    if fmt == "bibtex":
        return to_bibtex(pubs)
    if fmt == "csl-json":
        return _json(to_csl_json(pubs))
    raise ValueError(f"unknown listing format {fmt!r}")
