"""The Typst engine: the example's content and furniture, and data that cannot become markup.

Typst reads the document tree as JSON and only places its strings as text, so strings that
are Typst (or TeX) syntax must print literally and change nothing of the layout: the same
bookmarks, the same page size, no error.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from cvgen.compose import compose
from cvgen.errors import CvgenError
from cvgen.model import CV, Metrics
from cvgen.themes import load_theme
from cvgen.util.dates import Date
from cvgen.writers import WriteOptions
from cvgen.writers.typst import writer
from cvgen.writers.typst.writer import TypstSource, page_of_parts
from tests.support.hostile import ATTACKS, flood
from tests.support.pdf_layout import TOLERANCE, ink, layout, margins
from tests.support.pdf_text import pdf_text, squeeze
from tests.support.rendering import render

A4 = (595.28, 841.89)
TYPST_ATTACKS = [
    '#panic("injected")',
    '#set page(width: 3cm) #read("/etc/passwd")',
    "*not bold* _not italic_ `raw` $x^2$",
    '#import "@preview/x:0.1.0": *',
    "] [#h(1fr)] [",
    "// comment /* open",
    "<label> @ref = heading \\u{41}",
    '")#panic("x")#("',
]


@pytest.fixture(scope="module")
def example_typst(example_cv: CV) -> bytes:
    return render(example_cv, "typst")


def test_example_shows_every_title_heading_and_page_number(
    example_cv: CV, example_typst: bytes
) -> None:
    text = squeeze(pdf_text(example_typst))
    assert [p.title for p in example_cv.publications if squeeze(p.title) not in text] == []
    headings = [section.heading for section in compose(example_cv).sections]
    assert [h for h in headings if squeeze(h) not in text] == []
    reader = pypdf.PdfReader(io.BytesIO(example_typst))
    assert reader.metadata.title == "Curriculum Vitae: Dr Miriam Adler-Katz, FIMA"
    assert reader.metadata.author == "Miriam Adler-Katz"
    pages = len(reader.pages)
    assert f"Page 1 of {pages}" in reader.pages[0].extract_text()
    assert f"Page {pages} of {pages}" in reader.pages[-1].extract_text()
    assert "Miriam Adler-Katz\u2009·\u2009Curriculum Vitae" in reader.pages[-1].extract_text()


def test_example_keeps_its_marks_totals_and_links(example_typst: bytes) -> None:
    text = pdf_text(example_typst)
    assert "£2,047,400" in text and "€1,497,500" in text  # the grants' totals
    assert "Bold: Miriam Adler-Katz" in text  # the legend
    reader = pypdf.PdfReader(io.BytesIO(example_typst))
    uris = {
        annot.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/A")
    }
    assert "https://orcid.org/0000-0002-7134-5861" in uris
    assert any(uri and uri.startswith("https://doi.org/") for uri in uris)
    fonts = {
        font["/BaseFont"]
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
        for font in [font.get_object()]
    }
    assert any("Bold" in name for name in fonts)  # the owner's name


def test_footer_fields() -> None:
    assert page_of_parts("Page {page} of {pages}") == [
        {"text": "Page "},
        {"field": "page"},
        {"text": " of "},
        {"field": "pages"},
    ]
    assert page_of_parts("{page}/{pages}") == [{"field": "page"}, {"text": "/"}, {"field": "pages"}]


def test_hostile_text_prints_literally_and_changes_no_structure(small_cv: CV) -> None:
    texts = TYPST_ATTACKS + ATTACKS + [f"{attack} ({n})" for n, attack in enumerate(ATTACKS)]
    pdf = render(flood(small_cv, texts), "typst")
    shown = squeeze(pdf_text(pdf))
    assert [t for t in texts if squeeze(t) not in shown] == []
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    plain = pypdf.PdfReader(io.BytesIO(render(small_cv, "typst")))
    assert [o.title for o in reader.outline] == [o.title for o in plain.outline]
    sizes = {
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in reader.pages
    }
    assert sizes == {A4}


def test_threads_typesetting_at_once_get_the_same_pdf(small_cv: CV) -> None:
    """`cvgen build` typesets its outputs in threads, each in its own confined child."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=3) as pool:
        pdfs = list(pool.map(lambda _: render(small_cv, "typst"), range(3)))
    assert pdfs[0] == pdfs[1] == pdfs[2] and pdfs[0].startswith(b"%PDF")


def test_the_pages_as_images_are_the_pdfs_pages(small_cv: CV) -> None:
    """cvgen serve's preview: one SVG per page of the PDF, from the same confined child."""
    document = compose(small_cv)
    pages = writer.typst_pages(document, WriteOptions())
    pdf = pypdf.PdfReader(io.BytesIO(writer.typeset_typst(document, WriteOptions())))
    assert len(pages) == len(pdf.pages) and all(p.startswith(b"<svg") for p in pages)


def test_a_character_no_font_has_still_typesets_tagged(small_cv: CV) -> None:
    # PDF/UA-1 refuses a glyph no font has; the CV is typeset tagged without that claim.
    person = small_cv.data.person.model_copy(update={"position": "Physicist 👩\u200d🔬"})
    cv = small_cv.model_copy(update={"data": small_cv.data.model_copy(update={"person": person})})
    reader = pypdf.PdfReader(io.BytesIO(render(cv, "typst")))
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    assert "Physicist" in reader.pages[0].extract_text()


# --- every theme, every design setting: the Typst PDF follows them as the TeX one does ---------

THEME_FONTS = {
    "classic": "NewCM10",
    "modern": "LMSans10",
    "compact": "TeXGyreTermes",
    "grant": "TeXGyrePagella",
}


def _fonts(pdf: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return {
        str(font["/BaseFont"]).split("+", 1)[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }


def _word(found, text: str):
    return next(word for word in found.words if word.text == text)


@pytest.mark.parametrize("theme", THEME_FONTS)
def test_each_theme_sets_its_own_family_and_page(small_cv: CV, theme: str) -> None:
    pdf = render(small_cv, "typst", theme=load_theme(theme))
    assert any(font.startswith(THEME_FONTS[theme]) for font in _fonts(pdf)), _fonts(pdf)
    found = layout(pdf)
    left, _ = margins("typst", load_theme(theme))
    assert min(word.x0 for word in found.words) == pytest.approx(left, abs=TOLERANCE)


@pytest.mark.parametrize(("theme", "dates_first"), [("classic", False), ("modern", True),
                                                    ("grant", True)])  # fmt: skip
def test_the_dates_stand_where_the_theme_puts_them(small_cv: CV, theme: str, dates_first: bool):
    found = layout(render(small_cv, "typst", theme=load_theme(theme)))
    degree = _word(found, "PhD")  # the first degree's title, and its dates on its line
    dates = [w for w in found.words if w.page == degree.page and abs(w.top - degree.top) < 3
             and w.text[:1].isdigit()]  # fmt: skip
    assert dates and all((w.x1 < degree.x0) == dates_first for w in dates)


def test_numbered_sections_accent_size_and_date_reach_typst(small_cv: CV) -> None:
    plain = render(small_cv, "typst")
    styled = render(
        small_cv,
        "typst",
        accent="#c00000",
        font_size=12,
        numbered_sections=True,
        as_of=Date(2026, 11),
    )
    text = squeeze(pdf_text(styled))
    assert "1.ResearchInterests" in text and "2.Education" in text
    assert "UpdatedNovember2026" in text  # in the footer
    name = _word(layout(styled), "Jonas")
    red, green, blue = ink(styled, name)
    assert red > 150 and green < 60 and blue < 60  # the accent, not the theme's blue
    assert _word(layout(styled), "PhD").bottom - _word(layout(styled), "PhD").top > (
        _word(layout(plain), "PhD").bottom - _word(layout(plain), "PhD").top
    )  # 12 pt, not the theme's 11


def test_the_grant_theme_is_black_only(small_cv: CV) -> None:
    pdf = render(small_cv, "typst", theme=load_theme("grant"))
    found = layout(pdf)
    for text in ("Jonas", "Education"):
        assert max(ink(pdf, _word(found, text))) < 60, text


def test_citation_metrics_under_the_header(small_cv: CV) -> None:
    metrics = Metrics(source="OpenAlex", fetched="2026-11-20", citations=12345, h_index=45)
    pdf = render(small_cv, "typst", metrics=metrics, metrics_header=True)
    first_page = squeeze(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert "12,345" in first_page and "45" in first_page and "OpenAlex" in first_page


def test_a_template_that_reads_its_data_otherwise_cannot_be_kept(tmp_path: Path) -> None:
    template = tmp_path / "typst.typ"
    template.write_text('#let data = json("mine.json")\n', encoding="utf-8")
    with pytest.raises(CvgenError, match="cannot be kept to compile on its own"):
        TypstSource(template, "{}").files(tmp_path / "cv.pdf")
