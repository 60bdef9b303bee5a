"""Printing bios and biosketches: the filter's span printers plus paragraphs and a title.

Escaping stays with the backends' span renderers (cvgen.listing.markup reuses them): a bio
or sketch never escapes text itself.
"""

from __future__ import annotations

import textwrap

from cvgen.bio.feeds import Block
from cvgen.bio.sketch import Sketch
from cvgen.citation import Span
from cvgen.listing import markup as listing

WRAP = 88


class Text(listing.Text):
    def heading(self, text: str, level: int) -> str:
        return f"{text}\n{'=-~'[min(level, 3) - 1] * len(text)}"

    def paragraph(self, text: str) -> str:
        return textwrap.fill(text, WRAP)

    def entries(self, entries: list) -> str:
        return "\n".join(
            textwrap.fill(line, WRAP, subsequent_indent="    ")
            for line in super().entries(entries).splitlines()
        )


class Markdown(listing.Markdown):
    def paragraph(self, text: str) -> str:
        return self.spans([Span(text)])


class Html(listing.Html):
    def paragraph(self, text: str) -> str:
        return f"<p>{self.spans([Span(text)])}</p>"


class Latex(listing.Latex):
    prologue = ""

    def paragraph(self, text: str) -> str:
        return self.spans([Span(text)])


MARKUPS = {"text": Text, "markdown": Markdown, "html": Html, "latex": Latex}
Markup = Text | Markdown | Html | Latex


def bio_text(text: str, fmt: str) -> str:
    """The bio as one paragraph in `fmt` (text is left unwrapped, for pasting into forms)."""
    if fmt == "text":
        return text + "\n"
    return MARKUPS[fmt]().paragraph(text) + "\n"


def _block(block: Block, markup: Markup, level: int) -> list[str]:
    out = [markup.heading(block.heading, level)]
    body = [markup.paragraph(p) for p in block.paragraphs]
    if block.entries:
        body.append(markup.entries(block.entries))
    for part in block.parts:
        body += _block(part, markup, level + 1)
    return out + (body or [markup.paragraph(block.empty)])


def sketch_text(sketch: Sketch, fmt: str) -> str:
    """The sketch in `fmt`: title and name, then each section in the profile's order."""
    markup = MARKUPS[fmt]()
    blocks = [markup.heading(sketch.profile.title, 1), markup.paragraph(sketch.name)]
    for block in sketch.blocks:
        blocks += _block(block, markup, 2)
    blocks += [markup.note(line) for line in sketch.legend]
    return "\n\n".join(blocks) + "\n"
