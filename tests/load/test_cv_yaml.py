"""Reading cv.yaml (load/cv_yaml.py): hostile person fields give located problems, never a
traceback; publication sources validated with their line; suspicious data warned about."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cvgen.load.cv_yaml import key_lines, load_cv_yaml, validate_cv
from tests.support.fuzz import HOSTILE, fuzz

FUZZ = fuzz(150)


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["name", "position", "email", "website", "orcid", "x"]), HOSTILE
    )
)
def test_hostile_person_fields_in_yaml(person: dict[str, str]) -> None:
    data, lines = {"person": person}, {}
    cv, problems = validate_cv(data, "cv.yaml", lines)
    assert (cv is None) == bool(problems)


def test_sources_in_cv_yaml_are_validated_with_their_line(tmp_path: Path):
    cv = tmp_path / "cv.yaml"
    cv.write_text(
        "person: {name: A}\npublications:\n  sources:\n    dblp: Miriam Adler\n"
        "    openalex: https://openalex.org/A5023888391\n    orcid: 0000-0002-7134-5862\n"
    )
    _, problems = load_cv_yaml(cv)
    assert [(p.line, p.field) for p in problems] == [
        (4, "publications.sources.dblp"),
        (6, "publications.sources.orcid"),
    ]
    assert "not a DBLP person id" in problems[0].message


def test_an_empty_file_and_a_current_student_s_past_end_are_said_plainly(tmp_path: Path) -> None:
    assert [p.message for p in validate_cv(None, "cv.yaml", {})[1]] == [
        "the file is empty; it needs at least a 'person'"
    ]
    cv = tmp_path / "cv.yaml"
    cv.write_text(
        "person: {name: A B, email: a@b.org}\ndesign: {as_of: 2024}\nstudents:\n"
        "  - {name: C D, level: phd, status: current, start: 2020, expected_end: 2022}\n",
        encoding="utf-8",
    )
    data, problems = load_cv_yaml(cv)
    assert data is not None
    assert [(p.line, p.field, p.is_error) for p in problems] == [
        (4, "students[0].expected_end", False)
    ]
    assert key_lines(cv)[("students", 0)] == 4
