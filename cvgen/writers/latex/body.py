"""The CV's body in LaTeX: the header, then the walk's sections, groups and entries.

The body only calls the \\cv... macros of the theme (cvgen/themes/<name>/latex.tex), and every
string of the tree passes through latex_markup, the one escaping function. Nothing here
decides what the CV says: headings, dates, details and their words all come from the tree.

In a right-to-left CV, each block that reads left to right (a name, an English title, a phone
number) is isolated with \\cvltr, so its punctuation stays with it, and inside it every
right-to-left phrase ('עמ׳ 12–14') too (\\cvrtl), so neither takes the other's punctuation or
order. The direction is the walk's (`rtl`): every method sets text in it.
"""

from __future__ import annotations

from cvgen.document import ContactItem, Entry, Group, Header, Section, Span
from cvgen.document import plain_text as plain
from cvgen.writers.bidi import reads_left_to_right
from cvgen.writers.latex.markup import escape_latex, latex_url, spans_to_latex
from cvgen.writers.walk import Walk, in_table

# Characters: a reference this long (a collaboration paper listing every author) may be set
# over a page break; a shorter one never is (cvpubs' \interlinepenalty), and moves whole.
LONG_ENTRY = 1500


def cmd(name: str, *args: str) -> str:
    return "\\" + name + "".join("{" + arg + "}" for arg in args)


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


class LatexBody(Walk):
    """The body's lines, in the CV's direction."""

    name = "latex"

    def __init__(self, *, rtl: bool = False) -> None:
        self.rtl = rtl
        self.lines: list[str] = []

    # --- text in the CV's direction -----------------------------------------------------------

    def spans(self, items: list[Span]) -> str:
        return spans_to_latex(items, rtl=self.rtl)

    def text(self, text: str, *, url: bool = False) -> str:
        return escape_latex(text, url=url, rtl=self.rtl)

    def block(self, latex: str, text: str) -> str:
        """`latex` isolated left to right where `text` reads so in a right-to-left CV."""
        if self.rtl and text.strip() and reads_left_to_right(text):
            return cmd("cvltr", latex)
        return latex

    def span_block(self, items: list[Span]) -> str:
        return self.block(self.spans(items), plain(items))

    def text_block(self, text: str) -> str:
        return self.block(self.text(text), text)

    def link(self, url: str, label: str, *, shows_url: bool = False) -> str:
        """A hyperlink; one that shows a URL or address may wrap at its '/' and '.'."""
        return cmd("href", latex_url(url), self.text(label, url=shows_url))

    # --- the parts of an entry ----------------------------------------------------------------

    # The space before an entry's note or links is no place to break: "[DOI]" never starts a
    # line.
    def links(self, entry: Entry) -> str:
        """' [DOI · Code]' after an entry, or ''."""
        anchors = [self.link(item.href, item.label) for item in entry.links]
        return r"\nobreak" + cmd("cvlinks", r"\cvsep{}".join(anchors)) if anchors else ""

    def note(self, entry: Entry) -> str:
        return r"\nobreak" + cmd("cvnote", self.spans(entry.annotation)) if entry.annotation else ""

    def details(self, entry: Entry) -> str:
        text = " ".join(self.span_block(sentence) for sentence in entry.details)
        return cmd("cvdetail", text) if text else ""

    # --- the header ---------------------------------------------------------------------------

    def _contact_line(self, item: ContactItem) -> str:
        shown = item.kind in ("email", "website")
        text = self.text(item.text)
        if item.href:
            text = self.link(item.href, item.text, shows_url=shown)
        line = (self.text(item.label) + " " + text) if item.label else text
        return self.block(line, f"{item.label or ''} {item.text}")

    def header(self, head: Header) -> None:
        """Name, position and affiliation on the left; contact details and profiles on the
        right. A name with a title or post-nominals has the whole width, above them: beside
        the contact details it would often wrap."""
        name, shown = self.text(head.name), head.name  # one run, whichever way it reads
        if head.title:
            name, shown = cmd("cvhonorific", self.text(head.title)) + name, f"{head.title} {shown}"
        if head.postnominals:
            name += cmd("cvpostnominals", self.text(head.postnominals))
        named = cmd("cvname", self.block(name, shown))
        above = [named] if head.title or head.postnominals else []
        left = [] if above else [named]
        if head.position:
            left.append(cmd("cvposition", self.text_block(head.position)))
        left += [self.text_block(line) + r"\par" for line in head.affiliation]
        if head.address:
            left.append(cmd("cvaddress", self.text_block(head.address)))
        if head.metrics:
            metrics = cmd("textcolor", "cvmuted", self.text_block(head.metrics))
            left.append(cmd("cvaddress", metrics))
        right = [self._contact_line(item) for item in head.contact if item.kind != "profile"]
        profiles = [self._contact_line(item) for item in head.contact if item.kind == "profile"]
        if profiles:
            right.append(r"\cvsep{}".join(profiles))
        self.lines += [
            *above,
            r"\begin{cvheader}",
            *left,
            r"\end{cvheader}",
            r"\begin{cvcontact}",
            *(line + r"\par" for line in right),
            r"\end{cvcontact}",
        ]

    # --- sections and headings ----------------------------------------------------------------

    def visit_section(self, section: Section) -> None:
        """The heading, with its PDF bookmark (one per section, set inside the heading's line
        so that no page may break between them). A section that opens with a table keeps its
        heading with the table's column heads and first row: a heading alone at the foot of a
        page, its table overleaf, reads badly."""
        if section.groups and in_table(section.groups[0]):
            self.lines.append(r"\par\Needspace{9\baselineskip}")
        number = f"[{section.number}]" if section.number is not None else ""
        bookmark = cmd("pdfbookmark[0]", escape_latex(section.title), "section." + section.id)
        self.lines.append(rf"\cvsection{number}{{{bookmark}{self.text_block(section.heading)}}}")

    def visit_legend(self, section: Section) -> None:
        legend = r"\cvsep{}".join(self.span_block(line) for line in section.legend)
        self.lines.append(cmd("cvlegend", legend))

    def visit_heading(self, group: Group) -> None:
        """A sub-section; in a table, a row of its own, kept with the group's first entry."""
        heading = group.heading or ""
        if self.table is not None:
            self.lines.append(cmd("cvgrantgroup", self.text(heading)) + r" \\* \addlinespace[3pt]")
            return
        command = "cvsubsection" if self.level == 2 else "cvgroup"
        self.lines.append(cmd(command, self.text_block(heading)))

    # --- layouts ------------------------------------------------------------------------------

    def visit_dated(self, group: Group) -> None:
        for entry in group.entries:
            head = cmd("cvtitle", self.spans(entry.title))
            if entry.qualifiers:
                head += ", " + self.spans(entry.qualifiers)
            head = self.block(head + self.note(entry) + self.links(entry), plain(entry.title))
            when = self.text(entry.when or "")
            self.lines.append(cmd("cvdated", when, head + self.details(entry)))

    def visit_references(self, group: Group) -> None:
        """A hanging, numbered list; the widest label sets the indent."""
        labels = [f"[{e.number}]" if e.number is not None else "" for e in group.entries]
        self.lines.append(cmd("begin", "cvpubs", max(labels, key=len)))
        for label, entry in zip(labels, group.entries, strict=True):
            body = self.spans(entry.title) + self.note(entry) + self.links(entry)
            item = r"\item[{" + self.block(label, label) + "}] "
            text = plain(entry.title)
            if len(text) > LONG_ENTRY:  # may run over a page break rather than off the page
                body = r"{\interlinepenalty=0 " + body + r"\par}"
            self.lines.append(item + self.block(body, text))
        self.lines.append(cmd("end", "cvpubs"))

    def visit_bullets(self, group: Group) -> None:
        items = [r"\item " + self.span_block(entry.title) for entry in group.entries]
        self.lines += [r"\begin{cvinterests}", *items, r"\end{cvinterests}"]

    def visit_paragraphs(self, group: Group) -> None:
        self.lines += [cmd("cvparagraph", self.span_block(e.title)) for e in group.entries]

    # --- tables: the groups of a run share one long table, each under its heading row --------

    def open_table(self, groups: list[Group]) -> None:
        columns = "".join("{" + self.text(column) + "}" for column in groups[0].columns)
        spec = _cell_columns(groups)
        self.lines.append(r"\begin{cvgrants}" + (f"[{spec}]" if spec != "l r" else "") + columns)

    def visit_table(self, group: Group) -> None:
        last = group.entries[-1]
        self.lines += [self._table_row(e, bool(group.totals) and e is last) for e in group.entries]
        self.lines += [*self._table_totals(group), r"\addlinespace[8pt]"]

    def close_table(self, groups: list[Group]) -> None:
        self.lines.append(r"\end{cvgrants}")

    # In the long table `\\*` ends a row that must stay with the next one: a group heading with
    # its first entry, the last entry with the rule and totals under it, one total with the
    # next. After the last total a page may break.
    def _table_row(self, entry: Entry, keep: bool) -> str:
        main = cmd("textbf", self.span_block(entry.title))
        if entry.qualifiers:
            main += r"\newline " + self.span_block(entry.qualifiers)
        main += "".join(r"\newline" + cmd("textit", self.span_block(s)) for s in entry.details)
        cells = [main, *(self.span_block(cell) for cell in entry.cells)]
        cells.append(self.text(entry.when or ""))
        return " & ".join(cells) + (r" \\*" if keep else r" \\ \addlinespace[4pt]")

    def _table_totals(self, group: Group) -> list[str]:
        rows = [r"\cmidrule(l){3-3}"] if group.totals else []
        for index, total in enumerate(group.totals):
            label = cmd("textit", self.text(total.label)) if total.label else ""
            end = r"\\*" if index < len(group.totals) - 1 else r"\\"
            amount = cmd("textbf", self.text(total.amount))
            rows.append(rf"\multicolumn{{2}}{{@{{}}r}}{{{label}}} & {amount} & {end}")
        return rows
