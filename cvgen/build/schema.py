"""The JSON Schema of cv.yaml (`cvgen schema`, cv.schema.json), for editors to complete and
check while one types: generated from the model, then made to catch what it can.

The model's types give structure, enums and patterns (dates with valid months and days, ORCID
iDs, links, e-mail); here the open names get the closed sets of this project: the themes and
languages cvgen ships plus the user's own beside cv.yaml, the citation styles, the ISO 4217
currencies. Every property gets a description (the model's, else schema_notes.yaml) and an
example (the embedded example researcher's value, else schema_notes.yaml's).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from cvgen.build.presentation import user_languages
from cvgen.citations.catalog import ALIASES, BUILTIN, CURATED
from cvgen.files.shipped import example_dir
from cvgen.load.sources import CV_FILE, Sources
from cvgen.model import CvData
from cvgen.themes import available
from cvgen.words import shipped_languages

NOTES = Path(__file__).with_name("schema_notes.yaml")
ROOT = "CvData"
Schema = dict[str, Any]


def cv_json_schema(folder: Path | None = None) -> Schema:
    """The schema for a cv.yaml in `folder` (its themes/ and words/ count), else cvgen's own."""
    schema = CvData.model_json_schema()
    notes = _notes()
    examples = _example_values(schema)
    closed = _closed_sets(folder)
    for owner, name, prop in _properties(schema):
        key = f"{owner}.{name}"
        if name in closed:
            _close(prop, closed[name])
        if key in notes["constraints"]:
            _constrain(prop, notes["constraints"][key])
        described = notes["descriptions"].get(key) or prop.get("description") or _inner(prop)
        if described:
            prop["description"] = described
        example = notes["examples"].get(key, examples.get(key))
        if example is not None:
            prop["examples"] = [example]
    for owner, definition in schema.get("$defs", {}).items():
        definition.update(notes["constraints"].get(owner, {}))
    _no_builtin_custom_ids(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "cvgen cv.yaml",
        **schema,
    }


def schema_text(folder: Path | None = None) -> str:
    return json.dumps(cv_json_schema(folder), indent=2, ensure_ascii=False) + "\n"


@cache
def _notes() -> dict[str, dict[str, Any]]:
    with NOTES.open(encoding="utf-8") as handle:
        table = yaml.safe_load(handle)
    return json.loads(json.dumps(table, default=str))  # a date example as its text


def _properties(schema: Schema) -> Iterator[tuple[str, str, Schema]]:
    """(model name, property name, its schema) of the root and every definition."""
    for owner, definition in [(ROOT, schema), *schema.get("$defs", {}).items()]:
        for name, prop in definition.get("properties", {}).items():
            yield owner, name, prop


def _inner(prop: Schema) -> str | None:
    """The description of a type a property takes (a date's, a link's), for its own."""
    for branch in prop.get("anyOf", []):
        if branch.get("description") or branch.get("anyOf"):
            return branch.get("description") or _inner(branch)
    return None


def _closed_sets(folder: Path | None) -> dict[str, Schema]:
    """The schemas of the names cvgen checks against a list: theme, locale (the shipped and
    the user's own), citation_style (cvgen's, a style's name, or a .csl file) and currency."""
    from babel.numbers import list_currencies

    own = user_languages(Sources(folder / CV_FILE)) if folder else {}
    languages = [*shipped_languages(), *own]
    styles = sorted({BUILTIN, *ALIASES, *CURATED})
    return {
        "theme": {"type": "string", "enum": list(available(folder))},
        "locale": {"type": "string", "enum": sorted(set(languages))},
        "citation_style": {
            "anyOf": [
                {"type": "string", "enum": styles},
                {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
                {"type": "string", "pattern": r"\.csl$"},
            ]
        },
        "currency": {"type": "string", "enum": sorted(list_currencies())},
    }


def _close(prop: Schema, closed: Schema) -> None:
    """Put `closed` where `prop` takes a string (it may also take null)."""
    if prop.get("type") == "string":
        prop.pop("type")
        prop.pop("pattern", None)
        prop.update(closed)
        return
    for index, branch in enumerate(prop.get("anyOf", [])):
        if branch.get("type") == "string":
            prop["anyOf"][index] = closed


def _constrain(prop: Schema, rules: Schema) -> None:
    """Add `rules` where `prop` takes a string (it may also take null)."""
    branches = [branch for branch in prop.get("anyOf", []) if branch.get("type") == "string"]
    for target in branches or [prop]:
        target.update(rules)


def _no_builtin_custom_ids(schema: Schema) -> None:
    """A custom section may not take a built-in section's id (`custom: {talks: ...}`)."""
    properties = schema["properties"]
    builtin = properties["sections"]["items"]["anyOf"][0]["enum"]
    properties["custom"]["propertyNames"] = {"not": {"enum": builtin}}


def _example_values(schema: Schema) -> dict[str, Any]:
    """'Model.property' -> the first value the example researcher's cv.yaml gives it."""
    text = (example_dir() / "cv.yaml").read_text(encoding="utf-8")
    data = json.loads(json.dumps(yaml.safe_load(text), default=str))
    found: dict[str, Any] = {}
    _walk(schema, ROOT, schema, data, found)
    return found


def _resolve(schema: Schema, node: Schema, owner: str, value: Any) -> tuple[Schema, str]:
    """The definition `node` points to ($ref), or its branch that fits `value` (anyOf)."""
    ref = node.get("$ref")
    if ref:
        name = ref.rsplit("/", 1)[-1]
        return schema["$defs"][name], name
    wanted = "object" if isinstance(value, dict) else "array" if isinstance(value, list) else ""
    for branch in node.get("anyOf", []):
        if branch.get("type") == wanted or (wanted == "object" and "$ref" in branch):
            return _resolve(schema, branch, owner, value)
    return node, owner


def _walk(schema: Schema, owner: str, node: Schema, value: Any, found: dict[str, Any]) -> None:
    node, owner = _resolve(schema, node, owner, value)
    if isinstance(value, dict):
        properties = node.get("properties", {})
        for key, item in value.items():
            if key in properties:
                found.setdefault(f"{owner}.{key}", _shortened(item))
                _walk(schema, owner, properties[key], item, found)
            elif isinstance(node.get("additionalProperties"), dict):
                _walk(schema, owner, node["additionalProperties"], item, found)
    elif isinstance(value, list):
        for item in value:
            _walk(schema, owner, node.get("items", {}), item, found)


def _shortened(value: Any) -> Any:
    """A list's example is its first item: one entry shows the form."""
    return value[:1] if isinstance(value, list) and value and isinstance(value[0], dict) else value
