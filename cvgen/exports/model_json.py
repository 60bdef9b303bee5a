"""The tailored model as JSON, keyed by section (`cvgen filter --format json`)."""

from __future__ import annotations

import json
from typing import Any

from cvgen.compose import Settings
from cvgen.document import Document
from cvgen.model import CV
from cvgen.select import section_content


def _dump(item: Any) -> Any:
    return item if isinstance(item, str | dict) else item.model_dump(mode="json")


def export(cv: CV, document: Document, settings: Settings) -> str:
    shown = {section.name for section in document.sections}
    data = {
        name: [_dump(item) for item in section_content(cv, name)]
        for name in cv.data.section_order
        if name in shown
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
