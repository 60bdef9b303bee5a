"""CSL-JSON for reference managers (exports/csl_json.py) and the model as JSON
(exports/model_json.py)."""

from __future__ import annotations

import json

from cvgen.citations.csl_json import csl_item
from cvgen.exports import listed_publications
from cvgen.exports.csl_json import export
from cvgen.exports.model_json import export as model_export
from tests.support.exporting import SETTINGS, small


def test_the_listed_publications_as_csl_items() -> None:
    cv, document = small()
    items = json.loads(export(cv, document, SETTINGS))
    assert items == [csl_item(p) for p in listed_publications(cv, document)]


def test_the_model_json_is_keyed_by_the_documents_sections() -> None:
    cv, document = small()
    data = json.loads(model_export(cv, document, SETTINGS))
    assert list(data) == [s.name for s in document.sections]
    listed = listed_publications(cv, document)
    patents = {p.key for p in listed if p.kind.value == "patent"}
    assert {p["key"] for p in data["patents"]} == patents
    assert {p["key"] for p in data["publications"]} == {p.key for p in listed} - patents
