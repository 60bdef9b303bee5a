"""One shared "fields set" per shape of model instance, so large libraries stay lean.

pydantic keeps on every instance the set of field names it was given (for `exclude_unset`); for
a Publication, whose 27 fields the loader always gives, that set takes 2.2 KB, more than all its
values, and 100,000 of them (Publications and their Links) filled 150 MB of a 50,000-entry
library. Models here are frozen, so an instance never changes its set (pydantic's model_copy
copies it before updating), and equal sets can safely be one object.
"""

from __future__ import annotations

from typing import Any

_EVERY_FIELD: dict[type, set[str]] = {}  # the common case: the loader gives every field
_SHARED: dict[frozenset[str], set[str]] = {}
_MAX_SHAPES = 4096  # combinations of given fields are few; never let the table grow unbounded


def share_fields_set(model: Any) -> None:
    """Replace `model`'s fields set by the equal one already in use, if any."""
    fields = model.__pydantic_fields_set__
    if len(fields) == len(type(model).__pydantic_fields__):
        shared = _EVERY_FIELD.setdefault(type(model), fields)
        if shared is not fields:
            object.__setattr__(model, "__pydantic_fields_set__", shared)
        return
    shared = _SHARED.get(frozenset(fields))
    if shared is None:
        if len(_SHARED) < _MAX_SHAPES:
            _SHARED[frozenset(fields)] = fields
        return
    object.__setattr__(model, "__pydantic_fields_set__", shared)


SHARED_AUTHORS = "cvgen.shared_authors"


def shared_authors() -> dict[str, dict]:
    """A validation context under which equal Authors become one object: a cached library
    names 20,000 people 200,000 times, and a fresh load shares them too (bib_names.py)."""
    return {SHARED_AUTHORS: {}}


def one_object_per_author(data: Any, handler: Any, context: Any) -> Any:
    """Validate an Author, or return the equal one already validated under shared_authors()."""
    memo = context.get(SHARED_AUTHORS) if isinstance(context, dict) else None
    if memo is None or not isinstance(data, dict):
        return handler(data)
    key = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in data.items())
    try:
        found = memo.get(key)
    except TypeError:  # an unhashable value: invalid anyway, the handler says why
        return handler(data)
    if found is None:
        found = memo[key] = handler(data)
    return found
