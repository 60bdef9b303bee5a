"""Career data round two (issue 26) end to end: the CV that uses every new key renders in every
writer and every shipped language; its header carries the title and post-nominals (and the PDF
and Word properties); the administrative posts, the certifications, the memberships, the counts
sentence, the declined grant and the own share are in the PDF, the page and the Word file; the
bio states the directorship, the deanship, both doctorates and the counts; `filter --sections`
and the JSON exports carry the new sections."""

from __future__ import annotations

import io
import json
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from cvgen.bio.shortbio import generate
from cvgen.cli import main
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import CV
from cvgen.words import load_words, shipped_languages
from tests.support.html_doc import parse, visible_text
from tests.support.rendering import render
from tests.support.word_doc import paragraphs, read

DATA = Path(__file__).resolve().parent.parent / "data" / "leadership"
SOURCES = Sources(cv=DATA / "cv.yaml", bib=DATA / "publications.bib")
ARGS = ["--cv", str(SOURCES.cv), "--bib", str(SOURCES.bib)]
PDF_WRITERS = ("pdf", "typst", "weasyprint")
OTHER_WRITERS = ("latex", "html", "docx", "document", "markdown", "text", "json")
FULL_NAME = "Prof. Helena Marković, MD, PhD"
# Phrases of the new items, as the English words table and the data give them.
NEW_ITEMS = (
    "Administrative and Leadership Positions",
    "Director, Lakeshore Brain Institute",
    "Certifications and Licences",
    "no. ABPN 61240",
    "Professional Memberships",
    "American Academy of Neurology",
    "Supervised in total: 24 PhD students, 31 MSc students, 9 postdoctoral researchers, and 40 "
    "undergraduate researchers.",
    "Declined.",
    "€2,500,000 (own share €400,000)",
    "Internal funding",
    "expected 09/2030",
)


@pytest.fixture(scope="module")
def cv() -> CV:
    return load_or_fail(SOURCES)[0]


def squeezed(text: str) -> str:
    """Without spaces, hyphens at line ends, case (a theme's capitals), curled apostrophes,
    accents (Greek capitals drop them), joiners, or Arabic presentation forms (NFKC)."""
    text = re.sub(r"\s+", "", text.replace("-\n", "").replace("\u2019", "'"))
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold())
    kept = "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Cf"))
    return kept.replace("ı", "i")  # Turkish capitals: I is ı's, İ is i's


def pdf_text(data: bytes) -> tuple[str, str]:
    """A PDF's text without spaces (extraction spaces right-to-left runs unreliably) and its
    title property."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return squeezed("\n".join(page.extract_text() for page in reader.pages)), reader.metadata.title


def shows(text: str, phrase: str) -> bool:
    """Whether the squeezed text holds each word of the phrase, either way round: a
    right-to-left run may come out backwards, its words in visual order."""
    words = re.split(r"[\s\u200c]+", phrase)  # a Persian word's parts are runs of their own
    return all(squeezed(w) in text or squeezed(w)[::-1] in text for w in words if w)


@pytest.mark.parametrize("code", shipped_languages())
def test_it_renders_in_every_writer_and_every_language(cv: CV, code: str) -> None:
    table = load_words(code)
    new_headings = [table(f"sections.{name}") for name in ("administration", "certifications")]
    new_headings += [table("sections.memberships"), table("grant_kinds.internal")]
    for target in PDF_WRITERS:
        text, title = pdf_text(render(cv, target, words=table))
        # pypdf splits Persian words joined by a ZWNJ unpredictably in Typst's PDFs: there the
        # name is checked, and Persian headings in the TeX PDF and the other writers
        phrases = [FULL_NAME] if (code, target) == ("fa", "typst") else [*new_headings, FULL_NAME]
        assert [p for p in phrases if not shows(text, p)] == [], target
        assert "Helena Marković" in title and "MD, PhD" in title  # in the language's order
    for target in OTHER_WRITERS:
        assert render(cv, target, words=table)


def test_the_new_items_are_in_the_pdf_the_page_and_the_word_file(cv: CV) -> None:
    pdf, _ = pdf_text(render(cv, "pdf"))
    page = parse(render(cv, "html"))
    html = visible_text(page)
    docx = "\n".join(p.text for p in paragraphs(read(render(cv, "docx"))))
    for phrase in NEW_ITEMS:
        assert squeezed(phrase) in pdf, phrase
        assert phrase.replace(" ", "") in html.replace(" ", "").replace("\u00a0", ""), phrase
        assert phrase.replace(" ", "") in docx.replace(" ", "").replace("\u00a0", ""), phrase


def test_the_header_places_title_and_post_nominals_in_every_writer(cv: CV) -> None:
    page = parse(render(cv, "html"))
    heading = page.find("h1")
    assert " ".join(visible_text(heading).split()) == FULL_NAME
    assert [s.get("class") for s in heading.iter("span")] == ["honorific", "postnominals"]
    tex = render(cv, "latex")
    assert r"\cvname{\cvhonorific{Prof.}Helena Marković\cvpostnominals{MD, PhD}}" in tex
    assert r"pdftitle={Curriculum Vitae: Prof. Helena Marković, MD, PhD}" in tex
    doc = read(render(cv, "docx"))
    title = next(p for p in paragraphs(doc) if p.style.name == "Title")
    assert title.text == FULL_NAME and FULL_NAME in doc.core_properties.title
    for target in PDF_WRITERS:
        reader = pypdf.PdfReader(io.BytesIO(render(cv, target)))
        first = squeezed(reader.pages[0].extract_text())
        assert squeezed(FULL_NAME) in first, target
        assert reader.metadata.author == "Helena Marković"  # the author is the name alone
    tree = json.loads(render(cv, "document"))["header"]
    assert (tree["title"], tree["name"], tree["postnominals"]) == (
        "Prof.",
        "Helena Marković",
        "MD, PhD",
    )


def test_the_bio_states_directorship_deanship_doctorates_and_counts(cv: CV) -> None:
    for limit in (150, 400):
        bio = generate(cv, words=limit)
        assert "Prof. Helena Marković, MD, PhD, is Professor of Neurology" in bio
        assert "serves as Director of the Lakeshore Brain Institute" in bio
        assert "previously served as Dean of the School of Medicine (2012–2018)" in bio
        assert re.search(r"\bMD\b", bio) and re.search(r"\bPhD\b", bio)
        assert "supervised 24 PhD, 31 MSc and 40 undergraduate students" in bio
        assert "mentored nine postdoctoral researchers" in bio
        assert "to completion" not in bio  # stated totals, not completions
        assert "Stroke Outcomes" not in bio and "Pilot Study" not in bio  # declined, internal


def test_the_bio_says_a_degree_is_expected(cv: CV) -> None:
    degree = cv.data.education[0].model_copy(update={"degree": "PhD", "field": "Neuroscience"})
    student = cv.data.model_copy(
        update={"education": [degree], "appointments": [], "student_counts": None, "students": []}
    )
    bio = generate(cv.model_copy(update={"data": student}))
    assert "is completing a PhD in Neuroscience at the Northbridge School of Economics" in bio
    assert "expected in 2030" in bio


def test_filter_sections_lists_the_new_sections() -> None:
    args = ["filter", *ARGS, "--sections", "administration,certifications,memberships"]
    result = CliRunner().invoke(main, [*args, "--format", "markdown"])
    assert result.exit_code == 0, result.output
    headings = [line for line in result.output.splitlines() if line.startswith("# ")]
    assert headings == [
        "# Administrative and Leadership Positions",
        "# Certifications and Licences",
        "# Professional Memberships",
    ]
    data = CliRunner().invoke(main, [*args, "--format", "json"])
    exported = json.loads(data.output)
    assert list(exported) == ["administration", "certifications", "memberships"]
    assert exported["administration"][0]["kind"] == "administrative"
    assert exported["certifications"][0]["identifier"]
    assert {m["organization"] for m in exported["memberships"]} >= {"World Stroke Organization"}
