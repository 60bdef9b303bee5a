"""Collaboration papers (issue 27, class 10): a list of hundreds of authors is cut around the
researcher (design.max_authors), and no entry is ever cut by the page in any PDF engine, even
one longer than a page when every author is listed (max_authors: null)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvgen.build.presentation import name_style
from cvgen.compose.names import NameStyle
from cvgen.document import plain_text
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import CV
from tests.support.pdf_layout import layout, normalised, outside_text_block, over_footer
from tests.support.pdf_text import typeset
from tests.support.rendering import render

AUTHORS = 700
OWNER_AT = 350
TITLE = "Observation of a rare decay in a very large detector"
VENUE = "Physical Review Letters"


def _researcher(tmp_path: Path, max_authors: str = "") -> CV:
    names = [f"Surname{i:03d}, Given" for i in range(1, AUTHORS + 1)]
    names[OWNER_AT - 1] = "Lindqvist, Petra"
    bib = (
        f"@article{{collab, author = {{{' and '.join(names)}}}, title = {{{TITLE}}},\n"
        f"  journal = {{{VENUE}}}, year = 2024, volume = 132, pages = {{101801}}}}\n"
        "@article{small, author = {Lindqvist, Petra and Okafor, Ben}, title = {A short paper},\n"
        "  journal = {Journal of Small Things}, year = 2023}\n"
    )
    design = f"design: {{max_authors: {max_authors}}}\n" if max_authors else ""
    (tmp_path / "cv.yaml").write_text(
        f"person: {{name: Petra Lindqvist, email: p@example.org}}\n{design}", encoding="utf-8"
    )
    (tmp_path / "publications.bib").write_text(bib, encoding="utf-8")
    return load_or_fail(Sources(tmp_path / "cv.yaml", use_cache=False))[0]


def test_a_collaboration_paper_lists_the_first_authors_then_the_researcher(tmp_path) -> None:
    cv = _researcher(tmp_path, "10")
    text = str(render(cv, "markdown", names=name_style(cv))).replace("\xa0", " ")
    line = next(line for line in text.splitlines() if TITLE in line)
    assert line.startswith("- \\[1\\] G. Surname001, G. Surname002,")
    assert "G. Surname010, …, **P. Lindqvist**, et al. (700 authors). " + TITLE in line
    assert "Surname011" not in line and "Surname700" not in line
    short = next(line for line in text.splitlines() if "A short paper" in line)
    assert "**P. Lindqvist** and B. Okafor" in short


def test_the_cap_keeps_a_list_within_it_whole_and_says_how_many() -> None:
    from cvgen.compose.citation import authors_spans
    from cvgen.model import Author
    from cvgen.words import load_words

    people = [Author(first="A", last=f"N{i}") for i in range(5)]
    words = load_words()
    whole = plain_text(authors_spans(people, words, NameStyle("as-written", 5)))
    assert whole == "A N0, A N1, A N2, A N3, and A N4"
    cut = plain_text(authors_spans(people, words, NameStyle("as-written", 3)))
    assert cut == "A N0, A N1, A N2, et al. (5 authors)"
    others = [people[0], Author(last="et al.")]
    assert plain_text(authors_spans(others, words)) == "A N0 et al."


@pytest.mark.parametrize("engine", ["pdflatex", "typst", "weasyprint"])
def test_no_entry_is_cut_by_the_page_in_any_engine(engine: str, tmp_path) -> None:
    cv = _researcher(tmp_path, "null")
    pdf = typeset(cv, engine, names=name_style(cv))
    found = layout(pdf)
    text = normalised(found.text)
    assert TITLE in text and VENUE in text and "Surname700" in text
    assert "A short paper" in text
    assert over_footer(found) == []
    engine_margins = {"pdflatex": "latex"}.get(engine, engine)
    assert [(w.text, w.page) for w in outside_text_block(found, engine_margins)] == []
