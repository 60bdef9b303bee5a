"""The one walk: every writer sets every layout, in the walk's order, or says which it lacks.

A small CV holds every layout, nested groups, two table groups that share a table and a table
group with sub-groups; every writer of the table of formats writes it (LaTeX compiled by
pdfLaTeX, Typst by Typst, HTML parsed, Word read back), and each of its words must reach the
output.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import get_args

import pytest

from cvgen.document import Document, Entry, Group, Layout, Section, Span, Total
from cvgen.errors import CvgenError
from cvgen.formats import FORMATS
from cvgen.model import CV
from cvgen.writers import WriteOptions
from cvgen.writers.latex.body import LatexBody
from cvgen.writers.walk import Walk, runs
from tests.support.html_doc import parse, visible_text
from tests.support.pdf_text import pdf_text, squeeze
from tests.support.rendering import document
from tests.support.word_doc import heading_level, paragraphs, read
from tests.support.word_doc import text as word_text

# Writers that set no tree themselves: they hand it to another writer, or write it as data.
NOT_WALKS = {
    "pdf": "typesets the LaTeX or Typst writer's output, or the HTML writer's",
    "weasyprint": "prints the HTML writer's page",
    "document": "the tree as JSON data",
}
LAYOUTS = get_args(Layout)
# Every writer of the table of formats: each document and listing format's, and the listing
# writers of document formats ("html-listing": `cvgen filter --format html`).
WRITERS = {
    **{name: (form, False) for name, form in FORMATS.items() if not form.is_export},
    **{f"{name}-listing": (form, True) for name, form in FORMATS.items() if form.listing},
}


def get_writer(name: str):
    form, listing = WRITERS[name]
    return form.load(listing=listing)


def entry(word: str, **fields) -> Entry:
    return Entry([Span(word)], **fields)


def table(heading: str, words: list[str], **fields) -> Group:
    cells = [[Span("PI")], [Span("£100")]]
    rows = [entry(word, cells=cells, when="2020") for word in words]
    columns = ["Project", "Role", "Amount", "Period"]
    return Group(heading, rows, "table", columns=columns, totals=[Total("Total", "£300")], **fields)


def section(name: str, groups: list[Group], **fields) -> Section:
    return Section(name, name, name.capitalize(), groups, **fields)


DOCTORAL = Group("Doctoral", [entry("Axolotl", when="2021 – 2025", qualifiers=[Span("Basel")])])
MASTERS = Group("Masters", [entry("Pangolin", when="2024", details=[[Span("Tapir")]])])
LEGEND = [[Span("Wombat", bold=True), Span(" means a student")]]
PUBLICATIONS = [entry("Jerboa", number=2), entry("Kinkajou", number=1)]
SECTIONS = [
    section("statement", [
        Group(None, [entry("Quokka")], "paragraphs"),
        Group(None, [entry("Narwhal"), entry("Okapi")], "bullets"),
    ]),
    section("students", [Group("Current", groups=[DOCTORAL, MASTERS])], legend=LEGEND),
    section("grants", [
        table("Competitive", ["Caracal", "Dugong"]),
        table("Industry", ["Echidna"]),
    ]),
    section("mixed", [
        Group("Dated first", [entry("Gharial", when="2019")]),
        table("Lone table", ["Hoatzin"], groups=[Group("Below", [entry("Ibex", when="2018")])]),
    ]),
    section("publications", [
        Group("Numbered", PUBLICATIONS, "references"),
        Group("Plain", [entry("Lemur")], "references"),
    ]),
]  # fmt: skip
WORDS = [
    "Quokka", "Narwhal", "Okapi", "Axolotl", "Pangolin", "Tapir", "Wombat", "Caracal", "Dugong",
    "Echidna", "Gharial", "Hoatzin", "Ibex", "Jerboa", "Kinkajou", "Lemur", "Current",
    "Doctoral", "Masters", "Competitive", "Industry", "Lone table", "Below", "Numbered",
]  # fmt: skip


@pytest.fixture(scope="module")
def every_layout(small_cv: CV) -> Document:
    return replace(document(small_cv), sections=SECTIONS)


def test_the_test_cv_holds_every_layout() -> None:
    def layouts(groups: list[Group]) -> set[str]:
        return {g.layout for g in groups if g.entries} | {
            layout for g in groups for layout in layouts(g.groups)
        }

    assert layouts([g for s in SECTIONS for g in s.groups]) == set(LAYOUTS)


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_registered_writer_has_a_method_for_every_layout(name: str) -> None:
    writer = get_writer(name)
    if name in NOT_WALKS:
        assert not hasattr(writer, "walk")
        return
    walk = writer.walk
    assert issubclass(walk, Walk)
    missing = [layout for layout in LAYOUTS if not callable(getattr(walk, f"visit_{layout}", None))]
    assert missing == [], f"the {name} writer has no method for {missing}"
    assert walk.layouts() == LAYOUTS


def _written_text(name: str, data: str | bytes) -> str:
    if name == "docx":
        return word_text(read(data))
    if isinstance(data, bytes):
        return pdf_text(data)
    return visible_text(parse(data)) if name == "html" else data


WRITE_OPTIONS = {"pdf": WriteOptions(engine="pdflatex"), "weasyprint": WriteOptions()}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_registered_writer_writes_every_layout(name: str, every_layout: Document) -> None:
    data = get_writer(name).write(every_layout, WRITE_OPTIONS.get(name, WriteOptions()))
    text = squeeze(_written_text(name, data)).casefold()  # headings may be set in capitals
    missing = [word for word in WORDS if squeeze(word).casefold() not in text]
    assert missing == [], f"the {name} writer left out {missing}"


def test_the_page_sets_each_layout_in_its_template(every_layout: Document) -> None:
    page = parse(get_writer("html").write(every_layout, WriteOptions()))
    sections = {s.get("id"): s for s in page.iter("section")}
    students = sections["students"]
    assert [h.text() for h in students.iter("h3")] == ["Current"]
    assert [h.text() for h in students.iter("h4")] == ["Doctoral", "Masters"]
    assert len(list(students.iter("ol", "entries"))) == 2
    assert students.find("p", "legend") is not None
    assert [len(list(t.iter("tr"))) for t in page.iter("table", "grants")] == [4, 3, 3]
    assert [li.get("value") for li in sections["publications"].iter("li")] == ["2", "1", None]
    assert len(list(sections["statement"].iter("p", "statement"))) == 1
    assert len(list(sections["statement"].find("ul", "interests").iter("li"))) == 2
    mixed = [h.text() for h in sections["mixed"].iter() if h.tag in ("h3", "h4")]
    assert mixed == ["Dated first", "Lone table", "Below"]


def _with_templates(folder, templates: dict[str, str]) -> WriteOptions:
    """Options for a CV in `folder` whose templates/html/ holds `templates`."""
    for name, text in templates.items():
        path = folder / "templates" / "html" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return WriteOptions(source_dir=str(folder))


def test_a_users_part_templates_override_the_shipped_ones_in_the_sandbox(
    every_layout: Document, tmp_path
) -> None:
    html = get_writer("html")
    heading = '<h{{ level }} class="mine">{{ group.heading|upper }}</h{{ level }}>\n'
    options = _with_templates(tmp_path / "headings", {"heading.html": heading})
    page = parse(html.write(every_layout, options))
    assert [h.text() for h in page.iter("h4", "mine")] == ["DOCTORAL", "MASTERS", "BELOW"]
    section = '<section class="mine">{{ parts|length }}</section>\n'
    options = _with_templates(tmp_path / "sections", {"section.html": section})
    page = parse(html.write(every_layout, options))
    assert [s.text() for s in page.iter("section", "mine")] == ["2", "6", "4", "6", "4"]
    escape = "<ul>\n{{ cycler.__init__.__globals__.os }}\n</ul>\n"
    options = _with_templates(tmp_path / "escape", {"layouts/bullets.html": escape})
    with pytest.raises(CvgenError, match=r"bullets\.html:2: "):
        html.write(every_layout, options)


def test_word_sets_headings_at_their_level_and_a_table_per_group(every_layout: Document) -> None:
    doc = read(get_writer("docx").write(every_layout, WriteOptions()))
    levels = {p.text: heading_level(p) for p in paragraphs(doc) if heading_level(p)}
    assert (levels["Students"], levels["Current"], levels["Doctoral"]) == (1, 2, 3)
    assert (levels["Lone table"], levels["Below"]) == (2, 3)
    assert len(doc.tables) == 3
    # the two grants tables share their columns' widths
    widths = [[cell.width for cell in t.rows[0].cells] for t in doc.tables[:2]]
    assert widths[0] == widths[1]


def test_latex_sets_consecutive_table_groups_as_one_table(every_layout: Document) -> None:
    tex = get_writer("latex").write(every_layout, WriteOptions())
    grants = tex[tex.index(r"{Grants}") : tex.index(r"{Mixed}")]
    assert grants.count(r"\begin{cvgrants}") == 1
    assert [r"\cvgrantgroup{Competitive}" in grants, r"\cvgrantgroup{Industry}" in grants] == [
        True,
        True,
    ]
    mixed = tex[tex.index(r"{Mixed}") : tex.index(r"{Publications}")]
    # the sub-group of a table group follows its table
    assert mixed.index(r"\end{cvgrants}") < mixed.index(r"\cvgroup{Below}")
    body = tex[tex.index(r"\begin{document}") :]
    assert body.count(r"\Needspace") == 1  # the grants' heading kept with their table


# --- the walk itself ------------------------------------------------------------------------


class Recorder(Walk):
    name = "recorder"

    def __init__(self) -> None:
        self.events: list[str] = []

    def visit_section(self, section: Section) -> None:
        self.events.append(f"section {section.name}")

    def visit_legend(self, section: Section) -> None:
        self.events.append("legend")

    def visit_heading(self, group: Group) -> None:
        where = " in table" if self.table else ""
        self.events.append(f"heading {group.heading} at {self.level}{where}")

    def open_table(self, groups: list[Group]) -> None:
        self.events.append(f"open table of {len(groups)}")

    def close_table(self, groups: list[Group]) -> None:
        self.events.append("close table")

    def depart_section(self, section: Section) -> None:
        self.events.append("end")

    def visit_group(self, group: Group) -> None:
        self.events.append(f"{group.layout} {len(group.entries)}")

    visit_dated = visit_references = visit_table = visit_bullets = visit_paragraphs = visit_group


def test_the_walk_visits_in_order_with_the_level_and_the_open_table() -> None:
    recorder = Recorder()
    recorder.walk(SECTIONS[1:4])
    assert recorder.events == [
        "section students", "legend",
        "heading Current at 2", "heading Doctoral at 3", "dated 1", "heading Masters at 3",
        "dated 1", "end",
        "section grants", "open table of 2", "heading Competitive at 2 in table", "table 2",
        "heading Industry at 2 in table", "table 1", "close table", "end",
        "section mixed", "heading Dated first at 2", "dated 1",
        "open table of 1", "heading Lone table at 2 in table", "table 1", "close table",
        "heading Below at 3", "dated 1", "end",
    ]  # fmt: skip


def test_a_table_group_with_sub_groups_ends_its_table() -> None:
    first, second = table("A", ["x"]), table("B", ["y"])
    nested = table("N", ["z"], groups=[Group("Sub", [entry("w")])])
    dated = Group("D", [entry("v")])
    assert runs([first, second, nested, first, dated, second]) == [
        [first, second, nested],
        [first],
        [dated],
        [second],
    ]
    assert runs([nested, first]) == [[nested], [first]]


def test_a_writer_without_a_layout_says_which() -> None:
    class NoTables(Recorder):
        name = "tables-free"
        visit_table = None  # type: ignore[assignment]

    assert "table" not in NoTables.layouts()
    with pytest.raises(
        CvgenError, match=r"the tables-free writer cannot lay out a group as 'table'"
    ):
        NoTables().walk(SECTIONS[2:3])


def test_an_unknown_layout_is_an_error_not_a_dated_list() -> None:
    timeline = Section("t", "t", "T", [Group(None, [entry("x")], "timeline")])  # type: ignore[arg-type]
    with pytest.raises(CvgenError, match=r"the latex writer cannot lay out a group as 'timeline'"):
        LatexBody().walk([timeline])


def test_the_typst_template_stops_on_a_layout_it_lacks(every_layout: Document, monkeypatch) -> None:
    from cvgen.writers.typst import writer as typst_writer

    prepare = typst_writer.template_data

    def with_timeline(doc: Document, options: WriteOptions) -> dict:
        data = prepare(doc, options)
        data["sections"][0]["parts"][0]["layout"] = "timeline"
        return data

    monkeypatch.setattr(typst_writer, "template_data", with_timeline)
    with pytest.raises(CvgenError, match=r"no layout \"timeline\""):
        get_writer("typst").write(every_layout, WriteOptions())


def test_the_typst_data_has_each_part_in_its_layout(every_layout: Document) -> None:
    from cvgen.writers.typst.writer import template_data

    sections = json.loads(json.dumps(template_data(every_layout, WriteOptions())["sections"]))
    grants = sections[2]["parts"]
    assert [part["layout"] for part in grants] == ["table"]
    assert [g["heading"] for g in grants[0]["groups"]] == ["Competitive", "Industry"]
    students = sections[1]["parts"]
    assert [p.get("heading", p.get("layout")) for p in students] == [
        "Current", "Doctoral", "dated", "Masters", "dated"
    ]  # fmt: skip
    assert [p.get("level") for p in students] == [2, 3, None, 3, None]
