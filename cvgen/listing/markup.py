"""Print a Listing as plain text, Markdown, HTML or LaTeX.

Each format is a small class saying how to print spans, a heading, a list of entries and a
note; `render` walks the listing once for all of them. HTML and LaTeX spans go through the
backends' own span renderers, so escaping lives in exactly one place per format.
"""

from __future__ import annotations

import re
from typing import Protocol

from cvgen.backends.html_markup import safe_href, spans_to_html
from cvgen.citation import Span, SpanStyle, render_spans
from cvgen.listing.document import Entry, Listing


class Markup(Protocol):
    prologue: str  # printed before the listing, e.g. what a LaTeX fragment needs

    def spans(self, spans: list[Span]) -> str: ...
    def heading(self, text: str, level: int) -> str: ...
    def entries(self, entries: list[Entry]) -> str: ...
    def note(self, text: str) -> str: ...


def render(listing: Listing, markup: Markup) -> str:
    blocks: list[str] = []
    for part in listing.parts:
        blocks.append(markup.heading(part.heading, 1))
        for group in part.groups:
            if group.heading:
                blocks.append(markup.heading(group.heading, 2))
            blocks.append(markup.entries(group.entries))
    blocks += [markup.note(line) for line in listing.legend]
    return markup.prologue + "\n\n".join(blocks) + "\n" if blocks else ""


class Text:
    """For pasting into web forms: no styling, links spelt out."""

    prologue = ""

    def spans(self, spans: list[Span]) -> str:
        return "".join(f"{s.text} <{s.href}>" if s.href else s.text for s in spans)

    def heading(self, text: str, level: int) -> str:
        return f"{text}\n{('=' if level == 1 else '-') * len(text)}"

    def entries(self, entries: list[Entry]) -> str:
        return "\n".join(
            (f"[{e.number}] " if e.number is not None else "") + self.spans(e.spans)
            for e in entries
        )

    def note(self, text: str) -> str:
        return text


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$!])")


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _markdown_link(href: str, inner: str) -> str:
    safe = safe_href(href)
    return f"[{inner}](<{safe}>)" if safe else inner


MARKDOWN_STYLE = SpanStyle(
    escape=_md_escape,
    superscript="<sup>{}</sup>",
    italic="*{}*",
    underline="<u>{}</u>",
    bold="**{}**",
    link=_markdown_link,
    spaces_outside=True,
)


class Markdown:
    """CommonMark with inline <u>/<sup> (GitHub and pandoc render both); students underlined."""

    prologue = ""

    def spans(self, spans: list[Span]) -> str:
        return render_spans(spans, MARKDOWN_STYLE)

    def heading(self, text: str, level: int) -> str:
        return "#" * level + " " + _md_escape(text)

    def entries(self, entries: list[Entry]) -> str:
        return "\n".join(
            "- " + (f"\\[{e.number}\\] " if e.number is not None else "") + self.spans(e.spans)
            for e in entries
        )

    def note(self, text: str) -> str:
        return _md_escape(text)


class Html:
    """An HTML fragment to paste into a page; numbered lists keep the CV's numbers."""

    prologue = ""

    def spans(self, spans: list[Span]) -> str:
        return str(spans_to_html(spans))

    def heading(self, text: str, level: int) -> str:
        return f"<h{level + 1}>{self.spans([Span(text)])}</h{level + 1}>"

    def entries(self, entries: list[Entry]) -> str:
        numbered = any(e.number is not None for e in entries)
        tag = "ol" if numbered else "ul"
        items = [
            (f'  <li value="{e.number}">' if e.number is not None else "  <li>")
            + self.spans(e.spans)
            + "</li>"
            for e in entries
        ]
        return "\n".join([f"<{tag}>", *items, f"</{tag}>"])

    def note(self, text: str) -> str:
        return f'<p class="legend">{self.spans([Span(text)])}</p>'


class Latex:
    """A LaTeX fragment (starred sections, itemize with the CV's numbers as labels)."""

    prologue = (
        "% cvgen filter: links need \\usepackage{hyperref}; compile with LuaLaTeX or XeLaTeX\n"
        "% (or pdfLaTeX with \\usepackage[utf8]{inputenc}) for the accented names.\n"
    )

    def spans(self, spans: list[Span]) -> str:
        from cvgen.backends.latex_markup import spans_to_latex  # only when LaTeX is asked for

        return spans_to_latex(spans)

    def heading(self, text: str, level: int) -> str:
        command = "section" if level == 1 else "subsection"
        return f"\\{command}*{{{self.spans([Span(text)])}}}"

    def entries(self, entries: list[Entry]) -> str:
        items = [
            ("  \\item" + (f"[{{[{e.number}]}}]" if e.number is not None else ""))
            + " "
            + self.spans(e.spans)
            for e in entries
        ]
        return "\n".join(["\\begin{itemize}", *items, "\\end{itemize}"])

    def note(self, text: str) -> str:
        return self.spans([Span(text)])


MARKUPS: dict[str, type[Markup]] = {
    "text": Text,
    "markdown": Markdown,
    "html": Html,
    "latex": Latex,
}
