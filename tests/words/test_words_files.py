"""A words file is data too (words/check.py): a phrase fills plain {placeholders} and nothing
else (no format spec, conversion, attribute or index), YAML errors and tags are located, and
only regular files are read."""

from __future__ import annotations

import os
import resource
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cvgen.cli import main
from cvgen.words import fill, plain_fields
from cvgen.words.check import check_table, reference
from tests.support.deadline import deadline

EXAMPLES = int(os.environ.get("CVGEN_FUZZ_EXAMPLES", "100"))
SMALL = Path(__file__).resolve().parents[1] / "data" / "small"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(SMALL / "publications.bib", tmp_path / "publications.bib")
    cv = (SMALL / "cv.yaml").read_text(encoding="utf-8")
    (tmp_path / "cv.yaml").write_text(cv + "design: {locale: sv}\n", encoding="utf-8")
    (tmp_path / "words").mkdir()
    return tmp_path


def html(project: Path, words: str | None = None):
    if words is not None:
        (project / "words" / "sv.yaml").write_text(words, encoding="utf-8")
    out = project / "cv.html"
    args = ["html", "--cv", str(project / "cv.yaml"), "-o", str(out), "--no-cache"]
    return CliRunner().invoke(main, args), out


@pytest.mark.parametrize(
    ("phrase", "shown"),
    [
        ("{degree:>50000000} in {field}", "{degree:>50000000}"),
        ("{degree!r} in {field}", "{degree!r}"),
        ("{degree.__class__} in {field}", "{degree.__class__}"),
        ("{degree[0]} in {field}", "{degree[0]}"),
        ("{degree:{field}} in {field}", "{degree:{field}}"),
        ("{degree:,} in {field}", "{degree:,}"),
    ],
)
def test_a_phrase_fills_placeholders_and_nothing_else(project: Path, phrase, shown) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result, out = html(project, f"language: sv\ndegree: '{phrase}'\n")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"sv.yaml:2: degree: {shown} is more than a placeholder" in result.output
    assert not out.exists()
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KB


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("language: sv\ndegree: !!python/object/apply:os.system [id]\n", "sv.yaml:2: YAML syntax"),
        ("language: sv\ndegree: [unclosed\n", "sv.yaml:3: YAML syntax error"),
        ("language: sv\n\tdegree: x\n", "tabs"),
        ("- a list\n- not a table\n", "a words file is a mapping of keys to phrases"),
        ("language: sv\ndegree: '\x1b[2J{degree} in {field}'\n", "control character"),
    ],
)
def test_yaml_errors_and_tags_are_located(project: Path, text: str, expected: str) -> None:
    result, _ = html(project, text)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert expected in result.output


@pytest.mark.parametrize("where", ["words/sv.yaml", "mine.yaml"])
def test_a_named_pipe_as_a_words_file_does_not_hang(project: Path, where: str) -> None:
    os.mkfifo(project / where)
    if where == "mine.yaml":
        cv = project / "cv.yaml"
        cv.write_text(cv.read_text().replace("locale: sv", "locale: de, words: mine.yaml"))
    with deadline(20):
        result, _ = html(project)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "named pipe" in result.output or "no words file" in result.output


NAMES = st.sampled_from(["degree", "field", "title", "x", "__class__", "0", ""])
SPECS = st.sampled_from(["", ":>9", ":,", "!r", "!s", ".real", "[0]", ":{field}"])
LITERALS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)


@st.composite
def phrases(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        literal = draw(LITERALS).replace("{", "{{").replace("}", "}}")
        parts.append(literal + "{" + draw(NAMES) + draw(SPECS) + "}")
    return "".join(parts) + draw(LITERALS).replace("{", "{{").replace("}", "}}")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(phrases())
def test_a_phrase_the_check_accepts_fills_to_its_literal_size(phrase: str) -> None:
    """Whatever the phrase, either the check refuses it, or filling it with short values
    gives no more than its own text and the values: no spec can widen it."""
    problems = check_table({"degree": phrase}, {}, "sv.yaml")
    if problems:
        return
    assert plain_fields(phrase) is None
    filled = fill(phrase, {"degree": "PhD", "field": "Physics"})
    assert len(filled) <= len(phrase) + 2 * len("Physics")


def test_every_shipped_phrase_is_plain() -> None:
    assert not [
        key
        for key, phrase in reference().items()
        if isinstance(phrase, str) and plain_fields(phrase)
    ]
