"""Data exports: the tailored CV's publications (or sections) as data for other tools.

Unlike writers, which lay out the document tree, an export hands on data: BibTeX that cvgen
reads back, CSL-JSON for Zotero and pandoc, the model as JSON, a Jekyll site's data file. It
receives the tailored CV, its composed Document and the composition's settings, so what it
lists, in which order, numbered and worded how, is the CV's own. An export is
`export(cv, document, settings) -> str` (a folder export returns {file name: text}); the
table of formats (cvgen/formats.py) says which export writes which format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cvgen.document import Document, Entry
    from cvgen.model import CV, Publication


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
