"""Printing bios and biosketches with the list writers' markups (cvgen.writers.lists).

Escaping stays with the writers' span renderers: a bio or sketch never escapes text itself.
One walk over the sketch's blocks serves every markup: the text ones return their blocks'
text, Word's (cvgen.writers.docx.lists) appends each block to a document instead.
"""

from __future__ import annotations

import textwrap
from typing import Protocol, TypeVar

from cvgen.bio.feeds import Block
from cvgen.bio.sketch import Sketch
from cvgen.document import Span
from cvgen.writers import lists

WRAP = 88
T = TypeVar("T", covariant=True)


class BlockMarkup(Protocol[T]):
    """What the walk needs of a markup; each call returns that block's output."""

    def heading(self, text: str, level: int) -> T: ...
    def paragraph(self, spans: list[Span]) -> T: ...
    def lines(self, entries: list[tuple[int | None, list[Span]]]) -> T: ...


class Text(lists.Text):
    def paragraph(self, spans: list[Span]) -> str:
        return textwrap.fill(self.spans(spans), WRAP)

    def lines(self, entries: list[tuple[int | None, list[Span]]]) -> str:
        return "\n".join(
            textwrap.fill(line, WRAP, subsequent_indent="    ")
            for line in super().lines(entries).splitlines()
        )


class Latex(lists.Latex):
    prologue = ""


MARKUPS: dict[str, type[lists.Markup]] = {
    "text": Text,
    "markdown": lists.Markdown,
    "html": lists.Html,
    "latex": Latex,
}


def bio_text(text: str, fmt: str) -> str:
    """The bio as one paragraph in `fmt` (text is left unwrapped, for pasting into forms)."""
    if fmt == "text":
        return text + "\n"
    return MARKUPS[fmt]().paragraph([Span(text)]) + "\n"


def _block(block: Block, markup: BlockMarkup[T], level: int) -> list[T]:
    out = [markup.heading(block.heading, level)]
    body = [markup.paragraph([Span(p)]) for p in block.paragraphs]
    if block.entries:
        rows = [(e.number, lists.entry_line(e, block.emphasise)) for e in block.entries]
        body.append(markup.lines(rows))
    for part in block.parts:
        body += _block(part, markup, level + 1)
    return out + (body or [markup.paragraph([Span(block.empty)])])


def sketch_blocks(sketch: Sketch, markup: BlockMarkup[T]) -> list[T]:
    """Title and name, then each section in the profile's order, then the marks' legend."""
    blocks = [markup.heading(sketch.profile.title, 1), markup.paragraph([Span(sketch.name)])]
    for block in sketch.blocks:
        blocks += _block(block, markup, 2)
    return blocks + [markup.paragraph(line) for line in sketch.legend]


def sketch_text(sketch: Sketch, fmt: str) -> str:
    """The sketch in `fmt` (text, markdown, html, latex)."""
    return "\n\n".join(sketch_blocks(sketch, MARKUPS[fmt]())) + "\n"
