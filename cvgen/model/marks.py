"""The marks after author names (* equal contribution, † corresponding author, ...): which
ones have a meaning without being explained in cv.yaml, and the order legends list them in.

The loader warns about a mark nobody explained; the composer words the legend (compose/marks.py).
"""

from __future__ import annotations

from collections.abc import Mapping

EQUAL_MARK = "*"
ORDER = ("*", "†", "‡", "§", "¶", "#")
DEFAULT_MEANINGS = {"*": "equal", "†": "corresponding"}  # their phrases: legend.<meaning>


def explained(configured: Mapping[str, str] | None = None) -> set[str]:
    """The marks that have a meaning: the configured ones and the defaults."""
    return set(DEFAULT_MEANINGS) | set(configured or {})
