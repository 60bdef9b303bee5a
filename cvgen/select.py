"""Tailoring: pure CV -> CV transforms applied before any backend (like a pandoc filter).

The issue that owns tailoring (#5) extends this module: since/until/last/types/tags/selected/
with_students/sections, and named variants. Every backend gets tailoring for free because the
pipeline applies `apply_selection` between loading and rendering.
"""

from __future__ import annotations

from dataclasses import dataclass

from cvgen.model import CV


@dataclass(frozen=True)
class Selection:
    """What to keep; an empty Selection keeps everything."""

    sections: tuple[str, ...] = ()


def apply_selection(cv: CV, selection: Selection) -> CV:
    if selection.sections:
        return cv.model_copy(
            update={"data": cv.data.model_copy(update={"sections": list(selection.sections)})}
        )
    return cv
