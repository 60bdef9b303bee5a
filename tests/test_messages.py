"""Messages of the review's round two: each says what was found, where, and what to do."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.errors import CvgenError
from cvgen.writers.pdf.tex import error_excerpt, run_tex

BAD = Path(__file__).parent / "data" / "bad"
SMALL = Path(__file__).parent / "data" / "small"


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    shutil.copy(SMALL / "cv.yaml", tmp_path / "cv.yaml")
    shutil.copy(SMALL / "publications.bib", tmp_path / "publications.bib")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_long_list_is_not_blamed_on_aliases(project: Path) -> None:
    items = "".join(f"  - Topic {i}\n" for i in range(300_000))
    (project / "cv.yaml").write_text("person: {name: Ada}\nresearch_interests:\n" + items)
    result = CliRunner().invoke(main, ["check", "--no-cache"])
    assert result.exit_code == 1
    assert "aliases" not in result.output
    assert (
        "cv.yaml: holds 300,007 values, more than the 200,000 cvgen reads from a cv.yaml (the "
        "list from line 3 has 300,000 items)"
    ) in result.output


def test_an_error_run_starts_with_its_warnings_and_ends_with_its_errors(project: Path) -> None:
    bib = (project / "publications.bib").read_text(encoding="utf-8")
    (project / "publications.bib").write_text(bib.replace("@article{", "@thingamajig{", 1))
    cv = (project / "cv.yaml").read_text(encoding="utf-8")
    (project / "cv.yaml").write_text(cv.replace("email: jonas@example.edu", "email: nope"))
    lines = CliRunner().invoke(main, ["check", "--no-cache"]).output.splitlines()
    first_error = next(i for i, line in enumerate(lines) if line.startswith("Error: "))
    assert all("warning:" in line for line in lines[:first_error]) and first_error > 0
    assert not any("warning:" in line for line in lines[first_error:])
    assert lines[first_error].startswith("Error: cv.yaml:8: person.email: 'nope' is not an email")
    assert lines[-1] == "1 error in the CV data; no output was changed."


def test_a_full_disk_names_every_output_that_failed(project: Path, monkeypatch) -> None:
    (project / "cv.yaml").write_text(
        (project / "cv.yaml").read_text(encoding="utf-8") + "outputs: [html, bio, markdown]\n"
    )
    import os

    def full(fd, *args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("cvgen.files.atomic.os.fsync", full)
    result = CliRunner().invoke(main, ["build", "--no-cache"])
    assert result.exit_code == 1
    for name in ("cv.html", "bio.txt", "publications.md", ".cvgen-build.json"):
        assert f"output/{name}  FAILED" in result.output
        assert f"cannot write output/{name}: No space left on device" in result.output
    assert "previous versions were kept" in result.output
    assert not any((project / "output").iterdir())  # no temporary file left behind


def test_percent_encoded_relative_links_are_accepted(project: Path) -> None:
    cv = (project / "cv.yaml").read_text(encoding="utf-8")
    cv = cv.replace("video: https://example.org/v/1", "slides: talks/why%20learning.pdf")
    (project / "cv.yaml").write_text(cv)
    bib = (project / "publications.bib").read_text(encoding="utf-8")
    (project / "publications.bib").write_text(
        bib.replace("year", "pdf = {paper%20x.pdf},\n year", 1)
    )
    result = CliRunner().invoke(main, ["html", "--no-cache", "-o", "cv.html"])
    assert result.exit_code == 0, result.output
    page = (project / "cv.html").read_text(encoding="utf-8")
    assert 'href="talks/why%20learning.pdf"' in page and 'href="paper%20x.pdf"' in page
    cv = cv.replace("talks/why%20learning.pdf", "talks/why learning.pdf")
    (project / "cv.yaml").write_text(cv)
    result = CliRunner().invoke(main, ["check", "--no-cache"])
    assert "is not a safe link" in result.output and "(write a space as %20)" in result.output


def test_a_tex_error_after_other_text_on_its_line_is_found() -> None:
    log = (
        "LaTeX Warning: Reference `LastPage' on page 1 undefined on input line 145.\n"
        "(lastpage)             ! on input line 98.\n"
        "[1{/var/lib/texmf/fonts/map/pdftex/updmap/pdftex.map}]! Undefined control sequence.\n"
        "l.12 \\cvnope\n"
    )
    excerpt = error_excerpt(log, "\n" * 11 + "\\cvnope{x}\n")
    assert excerpt is not None and excerpt.splitlines()[0] == "! Undefined control sequence."
    assert "cv.tex line 12: \\cvnope{x}" in excerpt and "LastPage" not in excerpt


def test_a_line_too_long_for_tex_is_shown_instead_of_the_log_tail() -> None:
    """The review's case: TeX prints this fatal error on the terminal only, after other text."""
    body = "word " * 60_000
    document = f"\\documentclass{{article}}\n\\begin{{document}}\n{body}\n\\end{{document}}\n"
    with pytest.raises(CvgenError) as error:
        run_tex(document, "pdflatex")
    lines = error.value.message.splitlines()
    assert lines[1] == "! Unable to read an entire line---bufsize=200000."
    assert "a text in the data is too long" in lines[2] and len(lines) == 3


def test_a_first_cv_without_a_bib_has_no_publications(tmp_path: Path) -> None:
    # A new user's CV without papers yet failed with "publications.bib: file not found".
    cv = tmp_path / "cv.yaml"
    cv.write_text("person: {name: Ada Lovelace, email: ada@example.org}\n", "utf-8")
    checked = CliRunner().invoke(main, ["check", "--cv", str(cv), "--no-cache"])
    assert checked.exit_code == 0, checked.output
    assert "no publications.bib beside cv.yaml, so the CV lists no publications" in checked.output
    named = CliRunner().invoke(main, ["check", "--cv", str(cv), "--bib", str(tmp_path / "x.bib")])
    assert named.exit_code == 1 and "x.bib: file not found" in named.output
    cv.write_text(cv.read_text("utf-8") + "publications: {bib: mine.bib}\n", "utf-8")
    configured = CliRunner().invoke(main, ["check", "--cv", str(cv), "--no-cache"])
    assert configured.exit_code == 1 and "mine.bib: file not found" in configured.output
