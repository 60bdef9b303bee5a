"""Every engine's page in every theme, as a reader sees it (tests/support/pdf_layout.py):
nothing in the margins, no word cut without a hyphen, no number range cut at its dash, no
title or initial parted from its name, no heading left alone at the foot of a page; on the
example, a long synthetic list and words longer than a line.

CI typesets a trimmed synthetic researcher (CVGEN_LAYOUT_PUBLICATIONS, 60 by default, a few
seconds per engine); CVGEN_LAYOUT_PUBLICATIONS=300 checks the benchmarks' full 300 case.
Typst has classic's template only, which the other themes fall back to: it runs in classic.
"""

from __future__ import annotations

import os
import re

import pytest

from benchmarks.synthetic import write_synthetic
from cvgen.document import Document, Group
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import CV
from cvgen.themes import load_theme
from tests.support.pdf_layout import (
    Layout,
    broken_phrases,
    cut_ranges,
    ink,
    is_grey,
    layout,
    outside_text_block,
    stranded_headings,
    stranded_titles,
    underline_touches,
)
from tests.support.pdf_text import typeset
from tests.support.rendering import document

MARGINS = {"pdflatex": "latex", "lualatex": "latex", "typst": "typst", "weasyprint": "weasyprint"}
THEMES = ["classic", "modern", "compact", "grant"]
RUNS = [(engine, theme) for theme in THEMES for engine in ("latex", "typst", "weasyprint")]
PUBLICATIONS = int(os.environ.get("CVGEN_LAYOUT_PUBLICATIONS", "60"))
LONG_URL = (
    "https://github.com/an-organisation-with-a-long-name/"
    "a-repository-with-an-even-longer-name-than-that/tree/main/src/package/module.py"
)
LONG_WORD = "SUPERCALIFRAGILISTICEXPIALIDOCIOUSIDENTIFIERTHATNEVERENDSANDGOESBEYONDTHELINE42"


def venues(cv: CV) -> set[str]:
    return {pub.venue for pub in cv.publications if pub.venue}


def headings(cv: CV) -> set[str]:
    """Every section's, group's and sub-group's heading."""
    found: set[str] = set()

    def walk(groups: list[Group]) -> None:
        for group in groups:
            found.update([group.heading] if group.heading else [])
            walk(group.groups)

    for section in document(cv).sections:
        found.add(section.heading)
        walk(section.groups)
    return found


def assert_laid_out(cv: CV, engine: str, theme: str) -> tuple[bytes, Layout]:
    pdf = typeset(cv, engine, theme=load_theme(theme))
    found = layout(pdf)
    outside = outside_text_block(found, MARGINS[engine], load_theme(theme))
    assert [(w.text, w.page) for w in outside] == []
    assert broken_phrases(found, venues(cv)) == []
    assert cut_ranges(found) == []
    assert stranded_titles(found) == []
    assert stranded_headings(found, headings(cv)) == []
    return pdf, found


def words_of(document: Document, field: str, pattern: str) -> set[str]:
    """The words of the publications' annotations ('annotation') or of their students' names
    ('student') that match `pattern`."""
    texts = [
        span.text
        for entry in document.all_entries()
        if entry.key
        for span in (entry.annotation if field == "annotation" else entry.title)
        if field == "annotation" or span.mark == "student"
    ]
    return {word for text in texts for word in re.findall(pattern, text)}


def assert_notes_and_underlines(pdf: bytes, found: Layout, cv: CV) -> None:
    """Notes ('Spotlight') in a grey, never in the links' colour; students' underlines clear
    of the descenders of their names' g, j, p, q and y."""
    in_headings = {word for heading in headings(cv) for word in heading.split()}
    notes = words_of(document(cv), "annotation", r"[A-Za-z]{6,}") - in_headings
    printed = [word for word in found.words if word.text.strip("(),.") in notes]
    assert printed and all(is_grey(ink(pdf, word)) for word in printed)
    students = words_of(document(cv), "student", r"\w*[gjpqy]\w*")
    names = [word for word in found.words if word.text.rstrip(",.*") in students]
    underlines = {underline_touches(pdf, word) for word in names}
    assert False in underlines and True not in underlines


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> CV:
    folder = tmp_path_factory.mktemp("synthetic")
    return load_or_fail(write_synthetic(folder, PUBLICATIONS))[0]


@pytest.fixture(scope="module")
def long_words(tmp_path_factory: pytest.TempPathFactory) -> CV:
    folder = tmp_path_factory.mktemp("long")
    (folder / "cv.yaml").write_text(
        f"person:\n  name: Miriam Adler-Katz\n  email: m@example.edu\n  website: {LONG_URL}\n",
        encoding="utf-8",
    )
    (folder / "publications.bib").write_text(
        f"@misc{{url, author = {{Adler-Katz, Miriam}}, year = 2024, howpublished = {{Zenodo}},\n"
        f"  title = {{Code at {LONG_URL} for everyone}}}}\n"
        f"@article{{word, author = {{Adler-Katz, Miriam}}, year = 2023,\n"
        f"  journal = {{Journal of Machine Learning Research}},\n"
        f"  title = {{The identifier {LONG_WORD} in practice}}}}\n",
        encoding="utf-8",
    )
    return load_or_fail(Sources(cv=folder / "cv.yaml", bib=folder / "publications.bib"))[0]


@pytest.mark.parametrize(("engine", "theme"), RUNS)
def test_example(engine: str, theme: str, example_cv: CV) -> None:
    # The example has a Greek co-author: LuaLaTeX, not pdflatex.
    pdf, found = assert_laid_out(example_cv, "lualatex" if engine == "latex" else engine, theme)
    assert_notes_and_underlines(pdf, found, example_cv)


@pytest.mark.parametrize(("engine", "theme"), RUNS)
def test_synthetic_researcher(engine: str, theme: str, synthetic: CV) -> None:
    assert_laid_out(synthetic, "pdflatex" if engine == "latex" else engine, theme)


@pytest.mark.parametrize(("engine", "theme"), RUNS)
def test_words_longer_than_a_line(engine: str, theme: str, long_words: CV) -> None:
    assert_laid_out(long_words, "pdflatex" if engine == "latex" else engine, theme)


def test_the_checker_sees_what_a_reader_sees() -> None:
    from tests.support.pdf_layout import Layout, Line, Word, joined_lines

    assert joined_lines(["Advances in Neur", "al Computation"]) == "Advances in Neur al Computation"
    cut = Layout(
        [Word("Neur", 1, 60.0, 600.0, 10.0, 20.0)], "Neur al Computation", [595.0], [842.0]
    )
    assert broken_phrases(cut, {"Neural Computation"}) == ["Neural Computation"]
    assert broken_phrases(Layout([], "Neur- al Computation", [], []), {"Neural Computation"}) == []
    assert outside_text_block(cut, "typst") == cut.words
    hanging = Layout([Word("[12]", 1, 30.0, 45.0, 10.0, 20.0)], "[12]", [595.0], [842.0])
    assert outside_text_block(hanging, "latex", load_theme("compact")) == []
    lines = [
        Line(1, ["Shalev.", "Advisors:", "Prof."], 100.0),
        Line(1, ["Amnon", "Shalev,", "vol.", "212(1–"], 112.0),
        Line(1, ["2),", "pp.", "45–53."], 124.0),
        Line(1, ["Talks"], 700.0),
        Line(1, ["Page", "1", "of", "2"], 800.0),
        Line(2, ["Keynote", "talks"], 100.0),
        Line(2, ["Page", "2", "of", "2"], 800.0),
    ]
    page = Layout([], "", [595.0, 595.0], [842.0, 842.0], lines)
    assert stranded_titles(page) == ["Advisors: Prof. / Amnon"]
    assert cut_ranges(page) == ["vol. 212(1– / 2),"]
    assert stranded_headings(page, {"Talks", "Keynote talks"}) == [("Talks", 1)]
