"""cv.yaml and the .bib as text (load/text_file.py): other encodings named, control characters
refused with their line (raw in the file, or made by a YAML escape), bidi controls warned
about."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cvgen.load.cv import load
from cvgen.load.sources import Sources
from cvgen.load.text_file import character_problems, read_text
from cvgen.util.characters import CONTROL
from tests.support.fuzz import fuzz
from tests.support.paths import DATA

FUZZ = fuzz(100)

BAD = DATA / "bad"
CONTROLS = st.text(
    alphabet=st.one_of(
        st.sampled_from([chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]]),
        st.sampled_from("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069 aé"),
    ),
    min_size=1,
    max_size=12,
)


def _cv(position: str) -> str:
    return f"person:\n  name: Ada Example\n  position: {position}\n  email: ada@example.edu\n"


@FUZZ
@given(CONTROLS)
def test_controls_in_cv_yaml_are_refused_with_their_line(tmp_path_factory, text: str) -> None:
    folder = tmp_path_factory.mktemp("cv")
    shutil.copy(BAD / "_valid.bib", folder / "publications.bib")
    for position in (json.dumps(text), json.dumps(text, ensure_ascii=False)):
        (folder / "cv.yaml").write_text(_cv(position), encoding="utf-8", newline="")
        cv, problems = load(Sources(cv=folder / "cv.yaml", use_cache=False))
        if CONTROL.search(text):
            assert cv is None
            assert any(p.is_error and p.line == 3 for p in problems), problems
        if cv is not None:
            assert not CONTROL.search(cv.data.person.position or "")


@FUZZ
@given(CONTROLS)
def test_controls_in_the_bib_are_refused_with_their_line(tmp_path_factory, text: str) -> None:
    text = text.replace("\n", "").replace("\r", "")  # on the title's line
    folder = tmp_path_factory.mktemp("bib")
    (folder / "cv.yaml").write_text(_cv("Lecturer"), encoding="utf-8")
    bib = (BAD / "_valid.bib").read_text().replace("A valid paper", "A valid " + text)
    (folder / "publications.bib").write_text(bib, encoding="utf-8", newline="")
    cv, problems = load(Sources(cv=folder / "cv.yaml", use_cache=False))
    if CONTROL.search(text):
        assert cv is None and any(p.is_error and p.line == 3 for p in problems), problems
    if cv is not None:
        assert not any(CONTROL.search(p.title) for p in cv.publications)


def test_a_file_in_another_encoding_is_named_with_what_to_do(tmp_path: Path) -> None:
    cases = {
        "utf16.bib": ("@article{a}".encode("utf-16"), 1, "UTF-16 (it starts with a UTF-16"),
        "latin1.bib": ("x\nCaf\xe9\n".encode("latin-1"), 2, "byte 0xe9 is not UTF-8"),
    }
    for name, (raw, line, message) in cases.items():
        (tmp_path / name).write_bytes(raw)
        problems: list = []
        assert read_text(tmp_path / name, problems) is None
        ((problem),) = problems
        assert (problem.line, problem.is_error) == (line, True) and message in problem.message


def test_a_byte_order_mark_is_dropped_and_the_text_kept(tmp_path: Path) -> None:
    (tmp_path / "cv.yaml").write_bytes(b"\xef\xbb\xbfperson: {name: A}\n")
    problems: list = []
    assert read_text(tmp_path / "cv.yaml", problems) == "person: {name: A}\n" and not problems


def test_controls_are_removed_with_an_error_and_bidi_marks_kept_with_a_warning(tmp_path) -> None:
    (tmp_path / "x.bib").write_text("a\x1bb\nc\u202ed\n", encoding="utf-8")
    problems: list = []
    assert read_text(tmp_path / "x.bib", problems) == "ab\nc\u202ed\n"
    assert [(p.line, p.is_error) for p in problems] == [(1, True), (2, False)]
    assert problems[0].message.startswith("column 2: ")


def test_many_lines_of_controls_are_counted_not_listed() -> None:
    problems = character_problems("\x07\n" * 40, "x.bib")
    assert len(problems) < 40 and problems[-1].line is None
    assert problems[-1].message.endswith("more lines hold control or bidirectional characters")
    assert problems[-1].is_error
