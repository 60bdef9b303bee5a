"""A Word document written by hand through cvgen's WordBody, and read back."""

from __future__ import annotations

from docx.document import Document as DocxDocument

from cvgen.writers.docx.body import WordBody
from cvgen.writers.docx.package import Properties
from cvgen.writers.docx.theme import word_theme
from tests.support.word_doc import read


def new_body(**options) -> WordBody:
    return WordBody(word_theme(), **options)


def finished(body: WordBody, title: str = "T") -> DocxDocument:
    return read(body.finish(Properties(title, "Ada Example")))
