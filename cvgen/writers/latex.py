"""The LaTeX writer: the document tree as a pylatex document, typeset like a hand-made CV.

The body only calls the \\cv... macros of the preamble (latex_preamble.py), and every string
of the tree passes through latex_markup, the one escaping function. Nothing here decides what
the CV says: headings, dates, details and their words all come from the tree.
"""

from __future__ import annotations

import hashlib
import re
import string

from pylatex import Document as TexDocument
from pylatex import NoEscape, Package

from cvgen.compose.document import ContactItem, Document, Entry, Group, Header, Section
from cvgen.writers import WriteOptions
from cvgen.writers.latex_markup import escape_latex, latex_url, spans_to_latex
from cvgen.writers.latex_preamble import FONTS, GEOMETRY, LAYOUT, PACKAGES, PAPERS, unicode_fonts


def cmd(name: str, *args: str) -> str:
    return "\\" + name + "".join("{" + arg + "}" for arg in args)


def link(url: str, label: str, *, shows_url: bool = False) -> str:
    """A hyperlink; one that shows a URL or address may wrap at its '/' and '.'."""
    return cmd("href", latex_url(url), escape_latex(label, url=shows_url))


# The space before an entry's note or links is no place to break: "[DOI]" never starts a line.
def links(entry: Entry) -> str:
    """' [DOI · Code]' after an entry, or ''."""
    anchors = [link(item.href, item.label) for item in entry.links]
    return r"\nobreak" + cmd("cvlinks", r"\cvsep{}".join(anchors)) if anchors else ""


def note(entry: Entry) -> str:
    return r"\nobreak" + cmd("cvnote", spans_to_latex(entry.annotation)) if entry.annotation else ""


def details(entry: Entry) -> str:
    text = " ".join(spans_to_latex(sentence) for sentence in entry.details)
    return cmd("cvdetail", text) if text else ""


# --- header ---------------------------------------------------------------------------------


def _contact_line(item: ContactItem) -> str:
    shown = item.kind in ("email", "website")
    text = link(item.href, item.text, shows_url=shown) if item.href else escape_latex(item.text)
    return (escape_latex(item.label) + " " + text) if item.label else text


def header(head: Header) -> list[str]:
    """Name, position and affiliation on the left; contact details and profiles on the right."""
    left = [cmd("cvname", escape_latex(head.name))]
    if head.position:
        left.append(cmd("cvposition", escape_latex(head.position)))
    left += [escape_latex(line) + r"\par" for line in head.affiliation]
    if head.address:
        left.append(cmd("cvaddress", escape_latex(head.address)))
    if head.metrics:
        left.append(cmd("cvaddress", cmd("textcolor", "cvmuted", escape_latex(head.metrics))))
    right = [_contact_line(item) for item in head.contact if item.kind != "profile"]
    profiles = [_contact_line(item) for item in head.contact if item.kind == "profile"]
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


def dated(entry: Entry) -> str:
    body = cmd("cvtitle", spans_to_latex(entry.title))
    if entry.qualifiers:
        body += ", " + spans_to_latex(entry.qualifiers)
    body += note(entry) + links(entry) + details(entry)
    return cmd("cvdated", escape_latex(entry.when or ""), body)


def references(group: Group) -> list[str]:
    """A hanging, numbered list; the widest label sets the indent."""
    labels = [f"[{entry.number}]" if entry.number is not None else "" for entry in group.entries]
    items = [
        r"\item[{" + label + "}] " + spans_to_latex(entry.title) + note(entry) + links(entry)
        for label, entry in zip(labels, group.entries, strict=True)
    ]
    return [cmd("begin", "cvpubs", max(labels, key=len)), *items, cmd("end", "cvpubs")]


# In the long grants table `\\*` ends a row that must stay with the next one: a group heading
# with its first entry, the last entry with the rule and totals under it, one total with the
# next. After the last total a page may break.
def _table_row(entry: Entry, keep: bool) -> str:
    main = cmd("textbf", spans_to_latex(entry.title))
    if entry.qualifiers:
        main += r"\newline " + spans_to_latex(entry.qualifiers)
    main += "".join(r"\newline" + cmd("textit", spans_to_latex(d)) for d in entry.details)
    cells = [main, *(spans_to_latex(cell) for cell in entry.cells), escape_latex(entry.when or "")]
    return " & ".join(cells) + (r" \\*" if keep else r" \\ \addlinespace[4pt]")


def _table_totals(group: Group) -> list[str]:
    rows = [r"\cmidrule(l){3-3}"] if group.totals else []
    for index, total in enumerate(group.totals):
        label = cmd("textit", escape_latex(total.label)) if total.label else ""
        end = r"\\*" if index < len(group.totals) - 1 else r"\\"
        amount = cmd("textbf", escape_latex(total.amount))
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


def table(groups: list[Group]) -> list[str]:
    """Consecutive table groups share one long table, each under its heading row."""
    columns = "".join("{" + escape_latex(column) + "}" for column in groups[0].columns)
    spec = _cell_columns(groups)
    lines = [r"\begin{cvgrants}" + (f"[{spec}]" if spec != "l r" else "") + columns]
    for group in groups:
        lines.append(
            cmd("cvgrantgroup", escape_latex(group.heading or "")) + r" \\* \addlinespace[3pt]"
        )
        last = group.entries[-1]
        lines += [_table_row(e, keep=bool(group.totals) and e is last) for e in group.entries]
        lines += [*_table_totals(group), r"\addlinespace[8pt]"]
    return [*lines, r"\end{cvgrants}"]


def bullets(group: Group) -> list[str]:
    items = [r"\item " + spans_to_latex(entry.title) for entry in group.entries]
    return [r"\begin{cvinterests}", *items, r"\end{cvinterests}"]


def group_lines(group: Group, level: int) -> list[str]:
    lines = []
    if group.heading:
        lines.append(cmd("cvsubsection" if level == 1 else "cvgroup", escape_latex(group.heading)))
    match group.layout:
        case "references":
            lines += references(group)
        case "bullets":
            lines += bullets(group)
        case "paragraphs":
            lines += [spans_to_latex(entry.title) + r"\par" for entry in group.entries]
        case "table":
            lines += table([group])
        case _:
            lines += [dated(entry) for entry in group.entries]
    for sub in group.groups:
        lines += group_lines(sub, level + 1)
    return lines


def section_lines(section: Section) -> list[str]:
    """The heading, with its PDF bookmark (one per section, set inside the heading's line so
    that no page may break between them), then legend and groups."""
    heading = escape_latex(section.heading)
    lines = [cmd("cvsection", cmd("pdfbookmark[0]", heading, "section." + section.id) + heading)]
    if section.legend:
        legend = r"\cvsep{}".join(spans_to_latex(line) for line in section.legend)
        lines.append(cmd("cvlegend", legend))
    tables = [group for group in section.groups if group.layout == "table"]
    if tables and len(tables) == len(section.groups):
        return lines + table(tables)
    for group in section.groups:
        lines += group_lines(group, 1)
    return lines


# --- the document -------------------------------------------------------------------------------


def _page_of(template: str) -> str:
    """'Page {page} of {pages}' with TeX's page counters in place of the fields."""
    fields = {"page": r"\thepage{}", "pages": r"\pageref*{LastPage}"}
    return "".join(
        escape_latex(literal) + (fields[name] if name else "")
        for literal, name, _, _ in string.Formatter().parse(template)
    )


_FITTED_DATE = len("00/0000 – 00/0000")  # longer dates (with days, lists of terms) wrap


def _dated_whens(groups: list[Group]) -> list[str]:
    found = []
    for group in groups:
        if group.layout == "dated":
            found += [entry.when for entry in group.entries if entry.when]
        found += _dated_whens(group.groups)
    return found


def date_column(document: Document) -> str:
    """The date column's width: it fits each shape of date the dated entries print on one
    line ('10/2018 – 09/2022' as well as '2019 – present'), up to _FITTED_DATE characters."""
    whens = [when for section in document.sections for when in _dated_whens(section.groups)]
    shapes = sorted({re.sub(r"\d", "0", when) for when in whens if len(when) <= _FITTED_DATE})
    fits = "".join(cmd("cvdatefits", escape_latex(shape)) for shape in shapes)
    return cmd("AtBeginDocument", fits) if fits else ""


def metadata(document: Document) -> str:
    """PDF title, author, keywords and language, and the footer: name left, 'Page N of M'
    right."""
    meta = document.meta
    name = escape_latex(meta.author)
    cv = escape_latex(document.furniture["curriculum_vitae"])
    return "\n".join(
        [
            rf"\hypersetup{{pdftitle={{{escape_latex(meta.title)}}}, pdfauthor={{{name}}},",
            rf"  pdfsubject={{{escape_latex(meta.subject)}}},",
            rf"  pdfkeywords={{{escape_latex(', '.join(meta.keywords))}}},",
            rf"  pdflang={{{escape_latex(meta.lang)}}}, pdfdisplaydoctitle=true,",
            r"  pdfcreator={cvgen}}",
            rf"\fancyfoot[L]{{\small\color{{cvmuted}}{name}\cvsep{{}}{cv}}}",
            rf"\fancyfoot[R]{{\small\color{{cvmuted}}{_page_of(document.furniture['page_of'])}}}",
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


def body(document: Document) -> list[str]:
    lines = header(document.header)
    for section in document.sections:
        lines += section_lines(section)
    return lines


def tex_document(document: Document, options: WriteOptions) -> TexDocument:
    text = "\n".join(body(document))
    furniture = document.meta.title + document.furniture["curriculum_vitae"]
    doc = TexDocument(
        documentclass="article",
        document_options=["11pt"],
        fontenc=None,
        inputenc=None,
        lmodern=False,
        textcomp=False,
        microtype=False,
        page_numbers=True,  # pylatex's way of loading lastpage
        geometry_options={"paper": PAPERS[options.paper or "a4"], **GEOMETRY},
    )
    for package in PACKAGES:
        doc.packages.append(Package(package))
    fonts = unicode_fonts(text + furniture)
    preamble = FONTS + fonts + LAYOUT + metadata(document) + "\n" + date_column(document)
    preamble += "\n" + trailer_id(text)
    doc.preamble.append(NoEscape(preamble))
    doc.append(NoEscape(text))
    return doc


class LatexWriter:
    name = "latex"
    suffix = ".tex"

    def write(self, document: Document, options: WriteOptions) -> str:
        return tex_document(document, options).dumps() + "\n"


WRITER = LatexWriter()
