"""`cvgen schema`: valid, current, strict, and describing every field for editors."""

from __future__ import annotations

import json

import jsonschema
import yaml
from click.testing import CliRunner

from cvgen.build.schema import cv_json_schema, schema_text
from cvgen.cli import main
from cvgen.model import CustomEntry
from tests.support.clinician import DESIGN_FIELDS, NEW_FIELDS
from tests.support.paths import ROOT


def test_the_schema_describes_every_new_field_for_editors() -> None:
    schema = cv_json_schema()
    models = {"CvData": schema, **schema["$defs"]}
    new = {
        "CvData": ["custom"],
        "Design": list(DESIGN_FIELDS),
        "CustomSection": ["heading", "entries"],
        "CustomEntry": list(CustomEntry.model_fields),
        "Amount": ["amount", "currency", "per", "in_kind"],
        "Person": list(NEW_FIELDS["person"]),
        "Degree": ["track", "awarded", "gpa", "note"],
        "Appointment": ["host", "note"],
        "Award": ["per", "in_kind", "amounts", "stage", "declined", "note"],
        "Grant": ["role", "role_kind", "per", "in_kind", "amounts", "tags", "note", "currency"],
        "Student": ["role", "primary_supervisor", "previous_supervisor", "direct_track", "note"],
        "Talk": ["title", "end", "kind", "count", "language", "tags", "note"],
        "Service": ["note"],
        "Press": ["note"],
    }
    undescribed = [
        f"{model}.{name}"
        for model, names in new.items()
        for name in names
        if not models[model]["properties"][name].get("description")
    ]
    assert undescribed == []
    sections = schema["properties"]["sections"]["items"]["anyOf"]
    assert "personal_details" in sections[0]["enum"] and sections[1]["pattern"]


def test_schema_is_valid_and_validates_the_example() -> None:
    result = CliRunner().invoke(main, ["schema"])
    schema = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    example = yaml.safe_load((ROOT / "cv.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(json.dumps(example, default=str)), schema)


def test_committed_schema_file_is_current() -> None:
    assert (ROOT / "cv.schema.json").read_text(encoding="utf-8") == schema_text()
    assert (
        (ROOT / "cv.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=./cv.schema.json")
    )


def test_schema_rejects_unknown_keys() -> None:
    schema = cv_json_schema()
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors({"person": {"name": "A", "nmae": "x"}}))
