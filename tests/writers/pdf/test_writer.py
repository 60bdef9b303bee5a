"""The PDF writer (writers/pdf/writer.py) on every engine: the example's content, engine choice,
right-to-left text, hostile text printed literally, bookmarks, language, tags, and text that
copies as written."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from cvgen.model import CV, Author, Grant, GrantRole
from cvgen.themes import load_theme
from cvgen.util.dates import Date
from cvgen.words import load_words
from cvgen.writers import WriteOptions
from cvgen.writers.pdf import writer as pdf_writer
from cvgen.writers.pdf.tex import TexResult, run_tex
from tests.support.hostile import ATTACKS, flood, hostile
from tests.support.pdf_text import pdf_text, poppler_text, squeeze, typeset
from tests.support.rendering import document, heading, kind_heading, render
from tests.support.researchers import latin_only, with_coauthors


@pytest.fixture(scope="session")
def example_pdf(example_cv: CV) -> TexResult:
    return run_tex(render(example_cv, "latex"))


def test_example_shows_every_title_and_heading(example_cv: CV, example_pdf: TexResult) -> None:
    assert example_pdf.engine == "lualatex"  # the data has a Greek co-author
    text = squeeze(pdf_text(example_pdf.pdf))
    missing = [p.title for p in example_cv.publications if squeeze(p.title) not in text]
    assert not missing
    kinds = {p.kind for p in example_cv.publications}
    headings = [heading(s, example_cv) for s in example_cv.data.section_order]
    headings += [kind_heading(k) for k in kinds if k.value != "patent"]
    assert [h for h in headings if squeeze(h) not in text] == []
    assert "Παπαδόπουλος" in pdf_text(example_pdf.pdf)


def test_example_metadata_footer_and_typesetting(example_pdf: TexResult) -> None:
    reader = pypdf.PdfReader(io.BytesIO(example_pdf.pdf))
    assert reader.metadata.title == "Curriculum Vitae: Dr Miriam Adler-Katz, FIMA"
    assert reader.metadata.author == "Miriam Adler-Katz"
    pages = len(reader.pages)
    assert f"Page 1 of {pages}" in reader.pages[0].extract_text()
    assert f"Page {pages} of {pages}" in reader.pages[-1].extract_text()
    assert example_pdf.passes == 2
    assert not re.findall(r"^(Overfull|Underfull) .*", example_pdf.log, re.M)
    assert "Missing character" not in example_pdf.log


def test_auto_picks_pdflatex_for_latin_and_lualatex_for_greek_and_hebrew(small_cv: CV) -> None:
    latin = run_tex(render(latin_only(small_cv), "latex"))
    assert latin.engine == "pdflatex"
    assert "Method for sensing" in pdf_text(latin.pdf)
    names = (("Γιώργος", "Παπαδόπουλος"), ("דנה", "רוזן"))
    mixed = run_tex(render(with_coauthors(latin_only(small_cv), *names), "latex"))
    assert mixed.engine == "lualatex"
    text = pdf_text(mixed.pdf)
    assert "Γιώργος Παπαδόπουλος" in text
    assert "רוזן" in text or "ןזור" in text  # logical or visual order, as the reader extracts
    assert "Missing character" not in mixed.log


def many_grants(cv: CV, count: int) -> CV:
    """The small researcher with `count` more competitive grants (years 2000 on), in two
    currencies, so the grants table runs over a page."""
    extra = [
        Grant(
            title=f"Grant {index:02d} on learning in large systems",
            funder="Research Council",
            program="Project Grant",
            amount=100_000 + 1000 * index,
            currency="EUR" if index % 2 else "GBP",
            start=Date(2000 + index),
            end=Date(2003 + index),
            role=GrantRole.PI,
            note="A note under the grant" if index % 3 == 0 else None,
        )
        for index in range(count)
    ]
    data = cv.data.model_copy(update={"grants": [*extra, *cv.data.grants]})
    return latin_only(cv).model_copy(update={"data": data})


def test_grant_totals_stay_on_the_page_of_their_groups_last_grant(small_cv: CV) -> None:
    """The grants table, set at 40 heights on a page, never leaves a group's totals (or their
    rule) for the next page: they share a page with the group's last (oldest) grant."""
    tex = render(many_grants(small_cv, 14), "latex")
    start, end = tex.index(r"\begin{cvgrants}"), tex.index(r"\end{cvgrants}") + 14
    copies = [rf"\newpage\vspace*{{{5 * step}pt}}" + "\n" + tex[start:end] for step in range(40)]
    result = run_tex(tex[:start] + "\n".join(copies) + tex[end:], "pdflatex")
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(result.pdf)).pages]
    assert sum("Project, funder" in page for page in pages) > 60  # the table crosses pages
    for page in pages:
        assert ("Grant 00 on" in page) == ("€2,249,000" in page) == ("£742,000" in page), page
        assert ("Sensor analytics" in page) == ("Total $80,000" in page), page


LONG_URL = (
    "https://www.example-university.edu/departments/physics/people/faculty/jonas-aberg/"
    "research-group/statistical-mechanics-of-learning/index.html?version=2&format=long"
)


def test_long_urls_wrap_inside_the_margins(small_cv: CV) -> None:
    person = small_cv.data.person.model_copy(update={"website": LONG_URL})
    pub = small_cv.publications[0].model_copy(update={"note": f"Data and code at {LONG_URL}"})
    data = small_cv.data.model_copy(update={"person": person})
    cv = latin_only(small_cv.model_copy(update={"data": data, "publications": [pub]}))
    result = run_tex(render(cv, "latex"), "pdflatex")
    assert not re.findall(r"^Overfull .*", result.log, re.M)
    text = squeeze(pdf_text(result.pdf))
    assert text.count(squeeze(LONG_URL.removeprefix("https://www."))) == 2


def greek_coauthor(cv: CV) -> CV:
    pub = cv.publications[0]
    authors = [*pub.authors, Author(first="Γιώργος", last="Παπαδόπουλος")]
    return cv.model_copy(update={"publications": [pub.model_copy(update={"authors": authors})]})


@pytest.mark.parametrize("theme", ["classic", "modern"])  # a serif look, a sans-serif one
def test_hebrew_pdf_sets_every_character_right_to_left(
    theme: str, example_cv: CV, small_cv: CV
) -> None:
    cv = example_cv if theme == "classic" else greek_coauthor(small_cv)
    tex = render(cv, "latex", words=load_words("he"), theme=load_theme(theme))
    assert r"\babelprovide[import,main,onchar=ids fonts]{hebrew}" in tex
    person = cv.data.person  # the name with its title and letters, one left-to-right run
    name = person.name
    if person.title:
        name = rf"\cvhonorific{{{person.title}}}{name}\cvpostnominals{{{person.postnominals}}}"
    assert r"\cvltr{" + name + "}" in tex
    result = run_tex(tex)
    assert result.engine == "lualatex"
    assert result.log.count("Missing character") == 0
    assert "Overfull" not in result.log


@pytest.mark.parametrize("engine", ["pdflatex", "lualatex"])
def test_hostile_text_prints_literally(small_cv: CV, engine: str) -> None:
    # Two documents per engine (hypothesis starts with the simplest draw) and no shrinking:
    # a failure lists the strings that went missing, which says enough.
    @settings(
        max_examples=2,
        deadline=None,
        phases=(Phase.generate,),
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(drawn=st.lists(hostile, min_size=25, max_size=25, unique=True))
    def typeset(drawn: list[str]) -> None:
        texts = ATTACKS + drawn
        tex = render(flood(small_cv, texts), "latex")
        result = run_tex(tex, engine)
        text = squeeze(pdf_text(result.pdf))
        assert [t for t in texts if squeeze(t) not in text] == []
        assert "Missing character" not in result.log

    typeset()


ENGINES = ["pdflatex", "lualatex", "typst", "weasyprint"]


TAGGING = {"typst", "weasyprint"}


NAMES = (("Γιώργος", "Παπαδόπουλος"), ("דנה", "רוזן"))


def with_coauthors_on_math(cv: CV) -> CV:
    """The small researcher's paper on ℓ₁, written with a Greek and a Hebrew co-author."""
    (paper,) = [p for p in cv.publications if "ℓ" in p.title]
    return with_coauthors(cv.model_copy(update={"publications": [paper]}), *NAMES)


@pytest.fixture(scope="module", params=ENGINES)
def example(request, example_cv: CV, small_cv: CV) -> tuple[str, CV, bytes]:
    # The example has a Greek co-author, which pdflatex cannot set: it typesets the small one.
    cv = latin_only(small_cv) if request.param == "pdflatex" else example_cv
    return request.param, cv, typeset(cv, request.param)


def test_a_bookmark_per_section_and_the_language(example: tuple[str, CV, bytes]) -> None:
    engine, cv, pdf = example
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    headings = [section.heading for section in document(cv).sections]
    assert [item.title for item in reader.outline if not isinstance(item, list)] == headings
    assert reader.trailer["/Root"]["/Lang"] == "en"
    marked = reader.trailer["/Root"].get("/MarkInfo", {}).get("/Marked", False)
    assert bool(marked) == (engine in TAGGING)
    if engine in TAGGING:
        assert "/StructTreeRoot" in reader.trailer["/Root"]


@pytest.mark.parametrize("engine", ENGINES)
def test_math_and_other_scripts_copy_as_written(small_cv: CV, engine: str) -> None:
    cv = small_cv if engine == "pdflatex" else with_coauthors_on_math(small_cv)
    pdf = typeset(cv, engine)
    text = poppler_text(pdf)
    assert "ℓ₁" in text  # "On ℓ₁ …" in the small researcher's .bib (decoded from $\ell_1$)
    if engine != "pdflatex":
        assert "Γιώργος Παπαδόπουλος" in text
        assert "דנה רוזן" in text or "ןזור הנד" in text  # logical or visual order
        # pypdf ignores /ActualText; without it, TeX's math ℓ used to copy as "`"
        assert "ℓ" in "\n".join(
            page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
        )


def test_the_latex_fragment_for_users_needs_no_cvgen_macro() -> None:
    from cvgen.document import Span
    from cvgen.writers.latex.markup import spans_to_latex

    assert spans_to_latex([Span("ℓ₁ ≤ α")]).startswith(r"\cvmath{2113}{\ensuremath{\ell}}")
    assert spans_to_latex([Span("ℓ₁ ≤ α")], fragment=True) == (
        r"\ensuremath{\ell}\textsubscript{1} \ensuremath{\leq} \ensuremath{\alpha}"
    )


def test_the_pdf_writer_says_which_engine_made_it_and_counts_pages(small_cv: CV) -> None:
    pdf, how, _ = pdf_writer.typeset(document(small_cv), WriteOptions(engine="typst"))
    assert pdf.startswith(b"%PDF") and how == "typst"
    assert pdf_writer.page_count(pdf) == len(pypdf.PdfReader(io.BytesIO(pdf)).pages) >= 1


def test_auto_sets_a_chinese_cv_with_typst(small_cv: CV) -> None:
    """LuaLaTeX cannot load a CJK font within the memory cvgen grants an engine; Typst can."""
    person = small_cv.data.person.model_copy(update={"position": "物理学教授"})
    cv = small_cv.model_copy(update={"data": small_cv.data.model_copy(update={"person": person})})
    options = WriteOptions(engine="auto")
    pdf, how, _ = pdf_writer.typeset(document(cv, words=load_words("zh")), options)
    assert how == "typst" and "物理学教授" in pdf_text(pdf)
