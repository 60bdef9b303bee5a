"""The Word writer: the document tree as a .docx with real Word structure (python-docx).

Section headings are Word's Heading 1 (groups Heading 2 and 3), so the navigation pane and a
table of contents work; publications are numbered lists showing the tree's numbers; grants a
table with its totals; the owner, students and equal contribution are character styles; links
are hyperlinks. Dated entries put their dates in a column at the start of the line (a hanging
indent and a tab, not a layout table), so the text pastes cleanly into forms. As in every
writer, nothing here decides content: headings, dates and their words come from the tree.
"""

from __future__ import annotations

from docx.shared import Pt

from cvgen.document import Document, Entry, Group, Header, Section, Span
from cvgen.themes.colours import Colours
from cvgen.writers import WriteOptions, theme_of
from cvgen.writers.docx.body import LABEL_GAP_EM, WordBody, text_points
from cvgen.writers.docx.package import Properties
from cvgen.writers.docx.styles import SCRIPT_SLOTS, rule_below
from cvgen.writers.docx.table import column_widths, grants_table
from cvgen.writers.docx.theme import WordTheme
from cvgen.writers.spans import head_spans
from cvgen.writers.walk import Walk

SEPARATOR = " · "


def word_theme_for(options: WriteOptions) -> WordTheme:
    """The Word styles of the CV's theme: its colours (and the design's accent) and its
    theme.yaml `word:` block, over classic's Word defaults."""
    theme = theme_of(options)
    colours = theme.config.colours.model_dump()
    if options.accent:
        colours["accent"] = options.accent
    scale = (options.font_size or theme.config.font_size) / theme.config.font_size
    return WordTheme(theme.config.word, Colours(**colours), scale)


def script_fonts(options: WriteOptions) -> dict[str, str]:
    """The theme's font of each script with its own, by language."""
    fonts = theme_of(options).config.fonts
    return {lang: getattr(fonts, slot) for lang, slot in SCRIPT_SLOTS.items()}


def _tail(body: WordBody, paragraph, entry: Entry) -> None:
    """' (annotation) [DOI · Code]' after an entry's text."""
    if entry.annotation:
        body.runs.spans(paragraph, [Span(" ("), *entry.annotation, Span(")")], "CV Note")
    links = [link for link in entry.links if link.href]
    if links:
        spans = [Span(" [")]
        for index, link in enumerate(links):
            spans += [Span(SEPARATOR)] if index else []
            spans.append(Span(link.label, href=link.href))
        body.runs.spans(paragraph, [*spans, Span("]")])


# --- the header -----------------------------------------------------------------------------


def _contact_spans(head: Header, profiles: bool) -> list[Span]:
    spans: list[Span] = []
    for item in head.contact:
        if (item.kind == "profile") != profiles:
            continue
        if spans:
            spans.append(Span(SEPARATOR))
        if item.label:
            spans.append(Span(item.label + " "))
        whole = item.kind in ("orcid", "phone")  # an iD or a number never splits
        spans.append(Span(item.text, href=item.href, nobreak=whole))
    return spans


def header(body: WordBody, head: Header, updated: str | None = None) -> None:
    """Name (Word's Title), position, affiliation, address, metrics and the CV's date; contact
    lines over a rule."""
    name = [Span(f"{head.title} ")] if head.title else []
    name += [Span(head.name), *([Span(f", {head.postnominals}")] if head.postnominals else [])]
    body.paragraph(name, "Title")
    if head.position:
        body.paragraph([Span(head.position)], "Subtitle")
    lines = [*head.affiliation, *filter(None, [head.address, head.metrics, updated])]
    last = None
    for line in lines:
        last = body.paragraph([Span(line)], "CV Contact")
    for profiles in (False, True):
        spans = _contact_spans(head, profiles)
        if spans:
            last = body.paragraph(spans, "CV Contact")
    if last is not None:
        _rule_below(last, body.theme.colour("accent"))


def _rule_below(paragraph, colour: str | None) -> None:
    rule_below(paragraph._p.get_or_add_pPr(), colour, 1.0, 4)
    paragraph.paragraph_format.space_after = Pt(6)


# --- entries ----------------------------------------------------------------------------------


def dated(body: WordBody, entry: Entry) -> None:
    """'2019 – 2024 ⇥ Title, qualifiers (note) [links]', then its details beneath."""
    paragraph = body.paragraph([], "CV Entry")
    body.runs.text(paragraph, entry.when or "", "CV Date")
    paragraph.add_run().add_tab()
    body.runs.spans(paragraph, head_spans(entry))
    _tail(body, paragraph, entry)
    sentences = [span for detail in entry.details for span in [Span(" "), *detail]][1:]
    if sentences:  # the details take the entry's space after them
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_after = Pt(0)
        body.paragraph(sentences, "CV Detail")


class WordCv(Walk):
    """The CV's sections into a Word body; a table's columns are alike in every group of it,
    and the dated entries' dates are kept for the date column's width."""

    name = "docx"

    def __init__(self, body: WordBody) -> None:
        self.body = body
        self.widths: list[float] = []
        self.dates: list[str] = []

    def visit_section(self, section: Section) -> None:
        self.body.heading(section.title, 1)

    def visit_legend(self, section: Section) -> None:
        spans = [span for line in section.legend for span in [Span(SEPARATOR), *line]][1:]
        self.body.paragraph(spans, "CV Legend")

    def visit_heading(self, group: Group) -> None:
        self.body.heading(group.heading or "", self.level)

    def visit_dated(self, group: Group) -> None:
        for entry in group.entries:
            dated(self.body, entry)
        self.dates += [entry.when for entry in group.entries if entry.when]

    def visit_references(self, group: Group) -> None:
        rows = [(entry.number, entry.title) for entry in group.entries]
        paragraphs = self.body.numbered(rows, "CV Publication")
        for paragraph, entry in zip(paragraphs, group.entries, strict=True):
            _tail(self.body, paragraph, entry)

    def visit_bullets(self, group: Group) -> None:
        self.body.bullets([entry.title for entry in group.entries])

    def visit_paragraphs(self, group: Group) -> None:
        for entry in group.entries:
            self.body.paragraph(entry.title, "CV Paragraph")

    def open_table(self, groups: list[Group]) -> None:
        self.widths = column_widths(self.body, groups)

    def visit_table(self, group: Group) -> None:
        grants_table(self.body, group, self.widths)


# --- the document -------------------------------------------------------------------------------


def date_column(body: WordBody, dates: list[str]) -> float:
    """The date column's width: the widest date (at least '0000 – 0000') and a gap."""
    size = body.points("CV Date")
    widest = max([text_points(when, size) for when in dates] + [text_points("0000 – 0000", size)])
    return min(widest + LABEL_GAP_EM * size, body.width * 0.3)


def properties(document: Document) -> Properties:
    meta = document.meta
    return Properties(
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=tuple(meta.keywords),
        description=meta.description,
        language=meta.lang,
    )


def cv_docx(document: Document, options: WriteOptions) -> bytes:
    body = WordBody(
        word_theme_for(options),
        reference_docx=options.reference_docx,
        paper=options.paper,
        lang=document.meta.lang,
        rtl=document.meta.direction == "rtl",
        fonts=script_fonts(options),
    )
    header(body, document.header, document.furniture.get("updated"))
    cv = WordCv(body)
    cv.walk(document.sections)
    # The dated entries' styles refer to the column, so it is sized once the dates are known.
    gutter = date_column(body, cv.dates)
    body.indent_style("CV Entry", gutter, gutter)
    body.indent_style("CV Detail", gutter)
    title = document.furniture["curriculum_vitae"]
    body.footer(f"{document.meta.author}{SEPARATOR}{title}", document.furniture["page_of"])
    return body.finish(properties(document))


class DocxWriter:
    walk = WordCv

    def write(self, document: Document, options: WriteOptions) -> bytes:
        return cv_docx(document, options)


WRITER = DocxWriter()
