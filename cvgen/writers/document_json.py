"""The document tree as JSON (`cvgen export document`), for users' own templates and tools."""

from __future__ import annotations

import json

from cvgen.document import Document, to_json
from cvgen.writers import WriteOptions


class DocumentWriter:
    def write(self, document: Document, options: WriteOptions) -> str:
        return json.dumps(to_json(document), indent=1, ensure_ascii=False) + "\n"


WRITER = DocumentWriter()
