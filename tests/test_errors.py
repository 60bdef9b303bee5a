"""Problems and the one exception that carries them to the command line (cvgen/errors.py)."""

from __future__ import annotations

import pytest

from cvgen.errors import CvgenError, Problem, Severity, data_error, fail_on_errors

ERROR = Problem("cv.yaml", 12, "person.email", "not an email address")
WARNING = Problem("pubs.bib", None, "", "two entries look alike", Severity.WARNING)


def test_a_problem_reads_file_line_field_and_message() -> None:
    assert str(ERROR) == "cv.yaml:12: person.email: not an email address"
    assert str(WARNING) == "pubs.bib: warning: two entries look alike"
    assert ERROR.is_error and not WARNING.is_error


def test_the_error_lists_its_errors_then_the_message_and_keeps_the_warnings() -> None:
    error = data_error([WARNING, ERROR, ERROR])
    assert error.message == "2 errors in the CV data; no output was changed."
    assert str(error).splitlines() == [str(ERROR), str(ERROR), error.message]
    assert error.problems == (WARNING, ERROR, ERROR)  # the warnings are shown apart, first
    assert data_error([ERROR]).message.startswith("1 error in")


def test_only_errors_fail() -> None:
    fail_on_errors([WARNING])
    fail_on_errors([])
    with pytest.raises(CvgenError) as raised:
        fail_on_errors([WARNING, ERROR])
    assert raised.value.problems == (WARNING, ERROR)
    assert str(CvgenError("plain")) == "plain"
