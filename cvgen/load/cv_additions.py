"""What an import adds to cv.yaml: the items the file lacks, inserted into the user's own text.

An import (ORCID, JSON Resume) proposes cv.yaml data; this module keeps only what is missing
(a degree, a job, an award already in the file is recognised by its names and start year, in
any case and spacing), checks every proposed item with cvgen's own model so that nothing is
written that `cvgen check` would refuse, and inserts the rest without touching a byte of what
the user wrote (util/yaml_insert.py). A value the user gave is never replaced.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import ValidationError

from cvgen.errors import CvgenError
from cvgen.model import CvData
from cvgen.util.yaml_insert import Insertion, insert

# The fields that name an item of each list section: two items with the same are one.
IDENTITY = {
    "education": ("degree", "institution"),
    "appointments": ("title", "institution"),
    "awards": ("name",),
    "grants": ("title",),
    "service": ("role", "organization"),
    "talks": ("title", "event"),
    "students": ("name",),
    "teaching": ("course",),
    "press": ("title",),
    "custom": ("title", "organization"),
}
_SCALARS = ("bio", "research_statement")


def _norm(value: Any) -> str:
    return re.sub(r"[\W_]+", "", str(value or "").casefold())


def identity(section: str, item: Any) -> tuple[str, ...]:
    """What makes two items one: their names, and the year they began when both say it."""
    if not isinstance(item, dict):
        return (_norm(item),)
    return tuple(_norm(item.get(name)) for name in IDENTITY.get(section, ()))


def _year(item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    when = item.get("start") or item.get("date")
    return str(when)[:4] if when not in (None, "present") else None


def _known(section: str, item: Any, existing: list[Any]) -> bool:
    key, year = identity(section, item), _year(item)
    return any(
        identity(section, old) == key and (year is None or _year(old) in (None, year))
        for old in existing
    )


@dataclass(frozen=True)
class Item:
    """One value to add: an item of the list at `path`, or the value of a missing key."""

    path: tuple[str, ...]
    value: Any
    listed: bool  # an item of a list (else a key's value)

    def describe(self) -> str:
        where = ".".join(p for p in self.path if p not in ("entries",))
        if isinstance(self.value, dict):
            names = [str(v) for k, v in self.value.items() if isinstance(v, str | int)][:2]
            return f"{where}: {', '.join(names)}"
        return f"{where}: {self.value}"


@dataclass
class Result:
    """The new text, what it adds, and what was left out (already there, or refused)."""

    text: str
    added: list[Item] = field(default_factory=list)
    already: int = 0
    refused: list[str] = field(default_factory=list)


def _shape(section: str, have: Any, value: Any) -> None:
    """A section the file holds must have the shape the proposal adds to."""
    kind = dict if isinstance(value, dict) else list if isinstance(value, list) else None
    if have is not None and kind is not None and not isinstance(have, kind):
        raise CvgenError(
            f"cannot add to cv.yaml: {section} is not a {'mapping' if kind is dict else 'list'}"
        )


def _section_items(existing: dict, proposal: dict) -> tuple[list[Item], int]:
    found: list[Item] = []
    already = 0
    for section, value in proposal.items():
        have = existing.get(section)
        _shape(section, have, value)
        if section in ("person", "publications"):
            found += _missing_keys((), existing, {section: value})
        elif section == "custom":
            for name, custom in value.items():
                mine = (have or {}).get(name) if isinstance(have, dict) else None
                old = mine.get("entries") if isinstance(mine, dict) else None
                if not isinstance(mine, dict):
                    found.append(Item(("custom", name), custom, listed=False))
                    continue
                for entry in custom.get("entries", []):
                    seen = _known("custom", entry, old if isinstance(old, list) else [])
                    already += seen
                    if not seen:
                        found.append(Item(("custom", name, "entries"), entry, listed=True))
        elif section in _SCALARS:
            if have in (None, ""):
                found.append(Item((section,), value, listed=False))
        else:
            old = have if isinstance(have, list) else []
            for item in value:
                seen = _known(section, item, old)
                already += seen
                if not seen:
                    found.append(Item((section,), item, listed=True))
    return found, already


def _missing_keys(path: tuple[str, ...], have: dict, proposed: dict) -> list[Item]:
    """The keys of a mapping the file lacks; nested mappings key by key (person.links)."""
    found: list[Item] = []
    for key, value in proposed.items():
        if isinstance(value, dict) and isinstance(have.get(key), dict):
            found += _missing_keys((*path, key), have[key], value)
        elif key not in have:
            found.append(Item((*path, key), value, listed=False))
    return found


def _apply(data: dict, items: list[Item]) -> dict:
    merged = copy.deepcopy(data)
    for item in items:
        node = merged
        for name in item.path[:-1]:
            node = node.setdefault(name, {})
        last = item.path[-1]
        if item.listed:
            if not isinstance(node.get(last), list):
                node[last] = []
            node[last].append(item.value)
        else:
            node[last] = item.value
    return merged


def _failing_item(error: ValidationError, data: dict, items: list[Item]) -> Item | None:
    """The added item a validation error points into, if any."""
    merged = _apply(data, items)  # holds the items' own objects: found by identity
    for problem in error.errors():
        loc = problem["loc"]
        for item in items:
            depth = len(item.path)
            if tuple(loc[:depth]) != item.path:
                continue
            if not item.listed:
                return item
            node: Any = merged
            for name in item.path:
                node = node.get(name) if isinstance(node, dict) else None
            index = next((i for i, v in enumerate(node or []) if v is item.value), None)
            if len(loc) > depth and loc[depth] == index:
                return item
    return None


def _checked(existing: dict, items: list[Item], refused: list[str]) -> list[Item]:
    """The items whose addition leaves cv.yaml valid: each refused one is named."""
    kept = list(items)
    for _ in range(len(items) + 1):
        try:
            CvData.model_validate(_apply(existing, kept))
            return kept
        except ValidationError as error:
            bad = _failing_item(error, existing, kept)
            if bad is None:
                first = error.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                raise CvgenError(f"cv.yaml does not check ({where}: {first['msg']})") from None
            refused.append(f"{bad.describe()} (cvgen would refuse it)")
            kept.remove(bad)
    return kept


def add_to_cv_yaml(text: str, proposal: dict, comment: str) -> Result:
    """`text` (a cv.yaml, or '' for a new one) with what `proposal` adds; new top-level keys
    go at the end after `comment`."""
    try:
        existing = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as error:
        raise CvgenError(f"cv.yaml is not valid YAML: {error}") from None
    if not isinstance(existing, dict):
        raise CvgenError("cv.yaml is not a mapping of keys; run cvgen check")
    items, already = _section_items(existing, proposal)
    result = Result(text, already=already)
    items = _checked(existing, items, result.refused)
    insertions: dict[tuple[str, ...], Insertion] = {}  # in the proposal's order
    for item in items:
        if not item.listed:
            insertions[item.path] = Insertion(item.path, value=item.value)
        elif item.path in insertions:
            insertions[item.path].items.append(item.value)  # type: ignore[union-attr]
        else:
            insertions[item.path] = Insertion(item.path, items=[item.value])
    try:
        result.text = insert(text, list(insertions.values()), comment)
    except ValueError as error:
        raise CvgenError(f"cannot add to cv.yaml: {error}") from None
    if _reread(result.text) != _apply(existing, items):  # never write what we did not mean
        raise CvgenError("cannot add to cv.yaml without changing what it holds; nothing written")
    result.added = items
    return result


def _reread(text: str) -> Any:
    """The data of the edited text, or None when the edit broke it."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None
