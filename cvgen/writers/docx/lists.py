"""The list writers' markup (a heading, a paragraph, a list of lines) writing into Word.

Bios and biosketches are printed by walking their blocks with a markup (cvgen.bio.markup);
this one appends each block to a Word document instead of returning text, so a sketch in
Word has the same sections, entries and numbers as in Markdown or PDF, with Word's headings
and numbered lists.
"""

from __future__ import annotations

from cvgen.document import Span
from cvgen.writers.docx.body import WordBody


class WordMarkup:
    """Level 1 is the document's title (Word's Title), deeper levels Word's Heading 1, 2, ...;
    the paragraph right after the title (the sketch's name) is its Subtitle."""

    def __init__(self, body: WordBody) -> None:
        self.body = body
        self._after_title = False

    def heading(self, text: str, level: int) -> None:
        self.body.heading(text, level - 1)
        self._after_title = level == 1

    def paragraph(self, spans: list[Span]) -> None:
        self.body.paragraph(spans, "Subtitle" if self._after_title else "CV Paragraph")
        self._after_title = False

    def lines(self, entries: list[tuple[int | None, list[Span]]]) -> None:
        self._after_title = False
        if any(number is not None for number, _ in entries):
            self.body.numbered(entries, "CV Publication")
            return
        for _, spans in entries:
            self.body.paragraph(spans, "CV Entry")
