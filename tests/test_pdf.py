"""`cvgen pdf` with a real TeX engine: the example's content, engine choice, errors, fallback.

The example is typeset once per session (LuaLaTeX, because of a Greek co-author) and shared.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from rendering import heading, kind_heading, render
from test_latex import latin_only, with_coauthors

from cvgen.cli import main
from cvgen.model import CV, Grant, GrantRole
from cvgen.util.dates import Date
from cvgen.writers.pdf import tex as tex_engine
from cvgen.writers.pdf.tex import TexResult, run_tex


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def squeeze(text: str) -> str:
    """Text compared regardless of line breaks, hyphenation, ligatures and quote style."""
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans("“”‘’", "\"\"''"))
    return re.sub(r"[\s\-‐]+", "", text)


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


def test_pdf_command_writes_the_pdf(small_sources, tmp_path: Path) -> None:
    bib = small_sources.bib.read_text(encoding="utf-8").replace(r"$\ell_1$", "L1")
    (tmp_path / "publications.bib").write_text(bib, encoding="utf-8")
    (tmp_path / "cv.yaml").write_bytes(small_sources.cv.read_bytes())
    out = tmp_path / "out" / "cv.pdf"
    result = CliRunner().invoke(main, ["pdf", "--cv", str(tmp_path / "cv.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out} (pdflatex, 2 passes)" in result.output
    assert squeeze("Phase transitions in SGD & friends") in squeeze(pdf_text(out.read_bytes()))


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


def test_tex_error_shows_the_log_and_keeps_the_previous_pdf(
    example_sources, tmp_path: Path
) -> None:
    out = tmp_path / "cv.pdf"
    out.write_bytes(b"previous")
    args = ["pdf", "--cv", str(example_sources.cv), "-o", str(out), "--engine", "pdflatex"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "pdflatex failed; nothing was written" in result.output
    assert "Unicode character" in result.output and "cv.tex line" in result.output
    assert "Traceback" not in result.output
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["cv.pdf"]


def test_missing_tex_names_the_packages_or_falls_back(
    small_sources, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tex_engine.shutil, "which", lambda name: None)
    base = ["pdf", "--cv", str(small_sources.cv), "-o", str(tmp_path / "cv.pdf")]
    forced = CliRunner().invoke(main, [*base, "--engine", "pdflatex"])
    assert forced.exit_code == 1
    assert "pdflatex is not installed" in forced.output
    assert "apt-get install texlive-latex-base" in forced.output
    fallback = CliRunner().invoke(main, base)
    assert fallback.exit_code == 0, fallback.output
    assert "No TeX engine is installed" in fallback.output
    assert "Using the Typst engine instead" in fallback.output and "(typst)" in fallback.output
    assert (tmp_path / "cv.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
@pytest.mark.parametrize("engine", ["pdflatex", "typst", "weasyprint"])
def test_paper_size_reaches_every_engine(small_sources, tmp_path: Path, engine, paper, size):
    target = tmp_path / "cv.pdf"
    args = ["pdf", "--cv", str(small_sources.cv), "--bib", str(small_sources.bib)]
    result = CliRunner().invoke(
        main, [*args, "--engine", engine, "--paper", paper, "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    box = pypdf.PdfReader(target).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


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
