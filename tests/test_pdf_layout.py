"""Every engine's page, as a reader sees it: nothing in the margins, no word cut without a
hyphen (tests/pdf_layout.py), on the example, a long synthetic list and words longer than a line.

CI typesets a trimmed synthetic researcher (CVGEN_LAYOUT_PUBLICATIONS, 60 by default, a few
seconds per engine); CVGEN_LAYOUT_PUBLICATIONS=300 checks the benchmarks' full 300 case.
"""

from __future__ import annotations

import os

import pytest
from pdf_layout import broken_phrases, layout, outside_text_block
from test_pdf_accessibility import typeset

from benchmarks.synthetic import write_synthetic
from cvgen.load.cv import load_or_fail
from cvgen.model import CV
from cvgen.sources import Sources

MARGINS = {"pdflatex": "latex", "lualatex": "latex", "typst": "typst", "weasyprint": "weasyprint"}
ENGINES = ["pdflatex", "typst", "weasyprint"]
PUBLICATIONS = int(os.environ.get("CVGEN_LAYOUT_PUBLICATIONS", "60"))
LONG_URL = (
    "https://github.com/an-organisation-with-a-long-name/"
    "a-repository-with-an-even-longer-name-than-that/tree/main/src/package/module.py"
)
LONG_WORD = "SUPERCALIFRAGILISTICEXPIALIDOCIOUSIDENTIFIERTHATNEVERENDSANDGOESBEYONDTHELINE42"


def venues(cv: CV) -> set[str]:
    return {pub.venue for pub in cv.publications if pub.venue}


def assert_laid_out(pdf: bytes, engine: str, phrases: set[str]) -> None:
    found = layout(pdf)
    assert [(w.text, w.page) for w in outside_text_block(found, MARGINS[engine])] == []
    assert broken_phrases(found, phrases) == []


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


@pytest.mark.parametrize("engine", ["lualatex", "typst", "weasyprint"])  # Greek: no pdflatex
def test_example(engine: str, example_cv: CV) -> None:
    assert_laid_out(typeset(example_cv, engine), engine, venues(example_cv))


@pytest.mark.parametrize("engine", ENGINES)
def test_synthetic_researcher(engine: str, synthetic: CV) -> None:
    assert_laid_out(typeset(synthetic, engine), engine, venues(synthetic))


@pytest.mark.parametrize("engine", ENGINES)
def test_words_longer_than_a_line(engine: str, long_words: CV) -> None:
    assert_laid_out(typeset(long_words, engine), engine, venues(long_words))


def test_the_checker_sees_a_word_cut_without_a_hyphen_and_one_in_the_margin() -> None:
    from pdf_layout import Layout, Word, joined_lines

    assert joined_lines(["Advances in Neur", "al Computation"]) == "Advances in Neur al Computation"
    cut = Layout(
        [Word("Neur", 1, 60.0, 600.0, 10.0, 20.0)], "Neur al Computation", [595.0], [842.0]
    )
    assert broken_phrases(cut, {"Neural Computation"}) == ["Neural Computation"]
    assert broken_phrases(Layout([], "Neur- al Computation", [], []), {"Neural Computation"}) == []
    assert outside_text_block(cut, "typst") == cut.words
