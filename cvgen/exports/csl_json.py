"""Publications as CSL-JSON, the format Zotero, Mendeley and pandoc's citeproc read."""

from __future__ import annotations

import json

from cvgen.citations.csl_json import to_csl_json
from cvgen.compose import Settings
from cvgen.document import Document
from cvgen.exports import listed_publications
from cvgen.model import CV


def export(cv: CV, document: Document, settings: Settings) -> str:
    items = to_csl_json(listed_publications(cv, document))
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
