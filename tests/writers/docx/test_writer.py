"""The Word writer (writers/docx/writer.py): read back with python-docx, the .docx has the tree's
structure in Word's terms. Headings in Word's heading styles, publications as numbered
paragraphs showing the tree's numbers, marks as run styles, grants as a table, links as
hyperlinks, and a reference document's styles and page."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import RGBColor

from cvgen.compose import Settings, compose
from cvgen.document import Document, Group, plain_text
from cvgen.formats import get_format
from cvgen.model import CV
from cvgen.themes import load_theme
from cvgen.util.urls import safe_href
from cvgen.words import Words, load_words
from cvgen.writers import WriteOptions
from cvgen.writers.docx.styles import PROPERTY_ORDER
from cvgen.writers.docx.writer import WRITER
from tests.support.paths import DATA
from tests.support.rendering import document, render
from tests.support.word_doc import (
    footer_text,
    heading_level,
    looks,
    num_id,
    paragraphs,
    read,
    reference_docx,
    runs,
    shown_numbers,
    text,
)

EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC
SMALL = DATA / "small"


@pytest.fixture(scope="module")
def example_docx(example_cv: CV):
    return compose(example_cv), read(render(example_cv, "docx"))


def _reference_groups(document: Document) -> list[Group]:
    return [g for s in document.sections for g in s.groups if g.layout == "references"]


def _tables(document: Document) -> list[Group]:
    return [g for s in document.sections for g in s.groups if g.layout == "table"]


def _headings(group: Group, level: int) -> list[tuple[str, int]]:
    own = [(group.heading, level)] if group.heading else []
    return own + [h for sub in group.groups for h in _headings(sub, level + 1)]


def test_every_heading_is_in_a_word_heading_style_in_order(example_docx) -> None:
    document, doc = example_docx
    expected = [(document.header.name, 0)]
    for section in document.sections:
        expected.append((section.heading, 1))
        for group in section.groups:
            expected += [(text_, min(level, 3)) for text_, level in _headings(group, 2)]
    found = [(p.text, heading_level(p)) for p in paragraphs(doc) if heading_level(p) is not None]
    assert found == expected
    outline = doc.styles["Heading 1"].element.pPr.find(qn("w:outlineLvl"))
    assert outline.get(qn("w:val")) == "0"  # the navigation pane and contents list it


@pytest.mark.parametrize(
    ("numbering", "reverse"),
    [("per-type", False), ("continuous", False), ("per-type", True), ("none", False)],
)
def test_publications_are_numbered_paragraphs_showing_the_tree_numbers(
    example_cv: CV, numbering: str, reverse: bool
) -> None:
    document = compose(example_cv, Settings(numbering=numbering, reverse=reverse))  # type: ignore[arg-type]
    doc = read(WRITER.write(document, WriteOptions()))
    entries = [e for g in _reference_groups(document) for e in g.entries]
    listed = [p for p in paragraphs(doc) if p.style.name == "CV Publication"]
    assert [p.text.startswith(plain_text(e.title)) for p, e in zip(listed, entries, strict=True)]
    shown = {p._p: n for p, n in shown_numbers(doc)}
    for paragraph, entry in zip(listed, entries, strict=True):
        assert (num_id(paragraph) is not None) == (entry.number is not None), entry.key
        assert shown.get(paragraph._p) == entry.number, entry.key
    if numbering == "none":
        assert all(num_id(p) is None for p in listed)


def test_marks_are_bold_underlined_and_superscript_runs(example_docx) -> None:
    document, doc = example_docx
    listed = [p for p in paragraphs(doc) if p.style.name == "CV Publication"]
    entries = [e for g in _reference_groups(document) for e in g.entries]
    seen = {"self": 0, "student": 0, "equal": 0}
    looks_of = {"self": "bold", "student": "underline", "equal": "superscript"}
    for paragraph, entry in zip(listed, entries, strict=True):
        by_text: dict[str, list] = {}
        for run in runs(paragraph):
            by_text.setdefault(run.text, []).append(run)
        for span in entry.title:
            if span.mark:
                found = by_text[span.text]
                assert any(looks(run, looks_of[span.mark]) for run in found), (entry.key, span)
                seen[span.mark] += 1
        unmarked = [r for r in runs(paragraph) if r.style.name == "Default Paragraph Font"]
        assert not any(looks(run, "underline") for run in unmarked), entry.key
    assert all(seen.values()), seen
    assert doc.styles["CV Own Name"].font.bold and doc.styles["CV Student"].font.underline


def test_the_grants_are_a_table_with_their_columns_rows_and_totals(example_docx) -> None:
    document, doc = example_docx
    groups = _tables(document)
    assert len(doc.tables) == len(groups)
    for table, group in zip(doc.tables, groups, strict=True):
        rows = table._tbl.tr_lst
        assert len(rows) == 1 + len(group.entries) + len(group.totals)
        assert [c.text for c in table.rows[0].cells] == group.columns
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None  # repeats on every page
        entry_rows = table.rows[1 : 1 + len(group.entries)]
        for row, entry in zip(entry_rows, group.entries, strict=True):
            assert row.cells[0].paragraphs[0].text == plain_text(entry.title)
            assert [c.text for c in row.cells[1:-1]] == [plain_text(c) for c in entry.cells]
            assert row.cells[-1].text == (entry.when or "")
        amount = len(group.columns) - 2
        for row, total in zip(table.rows[1 + len(group.entries) :], group.totals, strict=True):
            assert row.cells[0].text == (total.label or "")
            assert row.cells[amount].text == total.amount
            assert all(looks(run, "bold") for run in row.cells[amount].paragraphs[0].runs)


def test_every_entry_title_is_in_the_document(example_docx) -> None:
    document, doc = example_docx
    body = text(doc)
    for entry in document.all_entries():
        assert plain_text(entry.title) in body, entry.id


def test_links_are_hyperlinks_to_safe_targets(example_docx) -> None:
    document, doc = example_docx
    targets = {
        rel.target_ref for rel in doc.part.rels.values() if rel.reltype.endswith("/hyperlink")
    }
    wanted = {safe_href(link.href) for e in document.all_entries() for link in e.links}
    assert wanted <= targets
    assert all(safe_href(target) == target for target in targets)
    hyperlinks = [h for p in paragraphs(doc) for h in p.hyperlinks]
    assert {h.url for h in hyperlinks} == targets
    assert all(not looks(run, "underline") for h in hyperlinks for run in h.runs)


def test_document_properties_and_page_furniture(example_cv: CV, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    document = compose(example_cv)
    data = WRITER.write(document, WriteOptions())
    doc = read(data)
    core, meta = doc.core_properties, document.meta
    assert (core.title, core.author, core.subject) == (meta.title, meta.author, meta.subject)
    assert core.language == meta.lang and core.keywords.startswith(meta.keywords[0])
    assert core.created == core.modified == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    footer = doc.sections[0].footer.paragraphs[0]
    fields = [f.get(qn("w:instr")).strip() for f in footer._p.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert footer_text(doc).startswith(f"{meta.author} · {document.furniture['curriculum_vitae']}")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        assert {info.date_time for info in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert "docProps/thumbnail.jpeg" not in names and "docProps/app.xml" not in names


@pytest.mark.parametrize(("paper", "width_mm"), [(None, 210), ("a4", 210), ("letter", 215.9)])
def test_the_paper_size(small_cv: CV, paper: str | None, width_mm: float) -> None:
    doc = read(render(small_cv, "docx", paper=paper))
    assert round(doc.sections[0].page_width.mm, 1) == width_mm


def test_right_to_left_documents_have_right_to_left_paragraphs(small_cv: CV) -> None:
    words = Words({**load_words().table, "direction": "rtl", "language": "he"})
    hebrew = small_cv.model_copy(
        update={"data": small_cv.data.model_copy(update={"research_statement": "שלום עולם"})}
    )
    doc = read(render(hebrew, "docx", words=words))
    body = list(paragraphs(doc))
    assert body and all(p._p.pPr.find(qn("w:bidi")) is not None for p in body)
    assert doc.sections[0]._sectPr.find(qn("w:bidi")) is not None
    assert all(t._tbl.tblPr.find(qn("w:bidiVisual")) is not None for t in doc.tables)
    hebrew_runs = [r for p in body for r in runs(p) if "שלום" in r.text]
    assert hebrew_runs and all(r.font.rtl for r in hebrew_runs)
    lang = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:bidi")) == "he"


def test_text_word_cannot_hold_is_dropped_not_fatal(small_cv: CV) -> None:
    position = "Chair\x00 of\x07 Tabs\tand\nlines"
    person = small_cv.data.person.model_copy(update={"position": position})
    cv = small_cv.model_copy(update={"data": small_cv.data.model_copy(update={"person": person})})
    doc = read(render(cv, "docx"))
    assert any(p.text == "Chair of Tabs and lines" for p in paragraphs(doc))


# --- themes ---------------------------------------------------------------------------------


# --- reference documents --------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_a_reference_document_gives_its_styles_page_and_header(
    small_cv: CV, tmp_path: Path, suffix: str
) -> None:
    reference = reference_docx(tmp_path / f"ref{suffix}", template=suffix == ".dotx")
    doc = read(render(small_cv, "docx", reference_docx=str(reference)))
    assert doc.styles["Heading 1"].font.name == "Courier New"
    assert doc.styles["Heading 1"].font.color.rgb == RGBColor(0x80, 0, 0)
    assert "TEMPLATE BODY TEXT" not in text(doc)
    assert doc.sections[0].header.paragraphs[0].text == "Institute letterhead"
    assert round(doc.sections[0].page_width.inches, 1) == 8.5  # python-docx's letter page
    assert "CV Entry" in doc.styles and doc.styles["CV Entry"].font.name is None
    assert "PAGE" in doc.sections[0].footer._element.xml  # it had no footer: cvgen's


def test_a_reference_documents_footer_is_kept_and_paper_can_be_asked(small_cv, tmp_path):
    reference = reference_docx(tmp_path / "ref.docx", footer="Institution footer")
    doc = read(render(small_cv, "docx", reference_docx=str(reference), paper="a4"))
    assert footer_text(doc) == "Institution footer"
    assert round(doc.sections[0].page_width.mm) == 210


# --- commands -------------------------------------------------------------------------------


def _property_elements(data: bytes):
    """Every property element (w:pPr, w:rPr, w:tblPr, w:tcPr, w:sectPr) of every XML part."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(package.read(name))
                for tag in PROPERTY_ORDER:
                    for node in root.iter(qn(f"w:{tag}")):
                        yield name, tag, node


@pytest.mark.parametrize("rtl", [False, True])
def test_properties_are_in_the_order_word_requires(example_cv: CV, tmp_path: Path, rtl) -> None:
    """Word refuses a file whose property elements are out of the schema's order."""
    words = Words({**load_words().table, "direction": "rtl" if rtl else "ltr"})
    checked = 0
    for reference in (None, str(reference_docx(tmp_path / "ref.docx"))):
        data = render(example_cv, "docx", words=words, reference_docx=reference)
        for part, tag, node in _property_elements(data):
            names = [child.tag.split("}")[1] for child in node if child.tag.startswith("{http")]
            names = [n for n in names if n not in ("headerReference", "footerReference")]
            order = PROPERTY_ORDER[tag]
            assert set(names) <= set(order), (part, tag, names)
            places = [order.index(name) for name in names]
            assert places == sorted(set(places)), (part, tag, names)
            checked += 1
    assert checked > 1000


def test_ranges_and_identifiers_stay_on_one_line(small_cv: CV) -> None:
    # A new user's Word CV broke "S. 12– / 19" and "0000-0003-4561- / 2871" across lines.
    doc = read(render(small_cv, "docx"))
    texts = [run.text for paragraph in paragraphs(doc) for run in runs(paragraph)]
    assert any("100–\u2060110" in text for text in texts)  # pp. 100–110: no break after the dash
    orcid = next(text for text in texts if "1825" in text)
    assert orcid == "0000\u20110002\u20111825\u20110097"  # no-break hyphens


@pytest.mark.parametrize(
    ("theme", "font", "size"),
    [("classic", "Cambria", 10.5), ("modern", "Calibri", 10.5), ("compact", "Times New Roman", 9.5),
     ("grant", "Palatino Linotype", 11)],
)  # fmt: skip
def test_each_theme_has_its_own_word_look(small_cv: CV, theme: str, font: str, size: float):
    doc = read(render(small_cv, "docx", theme=load_theme(theme)))
    normal = doc.styles["Normal"].font
    assert (normal.name, normal.size.pt) == (font, size)
    note, link = (doc.styles[name].font.color.rgb for name in ("CV Note", "Hyperlink"))
    assert note != link or theme == "grant"  # a note is not a link (grant: all black)


def test_the_table_s_word_writer_writes_the_tree(small_cv: CV) -> None:
    assert get_format("docx").load() is WRITER
    doc = read(WRITER.write(document(small_cv), WriteOptions()))
    title = next(p for p in paragraphs(doc) if p.text)
    assert (heading_level(title), title.text) == (0, "Jonas Åberg")
