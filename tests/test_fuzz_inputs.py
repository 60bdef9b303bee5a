"""Fuzzing the loaders: whatever the bytes, loading returns a model or located problems and
never raises. Bounded for CI; CVGEN_FUZZ_EXAMPLES=5000 runs a longer campaign."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cvgen.load.bibtex.file import parse_bibtex
from cvgen.load.cv import load
from cvgen.load.cv_yaml import validate_cv
from cvgen.load.sources import Sources
from cvgen.util.yaml_lines import parse_yaml

EXAMPLES = int(os.environ.get("CVGEN_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text that is hostile to both YAML and BibTeX: structure characters, escapes, RTL marks,
# combining marks, emoji, controls.
HOSTILE = st.text(
    alphabet=st.one_of(
        st.sampled_from([*"{}@,=\"#%\\$&_~^:-[]\n\t'!*|>", *"\u202e\u0301\U0001f600\x00"]),
        st.characters(codec="utf-8"),
    ),
    max_size=80,
)
ENTRY_TYPES = st.sampled_from(["article", "inproceedings", "misc", "patent", "book", "weird"])


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_as_cv_yaml(tmp_path_factory, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("yaml")
    (folder / "cv.yaml").write_bytes(data)
    (folder / "publications.bib").write_text("", encoding="utf-8")
    cv, problems = load(Sources(cv=folder / "cv.yaml", use_cache=False))
    assert cv is not None or any(p.is_error for p in problems)


@FUZZ
@given(HOSTILE)
def test_any_text_as_bibtex(text: str) -> None:
    _, problems = parse_bibtex(text, "x.bib")
    assert all(p.file == "x.bib" for p in problems)


@FUZZ
@given(ENTRY_TYPES, HOSTILE, HOSTILE, HOSTILE)
def test_hostile_field_values_in_bibtex(entry_type: str, title: str, author: str, extra: str):
    bib = (
        f"@{entry_type}{{k1,\n  title = {{{title}}},\n  author = {{{author}}},\n"
        f"  journal = {{{extra}}},\n  booktitle = {{{extra}}},\n  year = {{2020}},\n"
        f"  author+an = {{{extra}}},\n  url = {{{extra}}},\n}}\n"
    )
    publications, _ = parse_bibtex(bib, "x.bib")
    for publication in publications:
        assert publication.title and publication.year == 2020


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
