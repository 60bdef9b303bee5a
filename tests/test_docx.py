"""The Word writer: read back with python-docx, the .docx has the tree's structure in Word's terms.

Headings in Word's heading styles, publications as numbered paragraphs showing the tree's
numbers (per type, continuous, counting down, or none), marks as character styles, the grants
as a table with its totals, links as hyperlinks, document properties, page fields, paper,
right-to-left paragraphs, themes' Word styles and reference documents.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from rendering import render
from word_doc import (
    footer_text,
    heading_level,
    looks,
    num_id,
    outline,
    paragraphs,
    read,
    runs,
    shown_numbers,
    text,
)

from cvgen.cli import main
from cvgen.compose import Settings, compose
from cvgen.document import Document, Group, plain_text
from cvgen.errors import CvgenError
from cvgen.formats import get_format
from cvgen.model import CV
from cvgen.themes import load_theme
from cvgen.util.urls import safe_href
from cvgen.words import Words, load_words
from cvgen.writers import WriteOptions
from cvgen.writers.docx.styles import PROPERTY_ORDER
from cvgen.writers.docx.theme import word_theme
from cvgen.writers.docx.writer import word_theme_for

EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC
SMALL = Path(__file__).parent / "data" / "small"


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
    doc = read(get_format("docx").load().write(document, WriteOptions()))
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
    data = get_format("docx").load().write(document, WriteOptions())
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


def test_a_themes_word_block_restyles_the_document(small_cv: CV, tmp_path: Path):
    theme = tmp_path / "themes" / "moderncv"
    theme.mkdir(parents=True)
    (theme / "theme.yaml").write_text(
        "description: test\ncolours: {accent: '#aa3300'}\n"
        "word:\n  margins: {left: 3cm}\n"
        "  styles:\n    heading_1: {size: 16, font: Georgia, rule: false}\n"
        "    normal: {size: 11}\n",
        encoding="utf-8",
    )
    doc = read(render(small_cv, "docx", theme=load_theme("moderncv", tmp_path)))
    heading = doc.styles["Heading 1"]
    assert heading.font.size == Pt(16) and heading.font.name == "Georgia"
    assert heading.font.color.rgb == RGBColor(0xAA, 0x33, 0x00)  # the theme's accent
    assert heading.element.pPr.find(qn("w:pBdr")) is None
    assert doc.styles["Normal"].font.size == Pt(11)
    assert round(doc.sections[0].left_margin.cm, 1) == 3.0
    assert doc.styles["Heading 2"].font.size == Pt(11)  # classic's, where the theme is silent


def test_a_bad_word_block_names_the_file_line_and_field(tmp_path: Path) -> None:
    folder = tmp_path / "themes" / "x"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text(
        "description: x\nword:\n  styles:\n    heading_1:\n      size: big\n    titel: {}\n",
        encoding="utf-8",
    )
    with pytest.raises(CvgenError) as raised:
        load_theme("x", tmp_path)
    message = raised.value.format_message()
    assert f"{folder / 'theme.yaml'}:5: word.styles.heading_1.size" in message
    assert "did you mean 'title'" in message


def test_classic_is_the_theme_without_a_folder() -> None:
    assert word_theme_for(WriteOptions()).styles == word_theme().styles
    assert word_theme().colour("accent") == "#1c4d85"


# --- reference documents --------------------------------------------------------------------


def _reference(path: Path, *, footer: str | None = None, template: bool = False) -> Path:
    """A user's template: its own heading font and colour, a header, letter paper, a body."""
    doc = docx.Document()
    heading = doc.styles["Heading 1"]
    heading.font.name, heading.font.color.rgb = "Courier New", RGBColor(0x80, 0, 0)
    doc.add_paragraph("TEMPLATE BODY TEXT")
    doc.sections[0].header.paragraphs[0].text = "Institute letterhead"
    if footer:
        doc.sections[0].footer.paragraphs[0].text = footer
    doc.save(path)
    if template:  # the package of a .dotx: the same parts, another main content type
        data = path.read_bytes()
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                blob = src.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    blob = blob.replace(b"document.main+xml", b"template.main+xml")
                dst.writestr(info, blob)
        path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_a_reference_document_gives_its_styles_page_and_header(
    small_cv: CV, tmp_path: Path, suffix: str
) -> None:
    reference = _reference(tmp_path / f"ref{suffix}", template=suffix == ".dotx")
    doc = read(render(small_cv, "docx", reference_docx=str(reference)))
    assert doc.styles["Heading 1"].font.name == "Courier New"
    assert doc.styles["Heading 1"].font.color.rgb == RGBColor(0x80, 0, 0)
    assert "TEMPLATE BODY TEXT" not in text(doc)
    assert doc.sections[0].header.paragraphs[0].text == "Institute letterhead"
    assert round(doc.sections[0].page_width.inches, 1) == 8.5  # python-docx's letter page
    assert "CV Entry" in doc.styles and doc.styles["CV Entry"].font.name is None
    assert "PAGE" in doc.sections[0].footer._element.xml  # it had no footer: cvgen's


def test_a_reference_documents_footer_is_kept_and_paper_can_be_asked(small_cv, tmp_path):
    reference = _reference(tmp_path / "ref.docx", footer="Institution footer")
    doc = read(render(small_cv, "docx", reference_docx=str(reference), paper="a4"))
    assert footer_text(doc) == "Institution footer"
    assert round(doc.sections[0].page_width.mm) == 210


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip at all", "not a Word document"),
        (b"", "not a Word document"),
    ],
)
def test_a_bad_reference_document_is_a_clear_error(tmp_path: Path, content, message) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    out = tmp_path / "cv.docx"
    args = ["docx", "--reference-docx", str(bad), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_a_macro_enabled_reference_is_refused(tmp_path: Path) -> None:
    reference = _reference(tmp_path / "ref.docx")
    data = io.BytesIO()
    with zipfile.ZipFile(reference) as src, zipfile.ZipFile(data, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(
                    b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
                )
            dst.writestr(info, blob)
    macro = tmp_path / "ref.docm"
    macro.write_bytes(data.getvalue())
    result = CliRunner().invoke(main, ["docx", "--reference-docx", str(macro), "-o", "x.docx"])
    assert result.exit_code == 1 and "macro-enabled" in result.output


# --- commands -------------------------------------------------------------------------------


def test_cvgen_docx_writes_the_tailored_cv(small_sources, small_cv: CV, tmp_path: Path) -> None:
    out = tmp_path / "out" / "cv.docx"
    args = ["docx", "--cv", str(small_sources.cv), "--since", "2020", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    doc = read(out.read_bytes())
    assert doc.core_properties.author == "Jonas Åberg"
    listed = [p.text for p in paragraphs(doc) if p.style.name == "CV Publication"]
    recent = [pub for pub in small_cv.publications if pub.year is None or pub.year >= 2020]
    assert 0 < len(listed) == len(recent) < len(small_cv.publications)
    assert all(any(pub.title.rstrip(".") in line for line in listed) for pub in recent)


def test_cvgen_docx_refuses_to_overwrite_its_reference(small_sources, tmp_path: Path) -> None:
    reference = _reference(tmp_path / "ref.docx")
    before = reference.read_bytes()
    args = ["docx", "--cv", str(small_sources.cv), "--reference-docx", str(reference)]
    result = CliRunner().invoke(main, [*args, "-o", str(reference)])
    assert result.exit_code == 1 and "overwrite the reference document" in result.output
    assert reference.read_bytes() == before


def test_cvgen_bio_writes_word(small_sources, tmp_path: Path) -> None:
    out = tmp_path / "bio.docx"
    result = CliRunner().invoke(main, ["bio", "--cv", str(small_sources.cv), "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = read(out.read_bytes())
    body = [p.text for p in paragraphs(doc)]
    assert len(body) == 1 and body[0].startswith("Jonas Åberg")


@pytest.mark.parametrize("profile", ["nsf", "nih", "erc"])
def test_cvgen_bio_writes_word_sketches(example_sources, tmp_path: Path, profile: str) -> None:
    out = tmp_path / "sketch.docx"
    args = ["bio", "--cv", str(example_sources.cv), "--format", profile, "--truncate"]
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = read(out.read_bytes())
    levels = [heading_level(p) for p in paragraphs(doc)]
    assert levels[0] == 0 and levels.count(1) >= 3
    assert shown_numbers(doc) and shown_numbers(doc)[0][1] == 1
    assert doc.sections[0].page_width.mm == pytest.approx(215.9 if profile != "erc" else 210, 0.1)
    assert doc.styles["Normal"].font.name == "Arial"


def test_build_writes_word_outputs_and_rebuilds_when_the_reference_changes(tmp_path: Path):
    folder = tmp_path
    shutil.copy(SMALL / "publications.bib", folder / "publications.bib")
    _reference(folder / "template.docx")
    cv = folder / "cv.yaml"
    cv.write_text(
        (SMALL / "cv.yaml").read_text(encoding="utf-8")
        + "outputs:\n  - docx\n  - {format: bio, path: bio.docx}\n"
        + "  - {format: docx, path: inst.docx, reference_docx: template.docx}\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    args = ["build", "--cv", str(cv), "--out-dir", str(folder / "out")]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    inst = read((folder / "out" / "inst.docx").read_bytes())
    assert inst.sections[0].header.paragraphs[0].text == "Institute letterhead"
    assert round(inst.sections[0].page_width.inches, 1) == 8.5  # the reference's paper
    assert "up to date" in runner.invoke(main, args).output
    _reference(folder / "template.docx", footer="New footer")
    rebuilt = runner.invoke(main, args)
    assert "inst.docx  up to date" not in rebuilt.output, rebuilt.output
    assert "cv.docx  up to date" in rebuilt.output
    assert footer_text(read((folder / "out" / "inst.docx").read_bytes())) == "New footer"


def test_the_small_cv_in_word(small_cv: CV, golden) -> None:
    """The whole document as an outline: styles, numbers, looks, links, table cells."""
    golden("small.docx.txt", outline(read(render(small_cv, "docx"))))


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
    for reference in (None, str(_reference(tmp_path / "ref.docx"))):
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
