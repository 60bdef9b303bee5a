"""The LaTeX résumé: the CV model as a pylatex document, typeset like a hand-made academic CV.

The layout lives in a dozen macros defined in the preamble (\\cvsection, \\cvdated, cvpubs,
cvgrants, ...), so the generated .tex reads like a hand-written CV and whoever edits it restyles
everything in one place. The body only calls those macros, and every piece of user text passes
through latex_markup, the one escaping function.

The preamble works with every engine: pdflatex gets T1 Latin Modern (fast); LuaLaTeX and
XeLaTeX get the OpenType Latin Modern, and when the data holds characters pdflatex cannot set,
LuaLaTeX borrows them from fallback fonts and babel orders right-to-left scripts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from pylatex import Document, NoEscape, Package

from cvgen.backends import RenderOptions, paper_name
from cvgen.backends.latex_markup import escape_latex, latex_url, spans_to_latex
from cvgen.backends.tex_engine import PDFLATEX_CHARS
from cvgen.citation import annotation_text, publication_spans
from cvgen.dates import Date, format_range
from cvgen.formatting import (
    course_period,
    grouped_by,
    money,
    newest_first,
    sentence_case,
    student_groups,
    totals_by_currency,
)
from cvgen.marks import legend_lines
from cvgen.model import (
    CV,
    Dated,
    Grant,
    Person,
    Publication,
    Student,
)
from cvgen.numbering import SECTION_KINDS, kind_groups, publication_numbers
from cvgen.sections import (
    COURSE_LEVELS,
    GRANT_HEADINGS,
    HEADINGS,
    KIND_HEADINGS,
    LEVEL_HEADINGS,
    SERVICE_HEADINGS,
    STATUS_HEADINGS,
    TALK_HEADINGS,
    link_label,
    section_order,
)

T = TypeVar("T")

PACKAGES = (
    "iftex", "xcolor", "tabularx", "xltabular", "booktabs", "needspace", "fancyhdr", "multicol",
)  # fmt: skip
GEOMETRY = {"hmargin": "2.2cm", "top": "2cm", "bottom": "2.4cm"}
PAPERS = {"a4": "a4paper", "letter": "letterpaper"}

FONTS = r"""
\ifPDFTeX
  \usepackage[T1]{fontenc}
  \usepackage{lmodern}
  \input{glyphtounicode}\pdfgentounicode=1
\fi
"""

# Characters Latin Modern lacks come, under LuaLaTeX, from fallback fonts. Each costs about
# 0.2 s a pass, so only those covering characters of the document are loaded, in this order.
FALLBACK_FONTS = (
    (("NotoSerif-Regular.ttf",), ((0x0370, 0x052F), (0x1E00, 0x1FFF))),  # Greek, Cyrillic, ...
    (("NotoSerifCJK-Regular.ttc", "NotoSansCJK-Regular.ttc"), ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF))),
    (("DejaVuSerif.ttf",), ((0x0080, 0x10FFFF),)),  # symbols, arrows, letterlike, ...
)
FALLBACK = r"""  \usepackage{fontspec}
  \directlua{
    local found = {}
    for _, file in ipairs({%s}) do
      if kpse.find_file(file, "truetype fonts") then
        table.insert(found, "file:" .. file .. ":mode=harf")
      end
    end
    luaotfload.add_fallback("cvgen", found)
  }
  \setmainfont{Latin Modern Roman}[
    SmallCapsFont={Latin Modern Roman Caps}, RawFeature={fallback=cvgen}]"""
# Right-to-left scripts need babel's bidi algorithm: language, font, Unicode blocks.
RTL_SCRIPTS = (
    ("hebrew", "Noto Serif Hebrew", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    ("arabic", "Noto Naskh Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF))),
)

LAYOUT = r"""
\usepackage{microtype}
\usepackage[colorlinks=true,linkcolor=cvaccent,urlcolor=cvaccent]{hyperref}
\urlstyle{same}
\definecolor{cvaccent}{rgb}{0.11,0.30,0.52}
\definecolor{cvmuted}{gray}{0.38}
\definecolor{cvrule}{gray}{0.62}
\setlength{\parindent}{0pt}
\clubpenalty=10000
\widowpenalty=10000
\raggedbottom
\pagestyle{fancy}
\fancyhf{}
\renewcommand{\headrulewidth}{0pt}
\newlength{\cvdatewidth}
\AtBeginDocument{\settowidth{\cvdatewidth}{\small 0000 – present}}
% The header: name, position, affiliation (left) and contact details (right).
\newcommand{\cvname}[1]{{\fontsize{25}{29}\selectfont\color{cvaccent}#1\par}\vspace{5pt}}
\newcommand{\cvposition}[1]{{\large\itshape #1\par}\vspace{2pt}}
\newcommand{\cvaddress}[1]{{\small #1\par}}
\newenvironment{cvheader}
  {\noindent\begin{minipage}[b]{0.6\linewidth}}
  {\end{minipage}}
\newenvironment{cvcontact}
  {\hfill\begin{minipage}[b]{0.38\linewidth}\raggedleft\small}
  {\end{minipage}\par\vspace{6pt}{\color{cvaccent}\hrule height 0.8pt}\vspace{4pt}}
% Headings end in \nobreak and entries hold no break points of their own, so a heading always
% travels with its first entry; lists must not invite a break before them either.
\makeatletter\@beginparpenalty=10000\makeatother
\newcommand{\cvsection}[1]{\par\addvspace{14pt}\needspace{5\baselineskip}%
  \noindent{\color{cvaccent}\Large\scshape #1}\hspace{0.6em}%
  {\color{cvrule}\leaders\vrule height 0.75ex depth -0.68ex\hfill}\par\nobreak\vspace{5pt}}
\newcommand{\cvsubsection}[1]{\par\addvspace{7pt}%
  \noindent{\color{cvaccent}\itshape #1}\par\nobreak\vspace{3pt}}
\newcommand{\cvgroup}[1]{\par\addvspace{3pt}%
  \noindent{\small\scshape\color{cvmuted}#1}\par\nobreak\vspace{2pt}}
% A dated entry: the body on the left, its dates flush right in a column of their own.
\newcommand{\cvdated}[2]{\par
  \begin{minipage}[t]{\dimexpr\linewidth-\cvdatewidth-1.2em\relax}\raggedright #2\end{minipage}%
  \hfill\begin{minipage}[t]{\cvdatewidth}\raggedleft\small\textcolor{cvmuted}{#1}\end{minipage}%
  \par\addvspace{4.5pt}}
\newcommand{\cvtitle}[1]{\textbf{#1}}
\newcommand{\cvdetail}[1]{\par{\small #1}}
\newcommand{\cvnote}[1]{ {\small\itshape\color{cvaccent}(#1)}}
\newcommand{\cvlinks}[1]{ {\small [#1]}}
\newcommand{\cvsep}{\,\textperiodcentered\,}
\newcommand{\cvlegend}[1]{\noindent{\small\color{cvmuted}#1\par}\vspace{2pt}}
% Numbered publications with a hanging indent, never split over pages; #1 is the widest label.
\newenvironment{cvpubs}[1]
  {\begin{list}{}{\settowidth{\labelwidth}{\small #1}\setlength{\labelsep}{0.6em}%
    \setlength{\leftmargin}{\dimexpr\labelwidth+\labelsep\relax}\setlength{\topsep}{2pt}%
    \setlength{\itemsep}{3.5pt}\setlength{\parsep}{0pt}\interlinepenalty=10000%
    \renewcommand{\makelabel}[1]{\hfil\small\color{cvmuted}##1}}}
  {\end{list}}
% Research topics: a compact bulleted list in two balanced columns.
\newenvironment{cvinterests}
  {\begin{multicols}{2}\raggedright\begin{list}{\textcolor{cvaccent}{\textbullet}}%
    {\setlength{\leftmargin}{1.1em}\setlength{\labelsep}{0.5em}\setlength{\topsep}{0pt}%
     \setlength{\itemsep}{1.5pt}\setlength{\parsep}{0pt}}}
  {\end{list}\end{multicols}}
% The grants table, which may run over pages (its header repeats). booktabs ends a \cmidrule
% in glue, where a page may break: the totals under it would start the next page alone, so
% a \nobreak before that glue keeps such a rule with the row below it.
\makeatletter\let\cv@xcmidrule\@xcmidrule\def\@xcmidrule{\nobreak\cv@xcmidrule}\makeatother
\newenvironment{cvgrants}
  {\small\xltabular{\linewidth}{@{}>{\raggedright\arraybackslash}X l r r@{}}
   \textsc{Project, funder} & \textsc{Role} & \textsc{Amount} & \textsc{Period}\\ \midrule
   \endhead}
  {\endxltabular}
\newcommand{\cvgrantgroup}[1]{\multicolumn{4}{@{}l}{\normalsize\itshape\color{cvaccent}#1}}
"""


def _uses(chars: set[str], blocks: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= ord(ch) <= high for ch in chars for low, high in blocks)


def unicode_fonts(body: str) -> str:
    """LuaLaTeX set-up for the characters pdflatex cannot set; '' when there are none."""
    chars = {ch for ch in body if ch not in PDFLATEX_CHARS}
    if not chars:
        return ""
    files = [f for files, blocks in FALLBACK_FONTS if _uses(chars, blocks) for f in files]
    lines = [r"\ifLuaTeX", FALLBACK % ", ".join(f'"{file}"' for file in files)]
    rtl = [(language, font) for language, font, blocks in RTL_SCRIPTS if _uses(chars, blocks)]
    if rtl:
        lines += [r"  \usepackage[bidi=basic]{babel}", r"  \babelprovide[import,main]{english}"]
    for language, font in rtl:
        lines.append(rf"  \babelprovide[import,onchar=ids fonts]{{{language}}}")
        lines.append(rf"  \babelfont[{language}]{{rm}}{{{font}}}")
    return "\n".join([*lines, r"\fi", ""])


# --- small helpers: every argument is LaTeX already, every string from the data is escaped ---


def cmd(name: str, *args: str) -> str:
    return "\\" + name + "".join("{" + arg + "}" for arg in args)


def esc(*parts: str | None, sep: str = ", ") -> str:
    """The parts that are present, joined and escaped."""
    return escape_latex(sep.join(p for p in parts if p))


def sentences(*parts: str | None) -> str:
    """'A. B. C.' from the parts present (LaTeX), each ending in exactly one full stop."""
    return " ".join(sentence_case(p.rstrip(".")) + "." for p in parts if p)


def link(url: str, label: str, *, shows_url: bool = False) -> str:
    """A hyperlink; one that shows a URL or address may wrap at its '/' and '.'."""
    return cmd("href", latex_url(url), escape_latex(label, url=shows_url))


def links(pairs: Iterable[tuple[str, str | None]]) -> str:
    """' [DOI · Code]' after an entry, or ''."""
    anchors = [link(url, label) for label, url in pairs if url]
    return cmd("cvlinks", r"\cvsep{}".join(anchors)) if anchors else ""


def detail(text: str) -> str:
    return cmd("cvdetail", text) if text else ""


def dated(dates: str, body: str) -> str:
    return cmd("cvdated", escape_latex(dates), body)


def period(item: Dated) -> str:
    return format_range(item.start, item.end)


def grouped(
    items: list[T], key: Callable[[T], object], headings: dict, entry: Callable[[T], str]
) -> list[str]:
    """Entries under a sub-heading per group, the groups in the order of `headings`."""
    lines = []
    for group, members in grouped_by(items, key, headings):
        lines.append(cmd("cvsubsection", escape_latex(headings[group])))
        lines += [entry(item) for item in members]
    return lines


# --- header ---------------------------------------------------------------------------------


def _display_url(url: str) -> str:
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def header(person: Person) -> list[str]:
    """Name, position and affiliation on the left; contact details and profiles on the right."""
    left = [cmd("cvname", escape_latex(person.name))]
    if person.position:
        left.append(cmd("cvposition", escape_latex(person.position)))
    left += [
        escape_latex(line) + r"\par" for line in (person.department, person.affiliation) if line
    ]
    if person.address:
        left.append(cmd("cvaddress", escape_latex(person.address)))
    right = []
    if person.email:
        right.append(link(f"mailto:{person.email}", person.email, shows_url=True))
    if person.phone:
        right.append(escape_latex(person.phone))
    if person.website:
        right.append(link(person.website, _display_url(person.website), shows_url=True))
    if person.orcid:
        right.append("ORCID " + link(f"https://orcid.org/{person.orcid}", person.orcid))
    profiles = [link(url, link_label(key)) for key, url in person.links.items()]
    if profiles:
        right.append(r"\cvsep{}".join(profiles))
    contact = [line + r"\par" for line in right]
    return [
        r"\begin{cvheader}",
        *left,
        r"\end{cvheader}",
        r"\begin{cvcontact}",
        *contact,
        r"\end{cvcontact}",
    ]


# --- career sections -------------------------------------------------------------------------


def research_interests(cv: CV) -> list[str]:
    lines = []
    statement = cv.data.research_statement or ""
    lines += [escape_latex(p) + r"\par" for p in statement.split("\n\n") if p.strip()]
    if cv.data.research_interests:
        lines.append(r"\begin{cvinterests}")
        lines += [r"\item " + escape_latex(topic) for topic in cv.data.research_interests]
        lines.append(r"\end{cvinterests}")
    return lines


def education(cv: CV) -> list[str]:
    lines = []
    for degree in newest_first(cv.data.education):
        title = cmd("cvtitle", esc(degree.degree, degree.field, sep=" in "))
        thesis = degree.thesis and "Thesis: " + cmd("textit", escape_latex(degree.thesis))
        advisors = degree.advisor and (
            ("Advisors: " if len(degree.advisor) > 1 else "Advisor: ") + esc(*degree.advisor)
        )
        details = sentences(thesis, advisors, esc(degree.honours))
        body = f"{title}, {esc(degree.institution, degree.location)}{detail(details)}"
        lines.append(dated(period(degree), body))
    return lines


def appointments(cv: CV) -> list[str]:
    lines = []
    for job in newest_first(cv.data.appointments):
        body = cmd("cvtitle", escape_latex(job.title))
        body += ", " + esc(job.department, job.institution, job.location)
        lines.append(dated(period(job), body + detail(esc(job.note))))
    return lines


def awards(cv: CV) -> list[str]:
    lines = []
    for award in newest_first(cv.data.awards):
        body = cmd("cvtitle", escape_latex(award.name))
        if award.organization:
            body += ", " + escape_latex(award.organization)
        if award.amount:
            body += f" ({escape_latex(money(award.amount, award.currency))})"
        lines.append(dated(period(award), body + detail(esc(award.note))))
    return lines


# In the long grants table `\\*` ends a row that must stay with the next one: a group heading
# with its first grant, the last grant with the rule and totals under it, one total with the
# next. After the last total a page may break.
def _grant_row(grant: Grant, keep: bool) -> str:
    title = cmd("textbf", escape_latex(grant.title))
    funder = esc(grant.funder, grant.program, grant.number and f"no. {grant.number}")
    note = r"\newline" + cmd("textit", escape_latex(grant.note)) if grant.note else ""
    amount = escape_latex(money(grant.amount, grant.currency)) if grant.amount else ""
    cells = [rf"{title}\newline {funder}{note}", escape_latex(grant.role), amount]
    cells.append(escape_latex(period(grant)))
    return " & ".join(cells) + (r" \\*" if keep else r" \\ \addlinespace[4pt]")


def _grant_totals(group: list[Grant]) -> list[str]:
    """A rule, then one 'Total' row per currency (see totals_by_currency); [] without amounts."""
    totals = totals_by_currency(group)
    rows = [r"\cmidrule(l){3-3}"] if totals else []
    for index, (currency, total) in enumerate(totals):
        label = r"\textit{Total}" if index == 0 else ""
        amount = cmd("textbf", escape_latex(money(total, currency)))
        end = r"\\*" if index < len(totals) - 1 else r"\\"
        rows.append(rf"\multicolumn{{2}}{{@{{}}r}}{{{label}}} & {amount} & {end}")
    return rows


def grants(cv: CV) -> list[str]:
    lines = []
    for kind, heading in GRANT_HEADINGS.items():
        group = newest_first(g for g in cv.data.grants if g.kind == kind)
        if group:
            totals = _grant_totals(group)
            lines.append(cmd("cvgrantgroup", heading) + r" \\* \addlinespace[3pt]")
            lines += [_grant_row(g, keep=bool(totals) and g is group[-1]) for g in group]
            lines += [*totals, r"\addlinespace[8pt]"]
    return [r"\begin{cvgrants}", *lines, r"\end{cvgrants}"] if lines else []


def _student(student: Student) -> str:
    thesis = student.thesis and "Thesis: " + cmd("textit", escape_latex(student.thesis))
    cosupervised = student.co_supervisors and "Co-supervised with " + esc(*student.co_supervisors)
    current = student.status == "current"
    expected = (
        current and student.expected_end and f"Expected completion {student.expected_end.human()}"
    )
    now = student.current_position and "Now " + escape_latex(student.current_position)
    body = cmd("cvtitle", escape_latex(student.name))
    body += detail(sentences(thesis, cosupervised, expected or None, now))
    end = student.end or (Date.parse("present") if current else None)
    return dated(format_range(student.start, end), body)


def students(cv: CV) -> list[str]:
    """By status (current, completed, left), then by level, newest first within a level."""
    lines = []
    for status, levels in student_groups(cv.data.students):
        lines.append(cmd("cvsubsection", STATUS_HEADINGS[status]))
        for level, members in levels:
            lines.append(cmd("cvgroup", LEVEL_HEADINGS[level]))
            lines += [_student(student) for student in members]
    return lines


def teaching(cv: CV) -> list[str]:
    lines = []
    for course in newest_first(cv.data.teaching):
        body = cmd("cvtitle", escape_latex(course.course))
        if course.code:
            body += f" ({escape_latex(course.code)})"
        if course.institution:
            body += ", " + escape_latex(course.institution)
        level = course.level in COURSE_LEVELS and f"{COURSE_LEVELS[course.level]} course"
        enrollment = course.enrollment and f"{course.enrollment} students"
        facts = esc(course.role, level or None, enrollment or None)
        when, terms = course_period(course)
        details = sentences(facts, esc(*terms), esc(course.note))
        lines.append(dated(when, body + detail(details)))
    return lines


def service(cv: CV) -> list[str]:
    def entry(item) -> str:
        body = cmd("cvtitle", escape_latex(item.role)) + ", " + escape_latex(item.organization)
        return dated(period(item), body)

    return grouped(newest_first(cv.data.service), lambda s: s.category, SERVICE_HEADINGS, entry)


def talks(cv: CV) -> list[str]:
    def entry(talk) -> str:
        body = escape_latex(f"“{talk.title}”, ") + cmd("textit", escape_latex(talk.event))
        body += escape_latex(f", {talk.location}" if talk.location else "")
        body += links([("Web", talk.url), ("Video", talk.video), ("Slides", talk.slides)])
        return dated(talk.date.human(), body)

    ordered = sorted(cv.data.talks, key=lambda t: t.date, reverse=True)
    return grouped(ordered, lambda t: t.kind, TALK_HEADINGS, entry)


def press(cv: CV) -> list[str]:
    lines = []
    for item in newest_first(cv.data.press):
        body = escape_latex(f"“{item.title}”, ") + cmd("textit", escape_latex(item.outlet))
        body += escape_latex(f" ({item.kind})") if item.kind != "article" else ""
        lines.append(dated(item.date.human(), body + links([("Link", item.url)])))
    return lines


# --- publications -------------------------------------------------------------------------------
# Numbers come from cvgen.numbering, so the PDF, the HTML page and `filter` agree on them.


def _publication(number: int | None, pub: Publication) -> str:
    entry = spans_to_latex(publication_spans(pub))
    notes = annotation_text(pub)
    if notes:
        entry += cmd("cvnote", escape_latex(notes))
    label = f"[{number}]" if number else ""
    return r"\item[{" + label + "}] " + entry + links(pub.links.items())


def legend(pubs: list[Publication], marks: dict[str, str] | None = None) -> list[str]:
    """The key to underlines and stars, for the publications that use them."""
    parts = []
    if any(p.has_student for p in pubs):
        parts.append(r"\underline{Underlined}: supervised students and postdocs.")
    parts += [escape_latex(line) for line in legend_lines(pubs, marks)]
    return [cmd("cvlegend", " ".join(parts))] if parts else []


def publication_lists(cv: CV, section: str, numbers: dict[str, int]) -> list[str]:
    """One hanging, numbered list per kind (with a sub-heading, except for patents)."""
    lines = []
    for kind, pubs in kind_groups(cv, section):
        if section == "publications":
            lines.append(cmd("cvsubsection", KIND_HEADINGS[kind]))
        widest = max((f"[{numbers[p.key]}]" for p in pubs if p.key in numbers), key=len, default="")
        lines.append(cmd("begin", "cvpubs", widest))
        lines += [_publication(numbers.get(pub.key), pub) for pub in pubs]
        lines.append(cmd("end", "cvpubs"))
    return lines


# --- the document -------------------------------------------------------------------------------

CAREER_SECTIONS: dict[str, Callable[[CV], list[str]]] = {
    "research_interests": research_interests,
    "education": education,
    "appointments": appointments,
    "awards": awards,
    "grants": grants,
    "students": students,
    "teaching": teaching,
    "service": service,
    "talks": talks,
    "press": press,
}


def body(cv: CV, options: RenderOptions) -> list[str]:
    """The header, then each non-empty section in the CV's order."""
    numbers = publication_numbers(cv, options.numbering, options.reverse)
    order = section_order(cv)
    listed = [(name, kind_groups(cv, name)) for name in order if kind_groups(cv, name)]
    shown = [pub for _, groups in listed for _, pubs in groups for pub in pubs]
    lines = header(cv.data.person)
    for name in order:
        if name in SECTION_KINDS:
            section = publication_lists(cv, name, numbers)
            if listed and name == listed[0][0]:  # the legend goes above the first list
                section = legend(shown, cv.data.publications.marks) + section
        else:
            section = CAREER_SECTIONS[name](cv)
        if section:
            lines += [cmd("cvsection", escape_latex(HEADINGS[name])), *section]
    return lines


def metadata(cv: CV) -> str:
    """PDF title, author and keywords, and the footer: name left, 'Page N of M' right."""
    name = escape_latex(cv.data.person.name)
    keywords = esc(*cv.data.research_interests)
    return "\n".join(
        [
            rf"\hypersetup{{pdftitle={{Curriculum Vitae: {name}}}, pdfauthor={{{name}}},",
            rf"  pdfsubject={{Curriculum Vitae}}, pdfkeywords={{{keywords}}},",
            r"  pdfcreator={cvgen}}",
            rf"\fancyfoot[L]{{\small\color{{cvmuted}}{name}\cvsep{{}}Curriculum Vitae}}",
            r"\fancyfoot[R]{\small\color{cvmuted}Page \thepage\ of \pageref*{LastPage}}",
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


def document(cv: CV, options: RenderOptions) -> Document:
    text = "\n".join(body(cv, options))
    doc = Document(
        documentclass="article",
        document_options=["11pt"],
        fontenc=None,
        inputenc=None,
        lmodern=False,
        textcomp=False,
        microtype=False,
        page_numbers=True,  # pylatex's way of loading lastpage
        geometry_options={"paper": PAPERS[paper_name(options) or "a4"], **GEOMETRY},
    )
    for package in PACKAGES:
        doc.packages.append(Package(package))
    preamble = FONTS + unicode_fonts(text) + LAYOUT + metadata(cv) + "\n" + trailer_id(text)
    doc.preamble.append(NoEscape(preamble))
    doc.append(NoEscape(text))
    return doc


class LatexBackend:
    name = "latex"
    suffix = ".tex"

    def render(self, cv: CV, options: RenderOptions) -> str:
        return document(cv, options).dumps() + "\n"


BACKEND = LatexBackend()
