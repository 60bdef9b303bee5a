"""`cvgen pdf`: the file written, TeX's errors, missing TeX, paper on every engine, Typst."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.writers.pdf import tex as tex_engine
from tests.support.pdf_text import pdf_text, squeeze


def test_pdf_command_writes_the_pdf(small_sources, tmp_path: Path) -> None:
    bib = small_sources.bib.read_text(encoding="utf-8").replace(r"$\ell_1$", "L1")
    (tmp_path / "publications.bib").write_text(bib, encoding="utf-8")
    (tmp_path / "cv.yaml").write_bytes(small_sources.cv.read_bytes())
    out = tmp_path / "out" / "cv.pdf"
    result = CliRunner().invoke(main, ["pdf", "--cv", str(tmp_path / "cv.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out} (pdflatex, 2 passes)" in result.output
    assert squeeze("Phase transitions in SGD & friends") in squeeze(pdf_text(out.read_bytes()))


def test_pdflatex_asked_for_a_script_it_cannot_set_says_so_and_keeps_the_previous_pdf(
    example_sources, tmp_path: Path
) -> None:
    """The example has a Vietnamese name ('ễ'): pdflatex would stop on it with a raw TeX error
    ('Unicode character ... not set up'); cvgen says which character and which engine can set
    it before running it (a TeX error's log: writers/pdf/test_tex.py)."""
    out = tmp_path / "cv.pdf"
    out.write_bytes(b"previous")
    args = ["pdf", "--cv", str(example_sources.cv), "-o", str(out), "--engine", "pdflatex"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "pdflatex cannot set Latin text (the CV has 'ễ'" in result.output
    assert "--engine auto" in result.output and "--engine lualatex" in result.output
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


def test_pdf_command_with_typst(small_sources, tmp_path) -> None:
    out = tmp_path / "cv.pdf"
    args = ["pdf", "--cv", str(small_sources.cv), "-o", str(out), "--engine", "typst"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "(typst)" in result.output and out.read_bytes().startswith(b"%PDF")


def _pages(pdf: Path) -> int:
    return len(pypdf.PdfReader(pdf).pages)


def test_kept_typst_source_compiles_on_its_own(small_sources, tmp_path: Path) -> None:
    out = tmp_path / "out" / "my cv.pdf"
    args = ["pdf", "--cv", str(small_sources.cv), "-o", str(out), "--engine", "typst"]
    result = CliRunner().invoke(main, [*args, "--keep-source"])
    assert result.exit_code == 0, result.output
    kept, data = out.with_suffix(".typ"), out.with_name("my cv-data.json")
    assert f"Wrote {kept}" in result.output and f"Wrote {data}" in result.output
    assert '#let data = json("my cv-data.json")' in kept.read_text(encoding="utf-8")
    # Another folder, a fresh process, only the typst package: nothing of cvgen is needed.
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    for path in (kept, data):
        (moved / path.name).write_bytes(path.read_bytes())
    compile_alone = "import typst; typst.compile('my cv.typ', output='alone.pdf')"
    subprocess.run([sys.executable, "-c", compile_alone], cwd=moved, check=True)
    assert _pages(moved / "alone.pdf") == _pages(out) >= 1


def test_kept_tex_source_compiles_on_its_own(small_sources, tmp_path: Path) -> None:
    out = tmp_path / "cv.pdf"
    args = ["pdf", "--cv", str(small_sources.cv), "-o", str(out), "--engine", "pdflatex"]
    result = CliRunner().invoke(main, [*args, "--keep-source"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv.pdf", "cv.tex"]
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "cv.tex").write_bytes((tmp_path / "cv.tex").read_bytes())
    for _ in range(2):  # page N of M needs the second pass
        command = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "cv.tex"]
        subprocess.run(command, cwd=alone, check=True, capture_output=True)
    assert _pages(alone / "cv.pdf") == _pages(out) >= 1


def test_keep_source_without_a_source_of_its_own_says_so(small_sources, tmp_path: Path) -> None:
    args = ["pdf", "--cv", str(small_sources.cv), "-o", str(tmp_path / "cv.pdf")]
    result = CliRunner().invoke(main, [*args, "--engine", "weasyprint", "--keep-source"])
    assert result.exit_code == 0, result.output
    assert "weasyprint prints the web page, which `cvgen html` writes" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["cv.pdf"]


def test_a_kept_file_that_may_not_be_written_stops_everything(small_sources, tmp_path) -> None:
    (tmp_path / "cv-data.json").mkdir()  # the kept data's place is taken by a folder
    args = ["pdf", "--cv", str(small_sources.cv), "-o", str(tmp_path / "cv.pdf")]
    result = CliRunner().invoke(main, [*args, "--engine", "typst", "--keep-source"])
    assert result.exit_code == 1
    assert (
        f"{tmp_path / 'cv-data.json'} " in result.output and "nothing was written" in result.output
    )
    assert [p.name for p in tmp_path.iterdir()] == ["cv-data.json"]  # no PDF, no cv.typ


def test_keep_source_needs_a_file_not_stdout(small_sources) -> None:
    args = ["pdf", "--cv", str(small_sources.cv), "-o", "-", "--keep-source"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "--keep-source writes files beside the PDF: give -o FILE, not -o -" in result.output
