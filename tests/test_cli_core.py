"""The core commands through click: check, schema, init, and a fast --help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml
from click.testing import CliRunner

from cvgen.build.schema import cv_json_schema, schema_text
from cvgen.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_check_prints_summary_of_example(example_sources) -> None:
    result = CliRunner().invoke(
        main, ["check", "--cv", str(example_sources.cv), "--bib", str(example_sources.bib)]
    )
    assert result.exit_code == 0, result.output
    assert "Miriam Adler-Katz" in result.output
    assert "Publications  56 (2006–2026)" in result.output
    assert "journal" in result.output and "conference" in result.output
    assert "OK:" in result.output


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


def test_init_writes_valid_starter_and_refuses_to_overwrite(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "mycv"
    assert runner.invoke(main, ["init", str(target)]).exit_code == 0
    check = runner.invoke(main, ["check", "--cv", str(target / "cv.yaml")])
    assert check.exit_code == 0, check.output
    again = runner.invoke(main, ["init", str(target)])
    assert again.exit_code == 1
    assert "not overwriting" in again.output


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from cvgen.cli import main;"
        "CliRunner().invoke(main, ['--help']);"
        "print(sorted(m for m in ('pylatex','weasyprint','pydantic','bibtexparser','jinja2')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
