"""Adding to a YAML file someone wrote by hand, without changing a byte of what is there.

An import that adds degrees to cv.yaml must keep the user's comments, order, quoting and
layout, so it never re-dumps the file: it finds where each collection ends in the text (from
PyYAML's node marks) and inserts the new items there, in the collection's own style: block
items at the indentation of their siblings, flow items (`[...]`, `{...}`) as JSON inside the
brackets. A key path that does not exist yet is added, whole, to the deepest mapping that does;
a key left empty or null (`awards: ~`) takes the new value in the null's place.
"""

from __future__ import annotations

import json
import re
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


# What JSON leaves raw and YAML refuses in a file (DEL, C1 controls, U+FFFE) or reads as a
# line break (NEL, U+2028, U+2029): escaped in a flow item.
_NOT_FLOW_TEXT = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _dump(data: Any, indent: int) -> str:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return "".join(" " * indent + line if line.strip() else line for line in text.splitlines(True))


def _flow(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False)
    return _NOT_FLOW_TEXT.sub(lambda char: f"\\u{ord(char[0]):04x}", text)


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


# An edit: at this offset, cut so many characters and put this text.
Edit = tuple[int, int, str]


def _into_mapping(text: str, node: yaml.Node, data: dict) -> Edit:
    """Adding the keys of `data` to the mapping `node`."""
    if node.flow_style:
        pairs = ", ".join(f"{_flow(k)}: {_flow(v)}" for k, v in data.items())
        return node.end_mark.index - 1, 0, (", " if node.value else "") + pairs
    return _next_line(text, _last_leaf(node).end_mark), 0, _dump(data, node.start_mark.column)


def _into_sequence(text: str, node: yaml.Node, new: list) -> Edit:
    if node.flow_style:
        items = ", ".join(_flow(item) for item in new)
        return node.end_mark.index - 1, 0, (", " if node.value else "") + items
    return _next_line(text, _last_leaf(node).end_mark), 0, _dump(new, node.start_mark.column)


def _into_null(text: str, node: yaml.Node, key_column: int, in_flow: bool, data: Any) -> list[Edit]:
    """The value of a key left empty or null (`awards:`, `awards: ~`): the null goes (with
    the spaces before it), the data comes in block style on the lines below; inside a flow
    collection (`{links: ~}`) it takes the null's place as JSON."""
    start, end = node.start_mark.index, node.end_mark.index
    if in_flow:  # `{a: ~}`, `{a: }`, or `{a}` (a key alone)
        colon = "" if text[:start].rstrip().endswith(":") else ":"
        space = "" if text[start - 1].isspace() else " "
        return [(start, end - start, colon + space + _flow(data))]
    block = (_next_line(text, node.end_mark), 0, _dump(data, key_column + 2))
    if end == start:  # `awards:`, nothing to cut
        return [block]
    while text[start - 1] in " \t":  # a null always follows its key's colon
        start -= 1
    return [(start, end - start, ""), block]


def _edit(text: str, root: yaml.Node, insertion: Insertion) -> list[Edit]:
    found, rest = _find(root, insertion.path)
    if not rest and insertion.items is None:
        return []  # the key is there: a value the user wrote is never replaced
    leaf = insertion.items if insertion.items is not None else insertion.value
    node = found[-1][1]  # the file's own keys found: insert() adds the others at the end
    if not rest and not isinstance(node, yaml.SequenceNode) and not _empty(node):
        raise ValueError(f"{'.'.join(insertion.path)} is not a list")
    if rest and not isinstance(node, yaml.MappingNode) and not _empty(node):
        raise ValueError(f"{'.'.join(insertion.path[: len(found)])} is not a mapping")
    data = {rest[0]: _nest(rest[1:], leaf)} if rest else leaf
    if _empty(node):
        parent = found[-2][1] if len(found) > 1 else root
        key_column = found[-1][0].start_mark.column
        return _into_null(text, node, key_column, bool(parent.flow_style), data)
    return [_into_mapping(text, node, data) if rest else _into_sequence(text, node, data)]


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
    puts: dict[int, list[str]] = {}
    cuts: dict[int, int] = {}  # a null two insertions fill is cut once
    at_end: dict[str, Any] = {}  # new top-level keys, merged: two insertions under one key
    for insertion in insertions:
        if not _find(root, insertion.path)[0]:
            leaf = insertion.items if insertion.items is not None else insertion.value
            _merge(at_end, insertion.path, leaf)
            continue
        for offset, cut, put in _edit(text, root, insertion):
            if cut:
                cuts[offset] = cut
            if put:
                puts.setdefault(offset, []).append(put)
    for offset in sorted(puts.keys() | cuts.keys(), reverse=True):
        gap = "\n" if offset == len(text) and text and not text.endswith("\n") else ""
        put = "".join(puts.get(offset, []))
        text = text[:offset] + gap + put + text[offset + cuts.get(offset, 0) :]
    if at_end:
        text = text if not text or text.endswith("\n") else text + "\n"
        head = f"\n# {comment}\n" if comment else "\n"
        text += head + _dump(at_end, 0)
    return text


def _merge(tree: dict[str, Any], path: Path, leaf: Any) -> None:
    for name in path[:-1]:
        tree = tree.setdefault(name, {})
    tree[path[-1]] = leaf
