"""The tree as a list (writers/lists.py): plain text, Markdown, HTML and LaTeX fragments."""

from __future__ import annotations

from cvgen.document import Entry, Link, Span
from cvgen.model import CV
from cvgen.writers import WriteOptions
from cvgen.writers.lists import (
    MARKDOWN,
    TEXT,
    Markdown,
    Text,
    entry_line,
    md_escape,
    numbered,
    render,
)
from tests.support.rendering import document

ENTRY = Entry(
    title=[Span("Deep rivers")],
    qualifiers=[Span("ERC")],
    when="2020 – 2025",
    details=[[Span("A sentence.")]],
    annotation=[Span("Oral.")],
    links=[Link("DOI", "https://doi.org/10.1234/x", "doi")],
)


def test_an_entry_on_one_line_title_qualifiers_when_details_annotation_links() -> None:
    spans = entry_line(ENTRY)
    assert "".join(s.text for s in spans) == (
        "Deep rivers, ERC, 2020 – 2025. A sentence. Oral. DOI"
    )
    assert spans[0].bold and spans[-1].href == "https://doi.org/10.1234/x"
    assert not entry_line(ENTRY, emphasise_title=False)[0].bold


def test_text_spells_links_out_and_numbers_entries() -> None:
    assert Text().spans(entry_line(ENTRY)).endswith("Oral. DOI <https://doi.org/10.1234/x>")
    assert numbered(3, "x") == "[3] x" and numbered(None, "x") == "x"
    assert Text().heading("Grants", 2) == "Grants\n------"


def test_markdown_escapes_what_it_would_read_as_markup() -> None:
    assert md_escape("a*b_[c]<d> #1 $5 & ~") == r"a\*b\_\[c\]\<d\> \#1 \$5 \& \~"
    assert Markdown().spans([Span("x_y", bold=True)]) == r"**x\_y**"


def test_every_section_is_a_heading_and_every_entry_a_line(small_cv: CV) -> None:
    tree = document(small_cv)
    text = render(tree, Text())
    assert all(f"{s.title}\n" in text for s in tree.sections)
    assert TEXT.write(tree, WriteOptions()) == text
    markdown = MARKDOWN.write(tree, WriteOptions())
    assert all(f"# {s.title}" in markdown for s in tree.sections)
