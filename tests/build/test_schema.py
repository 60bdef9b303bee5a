"""cv.schema.json as an editor uses it: a description and a valid example on every property,
closed sets for theme, locale, currency (the project's own themes and languages among them),
and patterns that refuse impossible dates, malformed ORCID iDs, e-mails and links."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from cvgen.build.schema import _properties, cv_json_schema
from cvgen.cli import main

SCHEMA = cv_json_schema()
PROPERTIES = list(_properties(SCHEMA))
CHECKER = jsonschema.Draft202012Validator.FORMAT_CHECKER


def _errors(document: dict) -> list[str]:
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=CHECKER)
    return [error.message for error in validator.iter_errors(document)]


def test_every_property_is_described_and_has_an_example() -> None:
    assert len(PROPERTIES) > 200
    undescribed = [f"{o}.{n}" for o, n, p in PROPERTIES if not p.get("description")]
    without = [f"{o}.{n}" for o, n, p in PROPERTIES if not p.get("examples")]
    assert undescribed == [] and without == []
    person = SCHEMA["properties"]["person"]["description"]
    assert person.startswith("Who the CV is about")  # not the bare title "Person"


@pytest.mark.parametrize(("owner", "name", "prop"), PROPERTIES, ids=lambda v: str(v)[:30])
def test_each_example_is_valid(owner: str, name: str, prop: dict) -> None:
    schema = {"$defs": SCHEMA["$defs"], **prop}
    for example in prop["examples"]:
        errors = list(
            jsonschema.Draft202012Validator(schema, format_checker=CHECKER).iter_errors(example)
        )
        assert not errors, f"{owner}.{name}: {example!r}: {errors[0].message}"


@pytest.mark.parametrize(
    ("design", "ok"),
    [
        ({"theme": "modern"}, True),
        ({"theme": "modren"}, False),
        ({"locale": "he"}, True),
        ({"locale": "hebrew"}, False),
        ({"citation_style": "apa"}, True),
        ({"citation_style": "my-style.csl"}, True),
        ({"citation_style": "APA 7th"}, False),
    ],
)
def test_design_names_are_checked(design: dict, ok: bool) -> None:
    assert (not _errors({"person": {"name": "A"}, "design": design})) == ok


@pytest.mark.parametrize(
    ("person", "ok"),
    [
        ({"orcid": "0000-0002-1825-0097"}, True),
        ({"orcid": "https://orcid.org/0000-0002-1825-0097"}, True),
        ({"orcid": "1234-5678"}, False),
        ({"orcid": "0000-0002-1825-009Y"}, False),
        ({"email": "ada@example.edu"}, True),
        ({"email": "ada(at)example.edu"}, False),
        ({"website": "https://example.edu"}, True),
        ({"website": "www.example.edu"}, False),
        ({"website": "javascript:alert(1)"}, False),
        ({"birth_date": "1980-02-29"}, True),
        ({"birth_date": "1980-13"}, False),
        ({"birth_date": "1980-04-31"}, False),
        ({"birth_date": "1980-02-30"}, False),
    ],
)
def test_patterns_refuse_what_cvgen_refuses(person: dict, ok: bool) -> None:
    errors = _errors({"person": {"name": "A", **person}})
    assert (not errors) == ok, errors


def test_currencies_are_iso_codes() -> None:
    award = {"name": "Prize", "amount": 5, "currency": "EUR"}
    assert not _errors({"person": {"name": "A"}, "awards": [award]})
    for wrong in ("€", "euro", "EUX"):
        assert _errors({"person": {"name": "A"}, "awards": [{**award, "currency": wrong}]})


def test_the_projects_own_themes_and_languages_are_accepted(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "cv.yaml").write_text("person: {name: A}\n", encoding="utf-8")
    (tmp_path / "themes" / "mine").mkdir(parents=True)
    (tmp_path / "themes" / "mine" / "theme.yaml").write_text("description: Mine\n")
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "pl.yaml").write_text("language: pl\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["schema", "-o", "cv.schema.json"])
    assert result.exit_code == 0, result.output
    design = json.loads((tmp_path / "cv.schema.json").read_text())["$defs"]["Design"]
    theme = next(b for b in design["properties"]["theme"]["anyOf"] if "enum" in b)
    locale = next(b for b in design["properties"]["locale"]["anyOf"] if "enum" in b)
    assert "mine" in theme["enum"] and "classic" in theme["enum"]
    assert "pl" in locale["enum"] and "he" in locale["enum"]
