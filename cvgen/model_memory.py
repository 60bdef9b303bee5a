"""One shared "fields set" per shape of model instance, so large libraries stay lean.

pydantic keeps on every instance the set of field names it was given (for `exclude_unset`); for
a Publication, whose 27 fields the loader always gives, that set takes 2.2 KB, more than all its
values, and 100,000 of them (Publications and their Links) filled 150 MB of a 50,000-entry
library. Models here are frozen, so an instance never changes its set (pydantic's model_copy
copies it before updating), and equal sets can safely be one object.
"""

from __future__ import annotations

from typing import Any

_SHARED: dict[frozenset[str], set[str]] = {}
_MAX_SHAPES = 4096  # combinations of given fields are few; never let the table grow unbounded


def share_fields_set(model: Any) -> None:
    """Replace `model`'s fields set by the equal one already in use, if any."""
    fields = model.__pydantic_fields_set__
    shared = _SHARED.get(frozenset(fields))
    if shared is None:
        if len(_SHARED) < _MAX_SHAPES:
            _SHARED[frozenset(fields)] = fields
        return
    object.__setattr__(model, "__pydantic_fields_set__", shared)
