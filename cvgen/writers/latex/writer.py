"""The LaTeX writer: the document tree as a pylatex document, typeset like a hand-made CV.

The body only calls the \\cv... macros of the theme (cvgen/themes/<name>/latex.tex, set up by
latex_preamble.py), and every string of the tree passes through latex_markup, the one escaping
function. Nothing here decides what the CV says: headings, dates, details and their words all
come from the tree. In a right-to-left CV, each run of text that reads left to right (a name,
an English title, a phone number) is isolated with \\cvltr, so its punctuation stays with it.
"""

from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass

from pylatex import Document as TexDocument
from pylatex import NoEscape, Package

from cvgen.document import ContactItem, Document, Entry, Group, Header, Section, Span
from cvgen.document import plain_text as plain
from cvgen.themes import Theme, load_theme
from cvgen.writers import WriteOptions, theme_of
from cvgen.writers.bidi import reads_left_to_right
from cvgen.writers.date_column import date_sample
from cvgen.writers.latex.markup import escape_latex, latex_url, spans_to_latex
from cvgen.writers.latex.preamble import (
    PACKAGES,
    PAPERS,
    UNDERLINE,
    colours,
    fonts,
    languages,
)


def cmd(name: str, *args: str) -> str:
    return "\\" + name + "".join("{" + arg + "}" for arg in args)


@dataclass(frozen=True)
class Direction:
    """How text is set in the CV's direction. Left to right: as it is. Right to left: every
    block that reads left to right (an English title, a phone number) is isolated (\\cvltr)
    and, inside it, every right-to-left phrase ('עמ׳ 12–14') too (\\cvrtl), so neither
    takes the other's punctuation or order."""

    rtl: bool = False

    def spans(self, items: list[Span]) -> str:
        return spans_to_latex(items, rtl=self.rtl)

    def text(self, text: str, *, url: bool = False) -> str:
        return escape_latex(text, url=url, rtl=self.rtl)

    def block(self, latex: str, text: str) -> str:
        if self.rtl and text.strip() and reads_left_to_right(text):
            return cmd("cvltr", latex)
        return latex

    def span_block(self, items: list[Span]) -> str:
        return self.block(self.spans(items), plain(items))

    def text_block(self, text: str) -> str:
        return self.block(self.text(text), text)


LTR = Direction()


def link(url: str, label: str, d: Direction = LTR, *, shows_url: bool = False) -> str:
    """A hyperlink; one that shows a URL or address may wrap at its '/' and '.'."""
    return cmd("href", latex_url(url), d.text(label, url=shows_url))


# The space before an entry's note or links is no place to break: "[DOI]" never starts a line.
def links(entry: Entry, d: Direction = LTR) -> str:
    """' [DOI · Code]' after an entry, or ''."""
    anchors = [link(item.href, item.label, d) for item in entry.links]
    return r"\nobreak" + cmd("cvlinks", r"\cvsep{}".join(anchors)) if anchors else ""


def note(entry: Entry, d: Direction = LTR) -> str:
    return r"\nobreak" + cmd("cvnote", d.spans(entry.annotation)) if entry.annotation else ""


def details(entry: Entry, d: Direction = LTR) -> str:
    text = " ".join(d.span_block(sentence) for sentence in entry.details)
    return cmd("cvdetail", text) if text else ""


# --- header ---------------------------------------------------------------------------------


def _contact_line(item: ContactItem, d: Direction) -> str:
    shown = item.kind in ("email", "website")
    text = link(item.href, item.text, d, shows_url=shown) if item.href else d.text(item.text)
    line = (d.text(item.label) + " " + text) if item.label else text
    return d.block(line, f"{item.label or ''} {item.text}")


def header(head: Header, d: Direction = LTR) -> list[str]:
    """Name, position and affiliation on the left; contact details and profiles on the right."""
    left = [cmd("cvname", d.text_block(head.name))]
    if head.position:
        left.append(cmd("cvposition", d.text_block(head.position)))
    left += [d.text_block(line) + r"\par" for line in head.affiliation]
    if head.address:
        left.append(cmd("cvaddress", d.text_block(head.address)))
    if head.metrics:
        left.append(cmd("cvaddress", cmd("textcolor", "cvmuted", d.text_block(head.metrics))))
    right = [_contact_line(item, d) for item in head.contact if item.kind != "profile"]
    profiles = [_contact_line(item, d) for item in head.contact if item.kind == "profile"]
    if profiles:
        right.append(r"\cvsep{}".join(profiles))
    return [
        r"\begin{cvheader}",
        *left,
        r"\end{cvheader}",
        r"\begin{cvcontact}",
        *(line + r"\par" for line in right),
        r"\end{cvcontact}",
    ]


# --- layouts ----------------------------------------------------------------------------------


def dated(entry: Entry, d: Direction = LTR) -> str:
    head = cmd("cvtitle", d.spans(entry.title))
    if entry.qualifiers:
        head += ", " + d.spans(entry.qualifiers)
    head = d.block(head + note(entry, d) + links(entry, d), plain(entry.title))
    return cmd("cvdated", d.text(entry.when or ""), head + details(entry, d))


def reference(entry: Entry, d: Direction = LTR) -> str:
    body = d.spans(entry.title) + note(entry, d) + links(entry, d)
    return d.block(body, plain(entry.title))


def references(group: Group, d: Direction = LTR) -> list[str]:
    """A hanging, numbered list; the widest label sets the indent."""
    labels = [f"[{entry.number}]" if entry.number is not None else "" for entry in group.entries]
    items = [
        r"\item[{" + d.block(label, label) + "}] " + reference(entry, d)
        for label, entry in zip(labels, group.entries, strict=True)
    ]
    return [cmd("begin", "cvpubs", max(labels, key=len)), *items, cmd("end", "cvpubs")]


# In the long grants table `\\*` ends a row that must stay with the next one: a group heading
# with its first entry, the last entry with the rule and totals under it, one total with the
# next. After the last total a page may break.
def _table_row(entry: Entry, keep: bool, d: Direction) -> str:
    main = cmd("textbf", d.span_block(entry.title))
    if entry.qualifiers:
        main += r"\newline " + d.span_block(entry.qualifiers)
    main += "".join(r"\newline" + cmd("textit", d.span_block(s)) for s in entry.details)
    cells = [main, *(d.span_block(cell) for cell in entry.cells), d.text(entry.when or "")]
    return " & ".join(cells) + (r" \\*" if keep else r" \\ \addlinespace[4pt]")


def _table_totals(group: Group, d: Direction) -> list[str]:
    rows = [r"\cmidrule(l){3-3}"] if group.totals else []
    for index, total in enumerate(group.totals):
        label = cmd("textit", d.text(total.label)) if total.label else ""
        end = r"\\*" if index < len(group.totals) - 1 else r"\\"
        amount = cmd("textbf", d.text(total.amount))
        rows.append(rf"\multicolumn{{2}}{{@{{}}r}}{{{label}}} & {amount} & {end}")
    return rows


# (longest, wrapping, natural) for the role and the amount column: a cell longer than
# `longest` characters ('PI in a MAGNET consortium', '£20,000 + 20,000 GPU credits in kind')
# wraps in a column of fixed width; otherwise the column is as wide as its cells.
_CELL_COLUMNS = (
    (12, r">{\raggedright\arraybackslash}p{7.5em}", "l"),
    (16, r">{\raggedleft\arraybackslash}p{8.5em}", "r"),
)


def _cell_columns(groups: list[Group]) -> str:
    """The role and amount columns: natural width, or wrapping when a cell is long."""
    specs = []
    for index, (longest, wrapping, natural) in enumerate(_CELL_COLUMNS):
        cells = [e.cells[index] for g in groups for e in g.entries if len(e.cells) > index]
        long = any(len("".join(span.text for span in cell)) > longest for cell in cells)
        specs.append(wrapping if long else natural)
    return " ".join(specs)


def table(groups: list[Group], d: Direction = LTR) -> list[str]:
    """Consecutive table groups share one long table, each under its heading row."""
    columns = "".join("{" + d.text(column) + "}" for column in groups[0].columns)
    spec = _cell_columns(groups)
    lines = [r"\begin{cvgrants}" + (f"[{spec}]" if spec != "l r" else "") + columns]
    for group in groups:
        lines.append(cmd("cvgrantgroup", d.text(group.heading or "")) + r" \\* \addlinespace[3pt]")
        last = group.entries[-1]
        lines += [_table_row(e, bool(group.totals) and e is last, d) for e in group.entries]
        lines += [*_table_totals(group, d), r"\addlinespace[8pt]"]
    return [*lines, r"\end{cvgrants}"]


def bullets(group: Group, d: Direction = LTR) -> list[str]:
    items = [r"\item " + d.span_block(entry.title) for entry in group.entries]
    return [r"\begin{cvinterests}", *items, r"\end{cvinterests}"]


def group_lines(group: Group, level: int, d: Direction = LTR) -> list[str]:
    lines = []
    if group.heading:
        command = "cvsubsection" if level == 1 else "cvgroup"
        lines.append(cmd(command, d.text_block(group.heading)))
    match group.layout:
        case "references":
            lines += references(group, d)
        case "bullets":
            lines += bullets(group, d)
        case "paragraphs":
            lines += [cmd("cvparagraph", d.span_block(entry.title)) for entry in group.entries]
        case "table":
            lines += table([group], d)
        case _:
            lines += [dated(entry, d) for entry in group.entries]
    for sub in group.groups:
        lines += group_lines(sub, level + 1, d)
    return lines


def section_lines(section: Section, d: Direction = LTR) -> list[str]:
    """The heading, with its PDF bookmark (one per section, set inside the heading's line so
    that no page may break between them), then legend and groups."""
    number = f"[{section.number}]" if section.number is not None else ""
    bookmark = cmd("pdfbookmark[0]", escape_latex(section.title), "section." + section.id)
    lines = [r"\cvsection" + number + "{" + bookmark + d.text_block(section.heading) + "}"]
    if section.legend:
        legend = r"\cvsep{}".join(d.span_block(line) for line in section.legend)
        lines.append(cmd("cvlegend", legend))
    tables = [group for group in section.groups if group.layout == "table"]
    if tables and len(tables) == len(section.groups):
        # The heading, the table's column heads and a first row of three or four lines travel
        # together: a heading alone at the foot of a page, its table overleaf, reads badly.
        return [r"\par\Needspace{9\baselineskip}", *lines, *table(tables, d)]
    for group in section.groups:
        lines += group_lines(group, 1, d)
    return lines


# --- the document -------------------------------------------------------------------------------


def _page_of(template: str) -> str:
    """'Page {page} of {pages}' with TeX's page counters in place of the fields."""
    fields = {"page": r"\thepage{}", "pages": r"\pageref*{LastPage}"}
    return "".join(
        escape_latex(literal) + (fields[name] if name else "")
        for literal, name, _, _ in string.Formatter().parse(template)
    )


def furniture(document: Document) -> str:
    """The words a theme prints around the content, as macros (see a theme's latex.tex)."""
    updated = document.furniture.get("updated", "")
    return "\n".join(
        [
            rf"\newcommand*{{\cvauthor}}{{{escape_latex(document.meta.author)}}}",
            rf"\newcommand*{{\cvdoctitle}}{{{escape_latex(document.furniture['curriculum_vitae'])}}}",
            rf"\newcommand*{{\cvpageof}}{{{_page_of(document.furniture['page_of'])}}}",
            rf"\newcommand*{{\cvupdated}}{{{escape_latex(updated)}}}",
            rf"\newcommand*{{\cvdatesample}}{{{escape_latex(date_sample(document))}}}",
            "",
        ]
    )


def metadata(document: Document) -> str:
    """PDF title, author, subject, keywords and language."""
    meta = document.meta
    author = escape_latex(meta.author)
    return "\n".join(
        [
            rf"\hypersetup{{pdftitle={{{escape_latex(meta.title)}}}, pdfauthor={{{author}}},",
            rf"  pdfsubject={{{escape_latex(meta.subject)}}},",
            rf"  pdfkeywords={{{escape_latex(', '.join(meta.keywords))}}},",
            rf"  pdflang={{{escape_latex(meta.lang)}}}, pdfdisplaydoctitle=true,",
            r"  pdfcreator={cvgen}}",
        ]
    )


def trailer_id(body: str) -> str:
    """A PDF /ID from the document's content, so the same CV gives a byte-identical PDF.

    TeX would otherwise hash the output's path into it, and we typeset in a fresh temporary
    folder each time. (Dates come from SOURCE_DATE_EPOCH, see tex_engine.py.)
    """
    digest = hashlib.md5(body.encode(), usedforsecurity=False).hexdigest().upper()
    return "\n".join(
        [
            rf"\ifPDFTeX\pdftrailerid{{{digest}}}\fi",
            rf"\ifLuaTeX\pdfvariable trailerid{{[<{digest}> <{digest}>]}}\fi",
        ]
    )


def _bases(theme: Theme) -> list[str]:
    """The shipped themes whose latex.tex comes first, for a theme that only changes some
    macros (theme.yaml: `latex: {base: classic}`)."""
    base = theme.config.latex.get("base")
    return [base] if base and base != theme.name else []


def body(document: Document) -> list[str]:
    d = Direction(rtl=document.meta.direction == "rtl")
    lines = header(document.header, d)
    for section in document.sections:
        lines += section_lines(section, d)
    return lines


def tex_document(document: Document, options: WriteOptions) -> TexDocument:
    theme = theme_of(options)
    text = "\n".join(body(document))
    size = options.font_size or theme.config.font_size
    doc = TexDocument(
        documentclass="article",
        document_options=[f"{size}pt"],
        fontenc=None,
        inputenc=None,
        lmodern=False,
        textcomp=False,
        microtype=False,
        page_numbers=True,  # pylatex's way of loading lastpage
        geometry_options={"paper": PAPERS[options.paper or "a4"], **theme.config.latex["geometry"]},
    )
    for package in PACKAGES:
        doc.packages.append(Package(package))
    words_around = document.meta.title + "".join(document.furniture.values())
    meta = document.meta
    preamble = [
        fonts(theme),
        UNDERLINE,
        languages(text + words_around, theme, meta.lang, meta.direction),
        colours(theme, options.accent),
        furniture(document),
        *(load_theme(base).text("latex.tex") for base in _bases(theme)),
        theme.text("latex.tex"),
        metadata(document),
        trailer_id(text),
    ]
    doc.preamble.append(NoEscape("\n".join(preamble)))
    doc.append(NoEscape(text))
    return doc


class LatexWriter:
    name = "latex"
    suffix = ".tex"

    def write(self, document: Document, options: WriteOptions) -> str:
        return tex_document(document, options).dumps() + "\n"


WRITER = LatexWriter()
