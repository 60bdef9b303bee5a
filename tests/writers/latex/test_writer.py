"""The LaTeX writer (writers/latex/writer.py) without running TeX: order, numbering, tables,
fonts and languages, breaking rules; and every theme typeset by TeX."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from cvgen.compose import compose
from cvgen.model import CV
from cvgen.util.dates import Date
from cvgen.words import load_words
from cvgen.writers.latex.markup import escape_latex
from cvgen.writers.latex.writer import furniture, metadata, trailer_id
from cvgen.writers.pdf.tex import choose_engine, run_tex
from tests.support.pdf_text import letters
from tests.support.rendering import OTHER_THEMES, THEMES, document, themed
from tests.support.rendering import render as render_as
from tests.support.researchers import latin_only, with_coauthors


def render(cv: CV, **options) -> str:
    return render_as(cv, "latex", **options)


def test_sections_follow_the_configured_order(small_cv: CV) -> None:
    data = small_cv.data.model_copy(update={"sections": ["publications", "education", "talks"]})
    tex = render(small_cv.model_copy(update={"data": data}))
    assert re.findall(r"\\cvsection\{\\pdfbookmark\[0\]\{([^}]*)\}", tex) == [
        "Publications",
        "Education",
        "Talks",
    ]
    assert "Patents" not in tex  # patents are a section of their own, not shown here


def test_default_order_is_the_academic_one(example_cv: CV) -> None:
    headings = re.findall(r"\\cvsection\{\\pdfbookmark\[0\]\{([^}]*)\}", render(example_cv))
    assert headings == [
        "Research Interests",
        "Education",
        "Certifications and Licences",
        "Academic Appointments",
        "Administrative and Leadership Positions",
        "Honours and Awards",
        "Research Funding",
        "Supervision",
        "Teaching",
        "Service",
        "Professional Memberships",
        "Publications",
        "Patents",
        "Talks",
        "Media and Press",
        "Software",  # custom sections follow the built-in ones
    ]


def _labels(tex: str) -> list[str]:
    return re.findall(r"\\item\[\{([^}]*)\}\]", tex)


def test_numbering_per_type_continuous_reverse_and_none(small_cv: CV) -> None:
    # journal, conference, preprint, thesis, then the patent
    assert _labels(render(small_cv)) == ["[1]"] * 5
    assert _labels(render(small_cv, numbering="continuous")) == ["[1]", "[2]", "[3]", "[4]", "[5]"]
    reverse = _labels(render(small_cv, numbering="continuous", reverse=True))
    assert reverse == ["[5]", "[4]", "[3]", "[2]", "[1]"]
    assert _labels(render(small_cv, numbering="none")) == [""] * 5


def test_reverse_per_type_counts_down_within_each_type(example_cv: CV) -> None:
    tex = render(example_cv, reverse=True)
    journals = tex.split(r"\cvsubsection{Journal Articles}")[1].split(r"\end{cvpubs}")[0]
    assert _labels(journals) == [f"[{n}]" for n in range(16, 0, -1)]


def test_publication_markup(small_cv: CV) -> None:
    tex = render(small_cv)
    assert r"\textbf{Jonas Åberg}\textsuperscript{*}, \uline{Lina Chen}" in tex
    assert r"\cvnote{Oral, 1.2\% acceptance}" in tex
    assert r"\cvlinks{\href{https://github.com/example/phase}{Code}}" in tex
    legend = r"\cvlegend{\textbf{Bold}: Jonas Åberg\cvsep{}\uline{Underlined}: supervised"
    assert legend in tex and r"\textsuperscript{*} Equal contribution}" in tex


def test_grants_total_per_currency(example_cv: CV) -> None:
    tex = render(example_cv)
    competitive, industrial = tex.split(r"\cvgrantgroup{Industry funding}")
    industrial, internal = industrial.split(r"\cvgrantgroup{Internal funding}")
    totals = re.findall(r"& \\textbf\{([^}]*)\} &", competitive)
    assert totals == ["£2,047,400", "€1,497,500"]  # an own share, never a declined grant
    assert re.findall(r"& \\textbf\{([^}]*)\} &", internal)[:1] == ["£12,000"]
    assert re.findall(r"& \\textbf\{([^}]*)\} &", industrial) == ["£220,000", r"\$150,000"]


def test_students_grouped_by_status_then_level(example_cv: CV) -> None:
    tex = render(example_cv).split(r"{section.students}Supervision}")[1].split(r"\cvsection")[0]
    groups = re.findall(r"\\cv(subsection|group)\{([^}]*)\}", tex)
    assert [name for _, name in groups] == [
        "Current",
        "Postdoctoral researchers",
        "PhD students",
        "MSc students",
        "Completed",
        "Postdoctoral researchers",
        "PhD students",
        "MSc students",
        "Undergraduate researchers",
        "Left before completion",
        "PhD students",
    ]


def test_latin_data_needs_no_unicode_engine(small_cv: CV) -> None:
    tex = render(latin_only(small_cv))
    assert r"\directlua" not in tex and "babel" not in tex
    assert choose_engine(tex) == "pdflatex"


def test_greek_and_hebrew_bring_fallback_fonts_and_bidi(small_cv: CV) -> None:
    cv = with_coauthors(latin_only(small_cv), ("Γιώργος", "Παπαδόπουλος"), ("דנה", "רוזן"))
    tex = render(cv)
    assert choose_engine(tex) == "lualatex"
    assert '"NotoSerif-Regular.ttf", "DejaVuSerif.ttf"' in tex
    assert r"\usepackage[bidi=basic]{babel}" in tex
    # the theme's Hebrew font, for Hebrew characters only, its emphasis bold (no italics)
    assert r"\babelprovide[import,onchar=ids fonts]{hebrew}" in tex
    assert r"ItalicFont={* Bold}]{Noto Serif Hebrew}" in tex
    assert "arabic" not in tex and "CJK" not in tex


def test_teaching_terms_fill_the_date_column_only_when_they_fit(small_cv: CV) -> None:
    tex = render(small_cv).split(r"{section.teaching}Teaching}")[1].split(r"\cvsection")[0]
    assert tex.startswith("\n" + r"\cvdated{Fall~2021, Fall~2022}{")
    assert "students.}" in tex  # the terms are not repeated in the entry
    course = small_cv.data.teaching[0]
    terms = [f"Michaelmas {year}" for year in (2019, 2021)] + ["Lent 2022"]
    for update, column, body in [
        ({"terms": terms}, "2019 – 2022", "Michaelmas 2019, Michaelmas 2021, Lent 2022."),
        ({"terms": ["Every spring term", "Autumn"]}, "", "Every spring term, Autumn."),
        ({"start": Date(2020), "end": Date(2023)}, "2020 – 2023", "Fall 2021, Fall 2022."),
    ]:
        data = small_cv.data.model_copy(update={"teaching": [course.model_copy(update=update)]})
        tex = render(small_cv.model_copy(update={"data": data}))
        assert rf"\cvdated{{{column}}}" in tex and body in tex


def test_urls_in_text_and_the_header_may_break_but_other_text_may_not(small_cv: CV) -> None:
    person = small_cv.data.person.model_copy(update={"website": "https://example.edu/a_b/c"})
    cv = small_cv.model_copy(update={"data": small_cv.data.model_copy(update={"person": person})})
    tex = render(cv)
    brk = r"\hskip0pt plus4em minus.1em\penalty0\hskip0pt plus-4em minus-.1em\kern0pt{}"
    assert rf"{{example.{brk}edu/{brk}a\_{brk}b/{brk}c}}" in tex
    assert escape_latex("See www.x.org/a. Done.") == f"See www.{brk}x.{brk}org/{brk}a. Done."
    assert escape_latex("e.g. a/b") == "e.g. a/b"


def test_hebrew_latex_golden(small_cv: CV, golden) -> None:
    golden("writers/latex/small-he.tex", render(small_cv, words=load_words("he")))


@pytest.mark.parametrize("name", THEMES)
def test_each_theme_typesets_the_example_with_every_title_and_no_overfull_box(
    name: str, example_cv: CV
) -> None:
    result = run_tex(themed(example_cv, "latex", name))
    assert not re.findall(r"^Overfull .*$", result.log, re.M)
    assert "Missing character" not in result.log
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    text = letters("".join(page.extract_text() for page in reader.pages).replace("-\n", ""))
    document = compose(example_cv)
    for section in document.sections:
        assert letters(section.heading) in text
    for pub in example_cv.publications:
        assert letters(pub.title) in text, pub.title


@pytest.mark.parametrize("name", OTHER_THEMES)
def test_each_theme_typesets_a_latin_cv_with_pdflatex(name: str, small_cv: CV) -> None:
    """The fast engine gets each theme's own family (tgtermes, tgpagella, lmodern sans)."""
    result = run_tex(themed(small_cv, "latex", name))
    assert result.engine == "pdflatex"
    assert not re.findall(r"^Overfull .*$", result.log, re.M)
    fonts = re.findall(r"/(\w+)\.pfb", result.log)
    family = {"modern": "lmss", "compact": "qtm", "grant": "qpl"}[name]
    assert any(font.startswith(family) for font in fonts), fonts


def test_the_pdf_id_and_metadata_come_from_the_content(small_cv: CV) -> None:
    same = trailer_id("abc")
    assert same == trailer_id("abc") != trailer_id("abd")
    assert "900150983CD24FB0D6963F7D28E17F72" in same  # the MD5 of 'abc'
    tree = document(small_cv)
    text = metadata(tree)
    assert "pdftitle={Curriculum Vitae: Jonas Åberg}" in text and "pdflang={en}" in text
    assert r"\newcommand*{\cvauthor}{Jonas Åberg}" in furniture(tree)
