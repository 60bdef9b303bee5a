"""The README's reference of cv.yaml lists every key of the model, one line each, and no key
the model does not have; the JSON Schema describes the keys issue 26 added, with examples
(test_cli_core checks that the shipped cv.schema.json is the current one)."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from cvgen.build.schema import cv_json_schema
from cvgen.model import CvData

README = Path(__file__).resolve().parents[2] / "README.md"
_LINE = re.compile(r"^( *)([a-z_]+):.*#\s*\S")


def _models_in(annotation: object) -> list[type[BaseModel]]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, dict):
        return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]
    is_model = isinstance(annotation, type) and issubclass(annotation, BaseModel)
    return [annotation] if is_model else []  # type: ignore[list-item]


def model_keys(model: type[BaseModel] = CvData, prefix: str = "") -> Iterator[str]:
    for name, field in model.model_fields.items():
        yield prefix + name
        for sub in _models_in(field.annotation):
            yield from model_keys(sub, f"{prefix}{name}.")


def readme_keys() -> list[str]:
    """The dotted keys of the reference block, from each line's indentation."""
    text = README.read_text(encoding="utf-8")
    block = text.split("<b>Every key of cv.yaml</b>", 1)[1].split("```yaml\n", 1)[1]
    block = block.split("```", 1)[0]
    keys, path = [], []
    for line in block.splitlines():
        match = _LINE.match(line)
        assert match, f"not a described key: {line!r}"
        depth = len(match.group(1)) // 2
        path = [*path[:depth], match.group(2)]
        keys.append(".".join(path))
    return keys


def test_the_readme_lists_every_key_once() -> None:
    listed = readme_keys()
    assert len(listed) == len(set(listed))
    expected = list(model_keys())
    assert sorted(set(expected) - set(listed)) == []
    assert sorted(set(listed) - set(expected)) == []


def test_the_schema_describes_the_new_keys_with_examples() -> None:
    schema = cv_json_schema()
    models = {"CvData": schema, **schema["$defs"]}
    new = {
        "CvData": ["certifications", "memberships", "student_counts", "short_names"],
        "Person": ["title", "postnominals"],
        "Appointment": ["kind", "primary"],
        "Grant": ["kind", "share", "declined"],
        "Certification": ["name", "issuer", "date", "end", "identifier", "note"],
        "Membership": ["organization", "role", "start", "end", "note"],
        "StudentCounts": ["phd", "msc", "postdoc", "undergraduate"],
    }
    props = {(m, n): models[m]["properties"][n] for m, names in new.items() for n in names}
    assert [key for key, prop in props.items() if not prop.get("description")] == []
    with_examples = ["title", "postnominals", "share", "identifier", "organization", "phd"]
    assert [n for (_, n), p in props.items() if n in with_examples and not p.get("examples")] == []
    grant_kinds = models["Grant"]["properties"]["kind"]["enum"]
    assert grant_kinds == ["competitive", "industrial", "internal"]
    sections = schema["properties"]["sections"]["items"]["anyOf"][0]["enum"]
    assert {"administration", "certifications", "memberships"} <= set(sections)
