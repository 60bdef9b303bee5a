"""Read cv.yaml keeping line numbers, then validate it against the model, reporting every problem.

PyYAML forgets where values came from once it builds Python objects, so we compose the node tree
ourselves, remember the line of every key path, and map pydantic's error locations back to it.
PyYAML also accepts duplicate keys silently (the last wins); we report them.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from cvgen.errors import Problem, Severity
from cvgen.files.reading import MAX_CV_YAML
from cvgen.load.hints import CUSTOM_SECTION_HINT, CutValue, synonym_hint
from cvgen.load.text_file import read_text
from cvgen.model import CvData
from cvgen.util.characters import BIDI, CONTROL, bidi_message, control_message
from cvgen.util.dates import Date

Loc = tuple[str | int, ...]
ModelT = TypeVar("ModelT", bound=BaseModel)


class Lines(dict[Loc, int]):
    """The line of every key path, and the `{…}` keys that look like a value cut at a comma."""

    def __init__(self) -> None:
        super().__init__()
        self.cut_values: dict[Loc, CutValue] = {}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader whose impossible dates (2021-02-30) stay strings for our own validation."""


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
                    Problem(self.file, line, _dotted(loc), "keys must be plain names")
                )
                continue
            key = key_node.value
            if key in seen:
                message = f"duplicate key (first on line {seen[key]})"
                self.problems.append(Problem(self.file, line, _dotted((*loc, key)), message))
                continue
            seen[key] = line
            self.lines[(*loc, key)] = line
            self.node(value_node, (*loc, key))

    def _characters(self, node: yaml.ScalarNode, loc: Loc) -> None:
        line, where = node.start_mark.line + 1, _dotted(loc)
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


def _dotted(loc: Loc) -> str:
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
        problems.append(Problem(file, line, "", f"YAML syntax error: {message}"))
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        message = f"the character U+{exc.character:04X} is not allowed in YAML; delete it"
        problems.append(Problem(file, line, "", message))
    except yaml.YAMLError as exc:
        problems.append(Problem(file, None, "", f"YAML error: {exc}"))
    return None, walk.lines


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional/Union/Annotated/list/dict annotations."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _model_at(loc: Loc, root: type[BaseModel]) -> type[BaseModel] | None:
    """The model class that holds the last key of `loc`, to suggest its real field names."""
    current: Any = root
    for part in loc[:-1]:
        candidates = _unwrap(current)
        nxt = None
        for cand in candidates:
            origin = typing.get_origin(cand)
            if isinstance(part, int) and origin is list:
                nxt = typing.get_args(cand)[0]
            elif isinstance(part, str) and origin is dict:
                nxt = typing.get_args(cand)[1]
            elif isinstance(part, str) and isinstance(cand, type) and issubclass(cand, BaseModel):
                field = cand.model_fields.get(part)
                nxt = field.annotation if field else None
            if nxt is not None:
                break
        if nxt is None:
            return None
        current = nxt
    for cand in _unwrap(current):
        if isinstance(cand, type) and issubclass(cand, BaseModel):
            return cand
    return None


def _line_for(loc: Loc, lines: dict[Loc, int]) -> int | None:
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return None


def _problem_from_error(
    err: dict[str, Any], file: str, lines: dict[Loc, int], root: type[BaseModel]
) -> Problem:
    loc: Loc = tuple(  # pydantic's "[key]" marks an error in a mapping's key, not its value
        p
        for p in err["loc"]
        if not (isinstance(p, str) and (p.startswith("function-") or p == "[key]"))
    )
    message = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        message = _unknown_key_message(loc, lines, root)
    elif err["type"] == "missing":
        message = "required field is missing"
    elif err["type"] in ("enum", "literal_error"):
        message = _choice_message(err)
    else:
        # Model validators name the field they are about as "field: message", or a path
        # below them as "variants.erc.sections[1]: message".
        head, sep, rest = message.partition(": ")
        model = _model_at((*loc, head), root)
        path = _path(head)
        if sep and model is not None and head in model.model_fields:
            loc, message = (*loc, head), rest
        elif sep and path and (*loc, *path) in lines:
            loc, message = (*loc, *path), rest
        message = message.replace("Input should be", "must be")
        if err["type"] not in ("value_error", "assertion_error") and "input" in err:
            shown = repr(err["input"])
            if len(shown) <= 60 and not isinstance(err["input"], dict | list):
                message += f" (got {shown})"
    return Problem(file, _line_for(loc, lines), _dotted(loc), message)


_PATH_PART = re.compile(r"([A-Za-z_][\w-]*)|\[(\d+)\]")


def _path(text: str) -> Loc | None:
    """'variants.erc.sections[1]' -> ('variants', 'erc', 'sections', 1); None if not a path."""
    parts: list[str | int] = []
    for chunk in text.split("."):
        found = _PATH_PART.findall(chunk)
        if not found or "".join(n or f"[{i}]" for n, i in found) != chunk:
            return None
        parts += [name or int(index) for name, index in found]
    return tuple(parts)


def _unknown_key_message(loc: Loc, lines: dict[Loc, int], root: type[BaseModel]) -> str:
    """'unknown key …' with what was meant: a close field name, the tail of a value cut at a
    comma inside {…}, or (at the top) where a section of one's own goes."""
    message = f"unknown key {loc[-1]!r}"
    cut = getattr(lines, "cut_values", {}).get(loc)
    if cut is not None:
        return message + cut.hint(str(loc[-1]))
    model = _model_at(loc, root)
    if model is None:
        return message
    close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1, cutoff=0.6)
    if close:
        return message + f"; did you mean {close[0]!r}?"
    message += f" (allowed: {', '.join(model.model_fields)})"
    if model is CvData and len(loc) == 1:
        message += CUSTOM_SECTION_HINT.format(name=loc[-1])
    return message


def _choice_message(err: dict[str, Any]) -> str:
    """'must be one of a, b or c (got 'x'); did you mean 'b'?' for a field with fixed values."""
    expected = str(err.get("ctx", {}).get("expected", ""))
    allowed = re.findall(r"'([^']*)'", expected) or re.split(r", | or ", expected)
    got = str(err.get("input"))
    by_case = {value.lower(): value for value in allowed}
    message = f"must be one of {', '.join(allowed)} (got {got!r})"
    synonym = synonym_hint(got, allowed)
    if synonym:
        return message + synonym
    close = difflib.get_close_matches(got.lower(), list(by_case), n=1, cutoff=0.5)
    return message + (f"; did you mean {by_case[close[0]]!r}?" if close else "")


def _without_typo_echoes(problems: list[Problem]) -> list[Problem]:
    """'degre: unknown key; did you mean degree?' already explains 'degree: missing'."""
    suggested = set()
    for problem in problems:
        match = re.search(r"did you mean '([^']+)'\?$", problem.message)
        if match and problem.message.startswith("unknown key"):
            parent = problem.field.rpartition(".")[0]
            suggested.add(f"{parent}.{match.group(1)}" if parent else match.group(1))
    return [
        p
        for p in problems
        if not (p.message == "required field is missing" and p.field in suggested)
    ]


def validate_model(
    root: type[ModelT], data: Any, file: str, lines: dict[Loc, int]
) -> tuple[ModelT | None, list[Problem]]:
    """Validate a YAML mapping into `root`; every pydantic error becomes a located Problem."""
    if not isinstance(data, dict):
        return None, [Problem(file, 1, "", "the top level must be a mapping (key: value)")]
    try:
        return root.model_validate(data), []
    except ValidationError as exc:
        problems = [_problem_from_error(e, file, lines, root) for e in exc.errors()]
        return None, _without_typo_echoes(problems)


def validate_cv(data: Any, file: str, lines: dict[Loc, int]) -> tuple[CvData | None, list[Problem]]:
    """Validate plain YAML data into CvData."""
    if data is None:
        return None, [Problem(file, None, "", "the file is empty; it needs at least a 'person'")]
    return validate_model(CvData, data, file, lines)


def key_lines(path: Path) -> dict[Loc, int]:
    """The line of every key path in cv.yaml, read again: for problems found after loading
    (an output path the build refuses), which are rare enough not to keep lines around."""
    text = read_text(path, [], MAX_CV_YAML)
    return parse_yaml(text, str(path), [])[1] if text is not None else {}


def load_cv_yaml(path: Path) -> tuple[CvData | None, list[Problem]]:
    problems: list[Problem] = []
    text = read_text(path, problems, MAX_CV_YAML)
    if text is None:
        return None, problems
    data, lines = parse_yaml(text, str(path), problems)
    if data is None and problems:
        return None, problems
    cv, more = validate_cv(data, str(path), lines)
    problems.extend(more)
    problems.extend(_warnings(cv, str(path), lines) if cv else [])
    problems.sort(key=lambda p: p.line or 0)
    return (cv if not any(p.is_error for p in problems) else None), problems


def _warnings(cv: CvData, file: str, lines: dict[Loc, int]) -> list[Problem]:
    """Legal but suspicious data: reported, never fatal."""
    found: list[Problem] = []

    def warn(loc: Loc, message: str) -> None:
        found.append(Problem(file, _line_for(loc, lines), _dotted(loc), message, Severity.WARNING))

    this_year = (cv.design.as_of or Date.today()).year  # the date the CV speaks from
    for i, student in enumerate(cv.students):
        if student.status == "current" and student.end and not student.end.present:
            warn(("students", i, "end"), "a current student has an end date; use expected_end")
        expected = student.expected_end
        if student.status == "current" and expected and expected.year < this_year:
            message = f"expected end {expected.iso()} has passed; update it, or mark completed"
            warn(("students", i, "expected_end"), message)
    for name in ("awards", "grants"):
        for i, item in enumerate(getattr(cv, name)):
            if item.amount is not None and item.currency is None:
                warn((name, i, "currency"), "amount without currency")
            for j, part in enumerate(item.amounts):
                if part.amount is not None and part.currency is None:
                    warn((name, i, "amounts", j, "currency"), "amount without currency")
    _personal_details_warnings(cv, warn)
    if not cv.person.email:
        warn(("person",), "no email: the CV header will have no contact address")
    return found


def _personal_details_warnings(cv: CvData, warn: Callable[[Loc, str], None]) -> None:
    """Personal details asked for but not placed, or placed but not asked for."""
    listed = "personal_details" in cv.sections
    if cv.design.personal_details and cv.sections and not listed:
        message = "design.personal_details is true, but sections: does not list them"
        warn(("sections",), message + " (add personal_details where they belong)")
    if listed and not cv.design.personal_details:
        message = "personal_details are printed only with design: {personal_details: true}"
        warn(("sections",), message + " (they are off by default)")
