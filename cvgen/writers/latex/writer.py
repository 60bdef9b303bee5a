"""The LaTeX writer: the document tree as a pylatex document, typeset like a hand-made CV.

The body (latex/body.py, the walk) only calls the \\cv... macros of the theme
(cvgen/themes/<name>/latex.tex); this module puts the preamble around it (latex/preamble.py:
packages, fonts, languages, colours), with the page furniture's words and the PDF's metadata.
"""

from __future__ import annotations

import hashlib
import string

from pylatex import Document as TexDocument
from pylatex import NoEscape, Package

from cvgen.document import Document
from cvgen.themes import Theme, load_theme
from cvgen.writers import WriteOptions, theme_of
from cvgen.writers.date_column import date_sample
from cvgen.writers.latex.body import LatexBody
from cvgen.writers.latex.markup import escape_latex
from cvgen.writers.latex.preamble import (
    PACKAGES,
    PAPERS,
    UNDERLINE,
    colours,
    fonts,
    languages,
)

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


def name_fallbacks(document: Document) -> list[str]:
    """Plain \\cvhonorific and \\cvpostnominals for a theme of one's own that predates them
    (classic's define how they look), only where the header has a title or post-nominals."""
    head = document.header
    if not (head.title or head.postnominals):
        return []
    return [r"\providecommand{\cvhonorific}[1]{#1\ }\providecommand{\cvpostnominals}[1]{, #1}"]


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
    walk = LatexBody(rtl=document.meta.direction == "rtl")
    walk.header(document.header)
    walk.walk(document.sections)
    return walk.lines


def tex_document(document: Document, options: WriteOptions) -> tuple[TexDocument, str]:
    """The pylatex document, and the text it sets: its body and the words around it (what
    the engine must have fonts for; the theme's macros are not part of it)."""
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
        *name_fallbacks(document),
        metadata(document),
        trailer_id(text),
    ]
    doc.preamble.append(NoEscape("\n".join(preamble)))
    doc.append(NoEscape(text))
    return doc, text + words_around


def tex_source(document: Document, options: WriteOptions) -> tuple[str, str]:
    """The .tex file, and the text it sets (see tex_document)."""
    doc, shown = tex_document(document, options)
    return doc.dumps() + "\n", shown


class LatexWriter:
    walk = LatexBody

    def write(self, document: Document, options: WriteOptions) -> str:
        return tex_source(document, options)[0]


WRITER = LatexWriter()
