"""The JSON Schema flags, in an editor, the mistakes `cvgen check` reports: every broken
cv.yaml of the bad-input corpus (tests/data/bad/yaml_*) is read as an editor's YAML language
server reads it (YAML 1.2, ruamel.yaml, duplicate keys refused) and validated with the
`jsonschema` library against cv.schema.json. A file the YAML parser refuses is flagged too:
the editor underlines it.

The share flagged is printed (pytest -s) and must stay at or above 80 %; the cases a schema
cannot express (a cross-field rule, a checksum, a name defined elsewhere in the file) are
listed, so that any other miss fails."""

from __future__ import annotations

import io
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from cvgen.build.schema import cv_json_schema
from tests.support.paths import DATA

BAD = DATA / "bad"
# What no JSON Schema can check, and why.
UNFLAGGABLE = {
    "yaml_alias_bomb": "expanding the aliases is the attack; not validated",
    "yaml_end_before_start": "compares two fields' dates",
    "yaml_escaped_control": 'a control character written as an escape ("\\e")',
    "yaml_grant_role_unclassified": "free text cvgen classifies by its words",
    "yaml_infinite_amount": ".inf is a number to a validator",
    "yaml_orcid_checksum": "a check digit (the shape is checked)",
    "yaml_section_typo": "a section id may be a custom section's, defined elsewhere in the file",
    "yaml_variant_unknown_section": "a section id may be a custom section's",
    "yaml_bad_citation_style": "one of 11,000 names: the schema completes the common ones and "
    "accepts the shape of any",
}


def _cases() -> list[str]:
    """The corpus cases whose cv.yaml `cvgen check` refuses (exit 1, an error in cv.yaml)."""
    found = []
    for folder in sorted(BAD.glob("yaml_*")):
        expected = (folder / "expected.txt").read_text(encoding="utf-8")
        if (folder / "cv.yaml").is_file() and "exit: 0" not in expected:
            found.append(folder.name)
    return found


CASES = _cases()


def editor_flags(path: Path, validator: jsonschema.Draft202012Validator) -> list[str]:
    """What an editor shows for the file: its YAML errors, else the schema's."""
    yaml = YAML(typ="safe")  # YAML 1.2, as yaml-language-server reads
    yaml.allow_duplicate_keys = False
    try:
        data = yaml.load(io.StringIO(path.read_bytes().decode("utf-8")))
    except (YAMLError, UnicodeDecodeError, ValueError, TypeError) as error:
        return [f"YAML: {type(error).__name__}"]
    return [error.message for error in validator.iter_errors(_json(data))]


def _json(value):
    """YAML values as JSON has them (dates stay strings in YAML 1.2; keys are strings)."""
    if isinstance(value, dict):
        return {str(key): _json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json(item) for item in value]
    return value


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        cv_json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_the_corpus_is_the_bad_input_corpus() -> None:
    assert len(CASES) >= 45
    assert set(UNFLAGGABLE) <= set(CASES)


@pytest.mark.parametrize("case", sorted(set(CASES) - set(UNFLAGGABLE)))
def test_the_editor_flags_what_cvgen_check_refuses(case: str, validator) -> None:
    assert editor_flags(BAD / case / "cv.yaml", validator), f"{case}: the schema accepts it"


def test_share_flagged(validator, capsys) -> None:
    attempted = [case for case in CASES if case != "yaml_alias_bomb"]
    flagged = [case for case in attempted if editor_flags(BAD / case / "cv.yaml", validator)]
    share = len(flagged) / len(CASES)
    with capsys.disabled():
        print(
            f"\nschema: {len(flagged)} of {len(CASES)} broken cv.yaml files flagged ({share:.0%})"
        )
    assert share >= 0.8
