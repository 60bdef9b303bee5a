"""The values of a JSON Resume as people write them, read defensively: a string where a list
belongs, 'Present' as an end date, '2024.02', two periods in one field; and the Resume the
reader fills (cv.yaml data plus what it could not say)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cvgen.util.dates import first_valid

_DATE = re.compile(r"^\s*(\d{4})(?:[-./](\d{1,2}))?(?:[-./](\d{1,2}))?")
_PRESENT = {"present", "now", "current", "ongoing", "today"}


@dataclass
class Resume:
    """What a resume.json holds, as cv.yaml data, and what it could not say."""

    data: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, section: str, item: dict[str, Any]) -> None:
        self.data.setdefault(section, []).append(_clean(item))

    def add_custom(self, section: str, heading: str, item: dict[str, Any]) -> None:
        custom = self.data.setdefault("custom", {})
        custom.setdefault(section, {"heading": heading, "entries": []})["entries"].append(
            _clean(item)
        )


def _clean(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if v not in (None, "", [], {})}


def text(node: Any, key: str) -> str | None:
    value = node.get(key) if isinstance(node, dict) else None
    return " ".join(value.split()) or None if isinstance(value, str) else None


def listed(node: Any, key: str) -> list[dict]:
    value = node.get(key) if isinstance(node, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def strings(node: Any, key: str) -> list[str]:
    """A list of strings, or one string (highlights: "" is common)."""
    value = node.get(key) if isinstance(node, dict) else None
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [" ".join(v.split()) for v in values if isinstance(v, str) and v.strip()]


def resume_date(value: Any, where: str, notes: list[str]) -> str | int | None:
    """'2017-05', 2021, 'present' from what people write ('2024.02', 'Present',
    '2017-05 - 2019-04, 2025-02': the first date, the rest noted)."""
    if not isinstance(value, str | int) or isinstance(value, bool) or str(value).strip() == "":
        return None
    raw = str(value).strip()
    if raw.lower() in _PRESENT:
        return "present"
    match = _DATE.match(raw)
    if not match:
        notes.append(f"{where}: {raw!r} is not a date; left out")
        return None
    year, month, day = match.groups()
    forms = [f"{year}-{int(month):02d}-{int(day):02d}" if month and day else None]
    forms += [f"{year}-{int(month):02d}" if month else None, year]
    if raw[match.end() :].strip():
        notes.append(f"{where}: only {match.group(0).strip()} of {raw!r} taken")
    return first_valid(forms)


def period(item: dict, where: str, notes: list[str]) -> dict[str, Any]:
    start = resume_date(item.get("startDate") or item.get("date"), f"{where}.startDate", notes)
    end = resume_date(item.get("endDate"), f"{where}.endDate", notes)
    return {"start": None if start == "present" else start, "end": end}
