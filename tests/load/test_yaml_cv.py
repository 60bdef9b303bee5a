"""Reading cv.yaml (load/yaml_cv.py): hostile YAML and person fields give located problems,
never a traceback; publication sources validated with their line."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cvgen.load.yaml_cv import load_cv_yaml, parse_yaml, validate_cv
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


@FUZZ
@given(HOSTILE)
def test_hostile_yaml_text(text: str) -> None:
    problems: list = []
    parse_yaml(text, "cv.yaml", problems)
    assert all(p.file == "cv.yaml" for p in problems)


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
