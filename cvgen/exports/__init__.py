"""Data exports: the tailored CV's publications (or sections) as data for other tools.

Unlike writers, which lay out the document tree, an export hands on data: BibTeX that cvgen
reads back, CSL-JSON for Zotero and pandoc, the model as JSON, a Jekyll site's data file. It
receives the tailored CV, its composed Document and the composition's settings, so what it
lists, in which order, numbered and worded how, is the CV's own. An export is
`export(cv, document, settings) -> str`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cvgen.compose import Settings
    from cvgen.document import Document, Entry
    from cvgen.model import CV, Publication

EXPORTS: dict[str, str] = {
    "bibtex": "cvgen.exports.bibtex:export",
    "csl-json": "cvgen.exports.csl_json:export",
    "json": "cvgen.exports.model_json:export",
    "jekyll": "cvgen.exports.jekyll:export",
    "al-folio": "cvgen.exports.al_folio:export",
}
# Exports that write a folder of pages: `export(cv, document, settings) -> {name: text}`.
FOLDER_EXPORTS: dict[str, str] = {
    "hugo": "cvgen.exports.hugo:export",
    "academicpages": "cvgen.exports.academicpages:export",
}


def get_export(name: str) -> Callable[[CV, Document, Settings], str]:
    module, attribute = EXPORTS[name].split(":")
    return getattr(importlib.import_module(module), attribute)


def get_folder_export(name: str) -> Callable[[CV, Document, Settings], dict[str, str]]:
    module, attribute = FOLDER_EXPORTS[name].split(":")
    return getattr(importlib.import_module(module), attribute)


def listed_entries(cv: CV, document: Document) -> list[tuple[Publication, Entry]]:
    """The publications the document lists, in its order (each once), with their entries:
    the model has the data, the entry the CV's wording (citation, annotation, number)."""
    by_key = {pub.key: pub for pub in cv.publications}
    first: dict[str, Entry] = {}
    for entry in document.all_entries():
        if entry.key in by_key:
            first.setdefault(entry.key, entry)
    return [(by_key[key], entry) for key, entry in first.items()]


def listed_publications(cv: CV, document: Document) -> list[Publication]:
    """The publications the document lists, in its order (each once)."""
    return [pub for pub, _ in listed_entries(cv, document)]
