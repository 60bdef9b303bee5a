"""Control characters never pass silently: refused at load with their line (raw in the file,
or made by a YAML escape), bidi controls warned about ("Trojan Source"), and nothing cvgen
prints to a terminal carries an escape sequence, whatever a profile or the data holds."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cvgen.cli import main
from cvgen.load.cv import load
from cvgen.load.sources import Sources
from cvgen.util.characters import CONTROL, findings, terminal_safe

BAD = Path(__file__).parent / "data" / "bad"
PROFILE = Path(__file__).parent.parent / "cvgen" / "bio" / "profiles" / "nsf.yaml"
TITLE_ESCAPE = "\x1b]0;pwned\x07"  # sets the terminal window's title
EXAMPLES = int(os.environ.get("CVGEN_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
CONTROLS = st.text(
    alphabet=st.one_of(
        st.sampled_from([chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]]),
        st.sampled_from("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069 aé"),
    ),
    min_size=1,
    max_size=12,
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    shutil.copy(BAD / "_valid.bib", tmp_path / "publications.bib")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _cv(position: str) -> str:
    return f"person:\n  name: Ada Example\n  position: {position}\n  email: ada@example.edu\n"


@pytest.mark.parametrize("written", ["raw", "escaped"])
def test_bio_never_prints_an_escape_sequence(project: Path, written: str) -> None:
    position = TITLE_ESCAPE if written == "raw" else json.dumps(TITLE_ESCAPE)
    (project / "cv.yaml").write_text(_cv(position), encoding="utf-8")
    result = CliRunner().invoke(main, ["bio", "--no-cache"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "cv.yaml:3: " in result.output and "ESC (U+001B)" in result.output


def test_a_profile_cannot_reach_the_terminal_either(project: Path) -> None:
    import yaml

    (project / "cv.yaml").write_text(_cv("Lecturer"), encoding="utf-8")
    profile = yaml.safe_load(PROFILE.read_text(encoding="utf-8"))
    profile["notice"] = "Read me" + TITLE_ESCAPE
    profile["sections"][0]["heading"] = "Identity" + TITLE_ESCAPE
    (project / "funder.yaml").write_text(yaml.safe_dump(profile), encoding="utf-8")
    result = CliRunner().invoke(main, ["bio", "--format", "funder.yaml", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "note: Read me" in result.output and "Identity" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


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


@FUZZ
@given(st.text(max_size=60))
def test_findings_locate_every_character(text: str) -> None:
    lines = text.split("\n")
    for finding in findings(text):
        char = lines[finding.line - 1][finding.column - 1]
        assert CONTROL.match(char) or "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069"
    assert not CONTROL.search(terminal_safe(text).replace("\n", "").replace("\t", ""))
