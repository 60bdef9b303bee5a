"""Reading ORCID's JSON defensively: every accessor returns None or an empty list for a shape it
does not expect, so an odd record (a v2.1 one, a `null` section, a number where text belongs)
loses a value, never raises.

ORCID wraps most scalars (`{"title": {"title": {"value": "..."}}}`), lists sections in groups
(`affiliation-group[].summaries[].employment-summary` in v3.0, a flat `employment-summary[]` in
v2.1), and stores dates as entered, invalid ones included (1930-02-29).
"""

from __future__ import annotations

import re
from typing import Any

from cvgen.errors import CvgenError
from cvgen.util.dates import first_valid

_PUT_CODE = re.compile(r"^\d{1,19}$")


def json_object(response: Any, what: str) -> dict:
    """The answer's JSON object; an HTML page or a list where ORCID promises an object is one
    clear error, not a traceback."""
    try:
        data = response.json()
    except ValueError:
        raise CvgenError(f"ORCID answered {what} with something that is not JSON") from None
    if not isinstance(data, dict):
        raise CvgenError(f"ORCID answered {what} with JSON of an unexpected shape")
    return data


def value(node: Any, *path: str) -> Any:
    """The `value` under `path`: {"title": {"title": {"value": "..."}}}."""
    return field(node, *path, "value")


def field(node: Any, *path: str) -> Any:
    """The item under `path`, or None where a step is not a mapping."""
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def text(node: Any, *path: str) -> str | None:
    """A string under `path` (wrapped or bare), stripped; None when empty or not text."""
    found = field(node, *path)
    if isinstance(found, dict):
        found = found.get("value")
    if not isinstance(found, str):
        return None
    return " ".join(found.split()) or None


def items(node: Any, *path: str) -> list[dict]:
    """The mappings of a list under `path`; anything else in it is dropped."""
    found = field(node, *path)
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def summaries(section: Any, kind: str) -> list[dict]:
    """Every `<kind>-summary` of an activities section: v3.0's affiliation groups or v2.1's flat
    list."""
    name = f"{kind}-summary"
    grouped = [
        summary[name]
        for group in items(section, "affiliation-group")
        for summary in items(group, "summaries")
        if isinstance(summary.get(name), dict)
    ]
    return grouped or items(section, name)


def put_code(node: Any) -> str | None:
    """A work's or funding's put-code as digits only: it becomes part of a URL path."""
    code = field(node, "put-code")
    if isinstance(code, bool):
        return None
    code = str(code) if isinstance(code, int | str) else ""
    return code if _PUT_CODE.match(code) else None


def _number(node: Any, part: str) -> int | None:
    raw = value(node, part)
    raw = str(raw).strip() if isinstance(raw, str | int) and not isinstance(raw, bool) else ""
    return int(raw) if raw.isdigit() and len(raw) <= 4 else None


def date(node: Any) -> str | int | None:
    """An ORCID date ({year, month, day}) as a CV dates a post: year and month (the day, which
    ORCID often fills with the 1st or the 30th, is not CV matter). A month out of range is
    dropped; a year outside cvgen's range gives None."""
    year, month = _number(node, "year"), _number(node, "month")
    if year is None:
        return None
    return first_valid((f"{year:04d}-{month:02d}" if month else None, str(year)))


def place(organization: Any) -> str | None:
    """'Middletown, CT, US' from an organization's address (parts that are text)."""
    address = field(organization, "address")
    parts = [text(address, key) for key in ("city", "region", "country")]
    return ", ".join(part for part in parts if part) or None
