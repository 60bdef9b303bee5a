"""Printing bios and biosketches with the list writers' markups (cvgen.writers.lists).

Escaping stays with the writers' span renderers: a bio or sketch never escapes text itself.
"""

from __future__ import annotations

import textwrap

from cvgen.bio.feeds import Block
from cvgen.bio.sketch import Sketch
from cvgen.compose.document import Span
from cvgen.writers import lists

WRAP = 88


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


def _block(block: Block, markup: lists.Markup, level: int) -> list[str]:
    out = [markup.heading(block.heading, level)]
    body = [markup.paragraph([Span(p)]) for p in block.paragraphs]
    if block.entries:
        rows = [(e.number, lists.entry_line(e, block.emphasise)) for e in block.entries]
        body.append(markup.lines(rows))
    for part in block.parts:
        body += _block(part, markup, level + 1)
    return out + (body or [markup.paragraph([Span(block.empty)])])


def sketch_text(sketch: Sketch, fmt: str) -> str:
    """The sketch in `fmt`: title and name, then each section in the profile's order."""
    markup = MARKUPS[fmt]()
    blocks = [markup.heading(sketch.profile.title, 1), markup.paragraph([Span(sketch.name)])]
    for block in sketch.blocks:
        blocks += _block(block, markup, 2)
    blocks += [markup.paragraph(line) for line in sketch.legend]
    return "\n\n".join(blocks) + "\n"
