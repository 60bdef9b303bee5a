"""cv.yaml read and validated: the CV's data, or every problem with file, line and field, and
the warnings about legal but suspicious data (a current student's past end date)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from cvgen.errors import Problem, Severity
from cvgen.files.reading import MAX_CV_YAML
from cvgen.load.career_checks import career_warnings
from cvgen.load.text_file import read_text
from cvgen.load.validation import validate_model
from cvgen.model import CvData
from cvgen.util.dates import Date
from cvgen.util.yaml_lines import Loc, dotted, line_for, parse_yaml


def validate_cv(data: Any, file: str, lines: dict[Loc, int]) -> tuple[CvData | None, list[Problem]]:
    """Validate plain YAML data into CvData."""
    if data is None:
        return None, [Problem(file, None, "", "the file is empty; it needs at least a 'person'")]
    return validate_model(CvData, data, file, lines)


DESIGN_KEYS = ("design", "variants", "outputs")


def design_part(path: Path) -> CvData | None:
    """The design settings of a cv.yaml that does not validate as a whole: `design`,
    `variants` and `outputs`, each that validates on its own (None if the file cannot be
    read), so that an unknown theme is reported with the data's errors, not after them."""
    text = read_text(path, [], MAX_CV_YAML)
    data = parse_yaml(text, str(path), [])[0] if text is not None else None
    if not isinstance(data, dict):
        return None
    valid: dict[str, Any] = {}
    for key in DESIGN_KEYS:
        if key in data:
            part, _ = validate_model(CvData, {"person": {"name": "-"}, key: data[key]}, "", {})
            if part is not None:
                valid[key] = getattr(part, key)
    return CvData.model_construct(**valid) if valid else None


def key_lines(path: Path) -> dict[Loc, int]:
    """The line of every key path in cv.yaml, read again: for problems found after loading
    (an output path the build refuses), which are rare enough not to keep lines around."""
    text = read_text(path, [], MAX_CV_YAML)
    return parse_yaml(text, str(path), [])[1] if text is not None else {}


def load_cv_yaml(path: Path) -> tuple[CvData | None, list[Problem]]:
    problems: list[Problem] = []
    blocked = any(folder.exists() and not folder.is_dir() for folder in path.parents)
    if not path.exists() and not path.is_symlink() and not blocked:  # else read_text says why
        message = (
            "no such file: give --cv the path of your cv.yaml, or run `cvgen init` to start one"
        )
        return None, [Problem(str(path), None, "", message)]
    text = read_text(path, problems, MAX_CV_YAML)
    if text is None:
        return None, problems
    data, lines = parse_yaml(text, str(path), problems)
    if data is None and problems:
        return None, problems
    cv, more = validate_cv(data, str(path), lines)
    problems.extend(more)
    problems.extend(_warnings(cv, str(path), lines) if cv else [])
    problems.sort(key=lambda p: p.line or 0)
    return (cv if not any(p.is_error for p in problems) else None), problems


def _warnings(cv: CvData, file: str, lines: dict[Loc, int]) -> list[Problem]:
    """Legal but suspicious data: reported, never fatal."""
    found: list[Problem] = []

    def warn(loc: Loc, message: str) -> None:
        found.append(Problem(file, line_for(loc, lines), dotted(loc), message, Severity.WARNING))

    this_year = (cv.design.as_of or Date.today()).year  # the date the CV speaks from
    for i, student in enumerate(cv.students):
        if student.status == "current" and student.end and not student.end.present:
            warn(("students", i, "end"), "a current student has an end date; use expected_end")
        expected = student.expected_end
        if student.status == "current" and expected and expected.year < this_year:
            message = f"expected end {expected.iso()} has passed; update it, or mark completed"
            warn(("students", i, "expected_end"), message)
    for name in ("awards", "grants"):
        for i, item in enumerate(getattr(cv, name)):
            if item.amount is not None and item.currency is None:
                warn((name, i, "currency"), "amount without currency")
            for j, part in enumerate(item.amounts):
                if part.amount is not None and part.currency is None:
                    warn((name, i, "amounts", j, "currency"), "amount without currency")
    _personal_details_warnings(cv, warn)
    career_warnings(cv, warn)
    if not cv.person.email:
        warn(("person",), "no email: the CV header will have no contact address")
    return found


def _personal_details_warnings(cv: CvData, warn: Callable[[Loc, str], None]) -> None:
    """Personal details asked for but not placed, or placed but not asked for."""
    listed = "personal_details" in cv.sections
    if cv.design.personal_details and cv.sections and not listed:
        message = "design.personal_details is true, but sections: does not list them"
        warn(("sections",), message + " (add personal_details where they belong)")
    if listed and not cv.design.personal_details:
        message = "personal_details are printed only with design: {personal_details: true}"
        warn(("sections",), message + " (they are off by default)")
