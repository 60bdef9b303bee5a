"""The document tree as JSON (writers/document_json.py), for users' own templates and tools."""

from __future__ import annotations

import json

from cvgen.document import plain_text, to_json
from cvgen.model import CV
from cvgen.writers import WriteOptions
from cvgen.writers.document_json import WRITER
from tests.support.rendering import document


def test_the_json_is_the_trees_with_its_version(small_cv: CV) -> None:
    tree = document(small_cv)
    text = WRITER.write(tree, WriteOptions())
    assert text.endswith("\n") and json.loads(text) == json.loads(json.dumps(to_json(tree)))
    data = json.loads(text)
    assert data["cvgen_document"] == 1
    assert [s["heading"] for s in data["sections"]] == [s.heading for s in tree.sections]
    first = tree.sections[0].all_entries()[0]
    assert "".join(s["text"] for s in data["sections"][0]["groups"][0]["entries"][0]["title"]) == (
        plain_text(first.title)
    )
