"""The tree as a list: plain text, Markdown, and HTML or LaTeX fragments.

`cvgen filter`, the build's Markdown output and the biosketches print the document this way:
a heading per section and group, one line per entry. Each format is a small class saying how
to print spans, a heading, a list of lines and a paragraph; one walk (`Listing`) serves all
of them. HTML and LaTeX spans go through their writers' own span renderers, so escaping
lives in exactly one place per format.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from cvgen.document import Document, Entry, Group, Section, Span
from cvgen.util.urls import safe_href
from cvgen.writers import WriteOptions
from cvgen.writers.html.markup import spans_to_html
from cvgen.writers.spans import SpanStyle, render_spans
from cvgen.writers.walk import Walk


def entry_line(entry: Entry, emphasise_title: bool = True) -> list[Span]:
    """An entry on one line: title, qualifiers, when. Details. Annotation. Links."""
    title = [replace(s, bold=True) for s in entry.title] if emphasise_title else entry.title
    spans = list(title)
    if entry.qualifiers:
        spans += [Span(", "), *entry.qualifiers]
    for cell in entry.cells:
        if cell:
            spans += [Span(", "), *cell]
    if entry.when:
        spans.append(Span(f", {entry.when}"))
    if emphasise_title and entry.title:
        spans.append(Span("."))
    for sentence in entry.details:
        spans += [Span(" "), *sentence]
    if entry.annotation:
        text = "".join(s.text for s in entry.annotation).rstrip(".") + "."
        spans += [Span(" "), Span(text, italic=True)]
    for link in entry.links:
        spans += [Span(" "), Span(link.label, href=link.href)]
    return spans


# Marks shown only by a style (the owner's name in bold, students' underlined): a markup
# without styles leaves their legend lines out, as it cannot show what they explain.
STYLED_MARKS = frozenset({"self", "student"})


class Markup(Protocol):
    prologue: str  # printed before the listing, e.g. what a LaTeX fragment needs
    styled: bool  # shows bold and underline

    def spans(self, spans: list[Span]) -> str: ...
    def heading(self, text: str, level: int) -> str: ...
    def lines(self, entries: list[tuple[int | None, list[Span]]]) -> str: ...
    def paragraph(self, spans: list[Span]) -> str: ...


class Listing(Walk):
    """The walk that prints the tree in a markup: a heading per section and group, a line per
    entry (the title emphasised where the entry has a head: dated entries and table rows)."""

    def __init__(self, markup: Markup) -> None:
        self.markup = markup
        self.name = f"{type(markup).__name__.lower()} listing"
        self.blocks: list[str] = []

    def visit_section(self, section: Section) -> None:
        self.blocks.append(self.markup.heading(section.title, 1))

    def visit_legend(self, section: Section) -> None:
        lines = [
            line
            for line in section.legend
            if self.markup.styled or not any(span.mark in STYLED_MARKS for span in line)
        ]
        self.blocks += [self.markup.paragraph(line) for line in lines]

    def visit_heading(self, group: Group) -> None:
        self.blocks.append(self.markup.heading(group.heading or "", self.level))

    def entry_lines(self, group: Group, emphasise_title: bool) -> None:
        rows = [(e.number, entry_line(e, emphasise_title)) for e in group.entries]
        self.blocks.append(self.markup.lines(rows))

    def visit_dated(self, group: Group) -> None:
        self.entry_lines(group, emphasise_title=True)

    def visit_references(self, group: Group) -> None:
        self.entry_lines(group, emphasise_title=False)

    def visit_bullets(self, group: Group) -> None:
        self.entry_lines(group, emphasise_title=False)

    def visit_paragraphs(self, group: Group) -> None:
        self.blocks += [self.markup.paragraph(entry.title) for entry in group.entries]

    def visit_table(self, group: Group) -> None:
        self.entry_lines(group, emphasise_title=True)
        for total in group.totals:
            text = f"{total.label or ''} {total.amount}".strip()
            self.blocks.append(self.markup.paragraph([Span(text)]))


def render(document: Document, markup: Markup) -> str:
    listing = Listing(markup)
    listing.walk(document.sections)
    blocks = listing.blocks
    return markup.prologue + "\n\n".join(blocks) + "\n" if blocks else ""


def numbered(number: int | None, text: str, label: str = "[{}] ") -> str:
    return (label.format(number) if number is not None else "") + text


class Text:
    """For pasting into web forms: no styling, links spelt out."""

    prologue = ""
    styled = False

    def spans(self, spans: list[Span]) -> str:
        return "".join(
            f"{s.text} <{s.href}>" if s.href and s.href != s.text else s.text for s in spans
        )

    def heading(self, text: str, level: int) -> str:
        return f"{text}\n{'=-~'[min(level, 3) - 1] * len(text)}"

    def lines(self, entries: list[tuple[int | None, list[Span]]]) -> str:
        return "\n".join(numbered(n, self.spans(spans)) for n, spans in entries)

    def paragraph(self, spans: list[Span]) -> str:
        return self.spans(spans)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$!&])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _markdown_link(href: str, inner: str) -> str:
    safe = safe_href(href)
    return f"[{inner}](<{safe}>)" if safe else inner


MARKDOWN_STYLE = SpanStyle(
    escape=md_escape,
    superscript="<sup>{}</sup>",
    italic="*{}*",
    underline="<u>{}</u>",
    bold="**{}**",
    link=_markdown_link,
    spaces_outside=True,
)


class Markdown:
    """CommonMark with inline <u>/<sup> (GitHub and pandoc render both); students underlined."""

    styled = True
    prologue = ""

    def spans(self, spans: list[Span]) -> str:
        return render_spans(spans, MARKDOWN_STYLE)

    def heading(self, text: str, level: int) -> str:
        return "#" * level + " " + md_escape(text)

    def lines(self, entries: list[tuple[int | None, list[Span]]]) -> str:
        return "\n".join("- " + numbered(n, self.spans(s), r"\[{}\] ") for n, s in entries)

    def paragraph(self, spans: list[Span]) -> str:
        return self.spans(spans)


class Html:
    """An HTML fragment to paste into a page; numbered lists keep the CV's numbers."""

    styled = True
    prologue = ""

    def spans(self, spans: list[Span]) -> str:
        return str(spans_to_html(spans))

    def heading(self, text: str, level: int) -> str:
        return f"<h{level + 1}>{self.spans([Span(text)])}</h{level + 1}>"

    def lines(self, entries: list[tuple[int | None, list[Span]]]) -> str:
        tag = "ol" if any(n is not None for n, _ in entries) else "ul"
        items = [
            (f'  <li value="{n}">' if n is not None else "  <li>") + self.spans(s) + "</li>"
            for n, s in entries
        ]
        return "\n".join([f"<{tag}>", *items, f"</{tag}>"])

    def paragraph(self, spans: list[Span]) -> str:
        return f"<p>{self.spans(spans)}</p>"


class Latex:
    """A LaTeX fragment (starred sections, itemize with the CV's numbers as labels)."""

    styled = True
    prologue = (
        "% cvgen filter: links need \\usepackage{hyperref}; compile with LuaLaTeX or XeLaTeX\n"
        "% (or pdfLaTeX with \\usepackage[utf8]{inputenc}) for the accented names.\n"
    )

    def spans(self, spans: list[Span]) -> str:
        from cvgen.writers.latex.markup import spans_to_latex  # only when LaTeX is asked for

        return spans_to_latex(spans, fragment=True)

    def heading(self, text: str, level: int) -> str:
        command = {1: "section", 2: "subsection"}.get(level, "subsubsection")
        return f"\\{command}*{{{self.spans([Span(text)])}}}"

    def lines(self, entries: list[tuple[int | None, list[Span]]]) -> str:
        items = [
            "  \\item" + (f"[{{[{n}]}}]" if n is not None else "") + " " + self.spans(s)
            for n, s in entries
        ]
        return "\n".join(["\\begin{itemize}", *items, "\\end{itemize}"])

    def paragraph(self, spans: list[Span]) -> str:
        return self.spans(spans)


class ListWriter:
    """A Markup as a writer of the registry."""

    walk = Listing

    def __init__(self, name: str, suffix: str, markup: type[Markup]) -> None:
        self.name, self.suffix, self.markup = name, suffix, markup

    def write(self, document: Document, options: WriteOptions) -> str:
        return render(document, self.markup())


TEXT = ListWriter("text", ".txt", Text)
MARKDOWN = ListWriter("markdown", ".md", Markdown)
HTML_LIST = ListWriter("html-list", ".html", Html)
LATEX_LIST = ListWriter("latex-list", ".tex", Latex)
