"""Problems as the preview shows them: located, ordered, and quoted from their file."""

from __future__ import annotations

import os
from pathlib import Path

from cvgen.build.serve.problems import MAX_LINE_CHARS, problems_of, quote, shown_all, visible
from cvgen.errors import CvgenError, Problem, Severity


def lines(path: Path, count: int) -> Path:
    path.write_text("".join(f"line {n}\n" for n in range(1, count + 1)), encoding="utf-8")
    return path


def test_the_line_is_quoted_with_one_line_either_side(tmp_path: Path) -> None:
    quoted = quote(lines(tmp_path / "cv.yaml", 10), 5)
    assert quoted == [
        {"number": 4, "text": "line 4", "here": False},
        {"number": 5, "text": "line 5", "here": True},
        {"number": 6, "text": "line 6", "here": False},
    ]


def test_the_first_and_last_lines_are_quoted_with_what_there_is(tmp_path: Path) -> None:
    path = lines(tmp_path / "cv.yaml", 3)
    assert [q["number"] for q in quote(path, 1)] == [1, 2]
    assert [q["number"] for q in quote(path, 3)] == [2, 3]


def test_no_quote_without_a_line_a_file_or_that_line(tmp_path: Path) -> None:
    path = lines(tmp_path / "cv.yaml", 3)
    assert quote(path, None) == []
    assert quote(path, 0) == []
    assert quote(path, 9) == []  # the file changed since: no wrong line is shown
    assert quote(tmp_path / "gone.bib", 2) == []
    assert quote(tmp_path, 2) == []  # a folder


def test_a_named_pipe_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "cv.yaml"
    os.mkfifo(fifo)
    assert quote(fifo, 1) == []  # returns at once: a pipe would block a plain open()


def test_control_and_bidi_characters_are_shown_as_codes() -> None:
    assert visible("a\x1b[31mb") == "a⟨U+001B⟩[31mb"
    assert visible("x\u202ey") == "x⟨U+202E⟩y"
    assert visible("tab\there") == "tab\there"


def test_a_long_line_is_cut(tmp_path: Path) -> None:
    path = tmp_path / "publications.bib"
    path.write_text("x" * 100_000 + "\n", encoding="utf-8")
    [line] = quote(path, 1)
    assert len(line["text"]) == MAX_LINE_CHARS and line["text"].endswith("…")


def test_undecodable_bytes_are_replaced(tmp_path: Path) -> None:
    path = tmp_path / "publications.bib"
    path.write_bytes(b"title = {Caf\xe9}\n")
    assert quote(path, 1)[0]["text"] == "title = {Caf\ufffd}"


def test_errors_come_first_and_each_once(tmp_path: Path) -> None:
    path = lines(tmp_path / "cv.yaml", 3)
    warning = Problem(str(path), 1, "person.email", "looks odd", Severity.WARNING)
    error = Problem(str(path), 2, "education[0].start", "month 13")
    shown = shown_all([warning, error, warning])
    assert [p["severity"] for p in shown] == ["error", "warning"]
    assert shown[0] == {
        "severity": "error",
        "file": str(path),
        "line": 2,
        "field": "education[0].start",
        "message": "month 13",
        "quote": quote(path, 2),
    }


def test_an_error_without_problems_is_shown_by_its_message() -> None:
    [problem] = problems_of(CvgenError("Typst could not typeset the CV: oops"))
    assert problem.message == "Typst could not typeset the CV: oops" and problem.is_error
    assert shown_all([problem])[0]["quote"] == []
