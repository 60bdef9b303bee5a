"""YAML read with the line of every key path, and every problem with the text located.

PyYAML forgets where values came from once it builds Python objects, so we compose the node tree
ourselves and remember the line of every key path, for messages such as "cv.yaml:12:
education[0].end: ...". Plain values are typed as YAML 1.2 types them (Yaml12Loader): `NO`
(Norway), `Off` and `1:30` stay strings, as in editors and the JSON Schema.
PyYAML also accepts duplicate keys silently (the last wins); we report
them, with characters no one should type (control characters, lone surrogates) and values
that an unquoted comma cut short. Used for cv.yaml, themes, words tables, profiles and metrics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from cvgen.errors import Problem, Severity
from cvgen.util.characters import BIDI, CONTROL, bidi_message, control_message

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class CutValue:
    """A key of a `{…}` mapping with no value that follows a plain value: most likely the end
    of that value, cut off by an unquoted comma (`note: Fellow, 2010–2012}`)."""

    key: str  # the key whose value was cut
    value: str  # what it kept

    def hint(self, tail: str) -> str:
        whole = f"{self.value}, {tail}".replace('"', '\\"')
        return (
            f"; inside {{…}} a comma ends a value, so {self.key} ended at the comma: "
            f'quote the whole value, {self.key}: "{whole}"'
        )


class Lines(dict[Loc, int]):
    """The line of every key path, and the `{…}` keys that look like a value cut at a comma."""

    def __init__(self) -> None:
        super().__init__()
        self.cut_values: dict[Loc, CutValue] = {}


class Yaml12Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader (libyaml's parser where installed) that types plain values as YAML 1.2
    does, as editors and the JSON Schema read them: only true/false are booleans, only ~,
    null and nothing are null, and `NO`, `Off`, `y` and `1:30` (YAML 1.1's booleans and base-60
    numbers) stay strings. Dates (2019-06-01) are still dates, as ruamel.yaml reads them too."""

    yaml_implicit_resolvers: dict = {}  # noqa: RUF012 - PyYAML's class-level table, filled below


_CORE_SCHEMA = (  # YAML 1.2.2, 10.3.2 (the core schema), and dates as YAML 1.1 wrote them
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
    (
        "timestamp",
        r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
        r"(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
        r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$",
        "0123456789",
    ),
    ("merge", r"^<<$", "<"),
)
for _name, _pattern, _first in _CORE_SCHEMA:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_name}", re.compile(_pattern), _first)


def _core_bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    return loader.construct_scalar(node).lower() == "true"


def _core_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """Decimal (leading zeros allowed: 1.2 has no 017 octal), 0o octal, 0x hexadecimal."""
    value = loader.construct_scalar(node)
    if value.startswith(("0o", "0x")):
        return int(value[2:], 8 if value[1] == "o" else 16)
    return int(value)


def _core_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    value = loader.construct_scalar(node).lower()
    if value.endswith((".inf", ".nan")):
        return float(value.replace(".", ""))
    return float(value)


Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", _core_bool)
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _core_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _core_float)


class _Loader(Yaml12Loader):
    """The YAML 1.2 loader, whose impossible dates (2021-02-30) stay strings for our own
    validation."""


def _lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)


_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_NODES = 200_000  # values in one cv.yaml: far beyond any real CV (the example has ~1,200)
_COLLECTION_START = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_NODE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, *_COLLECTION_START)


class _TooLarge(Exception):
    pass


def _too_many_values(text: str) -> str | None:
    """Why the text holds too many values to be a CV (naming its largest list), or None.

    Counted on the parser's events, before any tree is built, so a long file costs no memory
    (and its size is capped); an alias counts once here, its expansion is bounded in _Walk."""
    count, largest = 0, (0, 0, "list")
    open_collections: list[list[Any]] = []  # [items, line, kind] of each enclosing collection
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, _NODE_EVENTS):
            count += 1
            if open_collections:
                open_collections[-1][0] += 1
        if isinstance(event, _COLLECTION_START):
            kind = "list" if isinstance(event, yaml.SequenceStartEvent) else "mapping"
            open_collections.append([0, event.start_mark.line + 1, kind])
        elif isinstance(event, yaml.CollectionEndEvent):
            largest = max(largest, tuple(open_collections.pop()))
    if count <= MAX_NODES:
        return None
    items, line, kind = largest
    what = f"the list from line {line} has {items:,} items"
    if kind == "mapping":
        what = f"the mapping from line {line} has {items // 2:,} keys"
    return (
        f"holds {count:,} values, more than the {MAX_NODES:,} cvgen reads from a cv.yaml ({what})"
    )


@dataclass
class _Walk:
    """One walk of the composed YAML tree: the line of every key path, and what is wrong with
    keys and values (duplicate keys; characters that YAML escapes such as "\\e" produced)."""

    file: str
    problems: list[Problem]
    check_bidi: bool = True  # False when the file's text already had its bidi controls reported
    lines: Lines = field(default_factory=Lines)

    def node(self, node: yaml.Node, loc: Loc) -> None:
        if len(self.lines) > MAX_NODES:
            raise _TooLarge
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            self._characters(node, loc)
        elif isinstance(node, yaml.MappingNode):
            self._mapping(node, loc)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.node(item, (*loc, index))

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> None:
        seen: dict[Any, int] = {}
        if node.flow_style:
            _note_cut_values(node, loc, self.lines)
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    Problem(self.file, line, dotted(loc), "keys must be plain names")
                )
                continue
            key = key_node.value
            if key in seen:
                message = f"duplicate key (first on line {seen[key]})"
                self.problems.append(Problem(self.file, line, dotted((*loc, key)), message))
                continue
            seen[key] = line
            self.lines[(*loc, key)] = line
            self.node(value_node, (*loc, key))

    def _characters(self, node: yaml.ScalarNode, loc: Loc) -> None:
        line, where = node.start_mark.line + 1, dotted(loc)
        if _SURROGATE.search(node.value):
            message = "contains a lone surrogate escape (such as \\ud800), which no file can hold"
            self.problems.append(Problem(self.file, line, where, message))
        if control := CONTROL.search(node.value):
            self.problems.append(Problem(self.file, line, where, control_message(control.group())))
        if self.check_bidi and (bidi := BIDI.search(node.value)):
            message = bidi_message(bidi.group())
            self.problems.append(Problem(self.file, line, where, message, Severity.WARNING))


def _note_cut_values(node: yaml.MappingNode, loc: Loc, lines: Lines) -> None:
    """In `{note: Fellow, 2010–2012}`, '2010–2012' is a key without a value after a plain one.
    (Plain scalars have style None in PyYAML and '' in libyaml.)"""
    previous: tuple[yaml.Node, yaml.Node] | None = None
    for key_node, value_node in node.value:
        empty = isinstance(value_node, yaml.ScalarNode) and value_node.value == ""
        plain_key = isinstance(key_node, yaml.ScalarNode) and not key_node.style
        if previous and empty and plain_key:
            before_key, before_value = previous
            if isinstance(before_value, yaml.ScalarNode) and not before_value.style:
                cut = CutValue(str(before_key.value), before_value.value)
                lines.cut_values[(*loc, key_node.value)] = cut
        previous = (key_node, value_node)


def dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_yaml(text: str, file: str, problems: list[Problem]) -> tuple[Any, dict[Loc, int]]:
    """YAML text -> (plain data, line of every key path); syntax errors become problems."""
    walk = _Walk(file, problems, check_bidi=not BIDI.search(text))
    try:
        if message := _too_many_values(text):
            problems.append(Problem(file, None, "", message))
            return None, walk.lines
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, walk.lines
            try:
                walk.node(node, ())
            except RecursionError:
                problems.append(Problem(file, None, "", "nested too deeply to be a CV"))
                return None, walk.lines
            except _TooLarge:
                message = (
                    f"its YAML aliases (*name) expand to more than {MAX_NODES:,} values, the "
                    "most cvgen reads from a cv.yaml (an alias bomb?)"
                )
                problems.append(Problem(file, None, "", message))
                return None, walk.lines
            return loader.construct_document(node), walk.lines
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = " ".join(m for m in (exc.context, exc.problem) if m) or "invalid YAML"
        if "\t" in text and "tab" in str(exc.problem or ""):
            message += " (YAML indentation must use spaces, not tabs)"
        elif "mapping values are not allowed" in message and line is not None:
            message += _colon_hint(text.splitlines()[line - 1])
        problems.append(Problem(file, line, "", f"YAML syntax error: {message}"))
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        message = f"the character U+{exc.character:04X} is not allowed in YAML; delete it"
        problems.append(Problem(file, line, "", message))
    except yaml.YAMLError as exc:
        problems.append(Problem(file, None, "", f"YAML error: {exc}"))
    return None, walk.lines


def _colon_hint(line: str) -> str:
    """What to type when a value holds ': ' (a title 'Learning: a new approach'), which YAML
    reads as a second key: the line with its value quoted."""
    key, sep, value = line.partition(": ")
    if not sep or not value.strip():
        return "; a value containing ': ' must be quoted"
    quoted = value.strip().replace("\\", "\\\\").replace('"', '\\"')
    return f'; a value containing ": " must be quoted: {key.strip()}: "{quoted}"'


def line_for(loc: Loc, lines: dict[Loc, int]) -> int | None:
    """The line of a key path, or of the nearest key above it."""
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return None
