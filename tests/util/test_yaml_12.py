"""cv.yaml and words files read as YAML 1.2 (issue 27, class 15), as editors and the JSON
Schema read them: `NO` (Norway), `Off` and `1:30` stay strings; every located message stays."""

from __future__ import annotations

import pytest

from cvgen.util.yaml_lines import parse_yaml
from cvgen.words import read_table


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("NO", "NO"),
        ("Off", "Off"),
        ("yes", "yes"),
        ("y", "y"),
        ("1:30", "1:30"),
        ("1_000", "1_000"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("017", 17),  # 1.2 has no leading-zero octal
        ("0o17", 15),
        ("0x1F", 31),
        ("-3", -3),
        ("1.5e3", 1500.0),
        ("1e6", 1000000.0),
        ("2019-06-01", __import__("datetime").date(2019, 6, 1)),
        ("2021-02-30", "2021-02-30"),  # an impossible date stays text for the validator
        ('"true"', "true"),
    ],
)
def test_yaml_1_2_types_plain_values(text: str, value: object) -> None:
    problems: list = []
    data, lines = parse_yaml(f"key: {text}\n", "cv.yaml", problems)
    assert data == {"key": value} and not problems and lines[("key",)] == 1


def test_yaml_1_2_keeps_keys_and_located_problems() -> None:
    problems: list = []
    data, lines = parse_yaml("no: Norway\noff: 1\nno: again\n", "cv.yaml", problems)
    assert set(data) == {"no", "off"} and (lines[("no",)], lines[("off",)]) == (1, 2)
    assert [str(p) for p in problems] == ["cv.yaml:3: no: duplicate key (first on line 1)"]


def test_a_country_code_in_cv_yaml_is_a_string(tmp_path) -> None:
    from cvgen.load.cv_yaml import load_cv_yaml

    (tmp_path / "cv.yaml").write_text(
        "person: {name: Ada Example, email: a@b.org, citizenship: [NO]}\n", encoding="utf-8"
    )
    data, problems = load_cv_yaml(tmp_path / "cv.yaml")
    assert data is not None, [str(p) for p in problems]
    assert data.person.citizenship == ["NO"]


def test_words_files_are_yaml_1_2(tmp_path) -> None:
    (tmp_path / "no.yaml").write_text("language: no\nsections: {talks: Foredrag}\n")
    assert read_table(tmp_path / "no.yaml")["language"] == "no"
