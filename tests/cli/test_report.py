"""What the command line prints besides output (cli/report.py): each message says what was
found, where, and what to do; warnings first, errors last, nothing a terminal obeys."""

from __future__ import annotations

import logging
from pathlib import Path

from click.testing import CliRunner

from cvgen.cli import main
from cvgen.cli.report import echo_warnings, print_notices, show_error
from cvgen.errors import CvgenError, Problem, Severity
from tests.support.paths import DATA

BAD = DATA / "bad"
SMALL = DATA / "small"


def test_a_long_list_is_not_blamed_on_aliases(small_folder: Path) -> None:
    items = "".join(f"  - Topic {i}\n" for i in range(300_000))
    (small_folder / "cv.yaml").write_text("person: {name: Ada}\nresearch_interests:\n" + items)
    result = CliRunner().invoke(main, ["check", "--no-cache"])
    assert result.exit_code == 1
    assert "aliases" not in result.output
    assert (
        "cv.yaml: holds 300,007 values, more than the 200,000 cvgen reads from a cv.yaml (the "
        "list from line 3 has 300,000 items)"
    ) in result.output


def test_an_error_run_starts_with_its_warnings_and_ends_with_its_errors(small_folder: Path) -> None:
    bib = (small_folder / "publications.bib").read_text(encoding="utf-8")
    (small_folder / "publications.bib").write_text(bib.replace("@article{", "@thingamajig{", 1))
    cv = (small_folder / "cv.yaml").read_text(encoding="utf-8")
    (small_folder / "cv.yaml").write_text(cv.replace("email: jonas@example.edu", "email: nope"))
    lines = CliRunner().invoke(main, ["check", "--no-cache"]).output.splitlines()
    first_error = next(i for i, line in enumerate(lines) if line.startswith("Error: "))
    assert all("warning:" in line for line in lines[:first_error]) and first_error > 0
    assert not any("warning:" in line for line in lines[first_error:])
    assert lines[first_error].startswith("Error: cv.yaml:8: person.email: 'nope' is not an email")
    assert lines[-1] == "1 error in the CV data; no output was changed."


def test_percent_encoded_relative_links_are_accepted(small_folder: Path) -> None:
    cv = (small_folder / "cv.yaml").read_text(encoding="utf-8")
    cv = cv.replace("video: https://example.org/v/1", "slides: talks/why%20learning.pdf")
    (small_folder / "cv.yaml").write_text(cv)
    bib = (small_folder / "publications.bib").read_text(encoding="utf-8")
    (small_folder / "publications.bib").write_text(
        bib.replace("year", "pdf = {paper%20x.pdf},\n year", 1)
    )
    result = CliRunner().invoke(main, ["html", "--no-cache", "-o", "cv.html"])
    assert result.exit_code == 0, result.output
    page = (small_folder / "cv.html").read_text(encoding="utf-8")
    assert 'href="talks/why%20learning.pdf"' in page and 'href="paper%20x.pdf"' in page
    cv = cv.replace("talks/why%20learning.pdf", "talks/why learning.pdf")
    (small_folder / "cv.yaml").write_text(cv)
    result = CliRunner().invoke(main, ["check", "--no-cache"])
    assert "is not a safe link" in result.output and "(write a space as %20)" in result.output


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


def test_warnings_come_first_and_every_line_is_safe_for_a_terminal(capsys) -> None:
    warning = Problem("cv.yaml", 3, "x", "odd \x1b[31mred", Severity.WARNING)
    error = Problem("cv.yaml", 4, "y", "wrong")
    show_error(CvgenError("1 error in the CV data.", [error, warning]))
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("cv.yaml:3: x: warning: odd ") and "\x1b" not in lines[0]
    assert lines[1:] == ["Error: cv.yaml:4: y: wrong", "1 error in the CV data."]
    echo_warnings([warning])
    assert "\x1b" not in capsys.readouterr().err


def test_notices_of_core_code_reach_stderr_once(capsys) -> None:
    print_notices()
    print_notices()
    logging.getLogger("cvgen.writers.pdf").info("fell back to Typst")
    assert capsys.readouterr().err == "fell back to Typst\n"
