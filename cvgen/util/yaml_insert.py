"""Adding to a YAML file someone wrote by hand, without changing a byte of what is there.

An import that adds degrees to cv.yaml must keep the user's comments, order, quoting and
layout, so it never re-dumps the file: it finds where each collection ends in the text (from
PyYAML's node marks) and inserts the new items there, in the collection's own style: block
items at the indentation of their siblings, flow items (`[...]`, `{...}`) as JSON inside the
brackets. A key path that does not exist yet is added, whole, to the deepest mapping that does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[str, ...]


@dataclass(frozen=True)
class Insertion:
    """Append `items` to the list at `path` (made if missing), or set `path` to `value` when
    `items` is None (only where the key is missing)."""

    path: Path
    items: list[Any] | None = None
    value: Any = None


def _dump(data: Any, indent: int) -> str:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return "".join(" " * indent + line if line.strip() else line for line in text.splitlines(True))


def _flow(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def _last_leaf(node: yaml.Node) -> yaml.Node:
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node


def _next_line(text: str, mark: yaml.Mark) -> int:
    """Where the line after `mark` begins (its own start when `mark` opens a line)."""
    if mark.column == 0:
        return mark.index
    newline = text.find("\n", mark.index)
    return len(text) if newline < 0 else newline + 1


def _find(root: yaml.Node, path: Path) -> tuple[list[tuple[yaml.Node, yaml.Node]], Path]:
    """The (key, value) nodes along `path` that exist, and the rest of the path."""
    found: list[tuple[yaml.Node, yaml.Node]] = []
    node = root
    for depth, name in enumerate(path):
        if not isinstance(node, yaml.MappingNode):
            return found, path[depth:]
        pair = next(((k, v) for k, v in node.value if k.value == name), None)
        if pair is None:
            return found, path[depth:]
        found.append(pair)
        node = pair[1]
    return found, ()


def _nest(rest: Path, leaf: Any) -> Any:
    for name in reversed(rest):
        leaf = {name: leaf}
    return leaf


def _into_mapping(text: str, node: yaml.Node, key_column: int, data: dict) -> tuple[int, str]:
    """(offset, text) adding the keys of `data` to the mapping `node`."""
    if isinstance(node, yaml.MappingNode) and node.flow_style:
        pairs = ", ".join(f"{_flow(k)}: {_flow(v)}" for k, v in data.items())
        return node.end_mark.index - 1, (", " if node.value else "") + pairs
    if isinstance(node, yaml.MappingNode) and node.value:
        return _next_line(text, _last_leaf(node).end_mark), _dump(data, node.start_mark.column)
    return _next_line(text, node.start_mark), _dump(data, key_column + 2)  # an empty value


def _into_sequence(text: str, node: yaml.Node, key_column: int, new: list) -> tuple[int, str]:
    if isinstance(node, yaml.SequenceNode) and node.flow_style:
        items = ", ".join(_flow(item) for item in new)
        return node.end_mark.index - 1, (", " if node.value else "") + items
    if isinstance(node, yaml.SequenceNode) and node.value:
        return _next_line(text, _last_leaf(node).end_mark), _dump(new, node.start_mark.column)
    return _next_line(text, node.start_mark), _dump(new, key_column + 2)


def _edit(text: str, root: yaml.Node, insertion: Insertion) -> tuple[int, str] | None:
    found, rest = _find(root, insertion.path)
    if not rest and insertion.items is None:
        return None  # the key is there: a value the user wrote is never replaced
    leaf = insertion.items if insertion.items is not None else insertion.value
    key_column = found[-1][0].start_mark.column if found else -2
    node = found[-1][1] if found else root
    if not rest:
        if not isinstance(node, yaml.SequenceNode) and not _empty(node):
            raise ValueError(f"{'.'.join(insertion.path)} is not a list")
        return _into_sequence(text, node, key_column, leaf)
    if not isinstance(node, yaml.MappingNode) and not _empty(node):
        where = ".".join(insertion.path[: len(found)])
        raise ValueError(f"{where} is not a mapping")
    return _into_mapping(text, node, key_column, {rest[0]: _nest(rest[1:], leaf)})


def _empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def insert(text: str, insertions: list[Insertion], comment: str | None = None) -> str:
    """`text` with the insertions made; new top-level keys go at the end after `comment`.

    Raises ValueError when the text is not a YAML mapping or a path runs through a value
    that is neither a list nor a mapping."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is None:
        root = yaml.MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise ValueError("the file is not a mapping of keys")
    edits: dict[int, list[str]] = {}
    at_end: dict[str, Any] = {}  # new top-level keys, merged: two insertions under one key
    for insertion in insertions:
        if not _find(root, insertion.path)[0]:
            leaf = insertion.items if insertion.items is not None else insertion.value
            _merge(at_end, insertion.path, leaf)
            continue
        edit = _edit(text, root, insertion)
        if edit is not None:
            edits.setdefault(edit[0], []).append(edit[1])
    for offset in sorted(edits, reverse=True):
        gap = "\n" if offset == len(text) and text and not text.endswith("\n") else ""
        text = text[:offset] + gap + "".join(edits[offset]) + text[offset:]
    if at_end:
        text = text if not text or text.endswith("\n") else text + "\n"
        head = f"\n# {comment}\n" if comment else "\n"
        text += head + _dump(at_end, 0)
    return text


def _merge(tree: dict[str, Any], path: Path, leaf: Any) -> None:
    for name in path[:-1]:
        tree = tree.setdefault(name, {})
    tree[path[-1]] = leaf
