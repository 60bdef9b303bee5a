"""`cvgen schema`: the JSON Schema of cv.yaml, so editors autocomplete and flag mistakes."""

from __future__ import annotations

import json
from typing import Any

import click


def cv_json_schema() -> dict[str, Any]:
    from cvgen.model import CvData

    schema = CvData.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "cvgen cv.yaml",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(cv_json_schema(), indent=2, ensure_ascii=False) + "\n"


@click.command(name="schema")
def command() -> None:
    """Print the JSON Schema of cv.yaml (save it as cv.schema.json beside your cv.yaml)."""
    click.echo(schema_text(), nl=False)
