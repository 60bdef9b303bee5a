"""Golden files of every writer of the format table in every theme, on the small researcher:
the LaTeX source, the web page, the Word document as an outline and the styles it uses, and
what Typst is handed (its template and the JSON data). A new document format or a new theme
is tested here without a new line; `python -m pytest --update-golden` writes its files for
review.

The PDF engines write bytes of a typesetter's making: their pages are checked by what a reader
sees (writers/pdf/), not byte by byte.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from cvgen.document import Document
from cvgen.formats import FORMATS
from cvgen.model import CV
from cvgen.themes import load_theme
from cvgen.writers import WriteOptions
from cvgen.writers.typst.writer import template_data, template_path
from tests.support.rendering import THEMES, document
from tests.support.word_doc import outline, read, style_sheet


def _latex(tree: Document, options: WriteOptions) -> dict[str, str]:
    return {"tex": FORMATS["latex"].load().write(tree, options)}


def _html(tree: Document, options: WriteOptions) -> dict[str, str]:
    return {"html": FORMATS["html"].load().write(tree, options)}


def _docx(tree: Document, options: WriteOptions) -> dict[str, str]:
    doc = read(FORMATS["docx"].load().write(tree, options))
    return {"txt": outline(doc) + "\n" + style_sheet(doc)}


def _typst(tree: Document, options: WriteOptions) -> dict[str, str]:
    data = json.dumps(template_data(tree, options), ensure_ascii=False, indent=1)
    return {"typ": template_path(options).read_text(encoding="utf-8"), "json": data + "\n"}


# What each document format's golden files hold: suffix -> text.
GOLDEN_FORMS: dict[str, Callable[[Document, WriteOptions], dict[str, str]]] = {
    "latex": _latex,
    "html": _html,
    "docx": _docx,
    "typst": _typst,
}
TYPESET = {"pdf", "weasyprint"}  # PDF bytes: see the module's docstring
THEMELESS = {"document"}  # the tree as JSON, which no theme changes: tests/golden/document/
DOCUMENT_FORMATS = sorted(name for name, fmt in FORMATS.items() if fmt.kind == "document")


def test_every_document_format_has_golden_files_or_is_typeset() -> None:
    assert sorted([*GOLDEN_FORMS, *TYPESET, *THEMELESS]) == DOCUMENT_FORMATS


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("fmt", sorted(GOLDEN_FORMS))
def test_the_small_cv_in_every_format_and_theme(fmt: str, theme: str, small_cv: CV, golden):
    options = WriteOptions(theme=load_theme(theme))
    for suffix, text in GOLDEN_FORMS[fmt](document(small_cv), options).items():
        golden(f"writers/{fmt}/small-{theme}.{suffix}", text)
