"""Tables of one's own laid over cvgen's: a words file over a language, a theme over classic."""

from __future__ import annotations

from typing import Any


def merged_tables(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` laid on `base`, sub-table by sub-table: a user says only what differs."""
    out = dict(base)
    for key, value in over.items():
        both = isinstance(value, dict) and isinstance(base.get(key), dict)
        out[key] = merged_tables(base[key], value) if both else value
    return out
