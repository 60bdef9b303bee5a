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
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from cvgen.dates import Date
from cvgen.errors import Problem, Severity
from cvgen.model import CvData

Loc = tuple[str | int, ...]
ModelT = TypeVar("ModelT", bound=BaseModel)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader whose impossible dates (2021-02-30) stay strings for our own validation."""


def _lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """Read a UTF-8 file, turning OS and encoding errors into problems (never exceptions)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(str(path), None, "", "file not found"))
        return None
    except IsADirectoryError:
        problems.append(Problem(str(path), None, "", "is a directory, expected a file"))
        return None
    except OSError as exc:
        problems.append(Problem(str(path), None, "", f"cannot read: {exc.strerror}"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(
                str(path),
                line,
                "",
                f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8 "
                "(it looks like Latin-1 or Windows-1252)",
            )
        )
        return None


_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_NODES = 200_000  # far beyond any real CV; stops alias bombs ("billion laughs") early


class _TooLarge(Exception):
    pass


def _record_lines(node: yaml.Node, loc: Loc, lines: dict[Loc, int], file: str, problems: list):
    """Walk the composed YAML tree: remember each path's line and report duplicate keys."""
    if len(lines) > MAX_NODES:
        raise _TooLarge
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode) and _SURROGATE.search(node.value):
        message = "contains a lone surrogate escape (such as \\ud800), which no file can hold"
        problems.append(Problem(file, node.start_mark.line + 1, _dotted(loc), message))
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line = key_node.start_mark.line + 1
                problems.append(Problem(file, line, _dotted(loc), "keys must be plain names"))
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(
                        file,
                        line,
                        _dotted((*loc, key)),
                        f"duplicate key (first on line {seen[key]})",
                    )
                )
                continue
            seen[key] = line
            lines[(*loc, key)] = line
            _record_lines(value_node, (*loc, key), lines, file, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*loc, index), lines, file, problems)


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_yaml(text: str, file: str, problems: list[Problem]) -> tuple[Any, dict[Loc, int]]:
    """YAML text -> (plain data, line of every key path); syntax errors become problems."""
    lines: dict[Loc, int] = {}
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, lines
            try:
                _record_lines(node, (), lines, file, problems)
            except RecursionError:
                problems.append(Problem(file, None, "", "nested too deeply to be a CV"))
                return None, lines
            except _TooLarge:
                problems.append(
                    Problem(file, None, "", f"more than {MAX_NODES} values (runaway YAML aliases?)")
                )
                return None, lines
            return loader.construct_document(node), lines
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = " ".join(m for m in (exc.context, exc.problem) if m) or "invalid YAML"
        if "\t" in text and "tab" in str(exc.problem or ""):
            message += " (YAML indentation must use spaces, not tabs)"
        problems.append(Problem(file, line, "", f"YAML syntax error: {message}"))
    except yaml.YAMLError as exc:
        problems.append(Problem(file, None, "", f"YAML error: {exc}"))
    return None, lines


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
        model = _model_at(loc, root)
        message = f"unknown key {loc[-1]!r}"
        if model is not None:
            close = difflib.get_close_matches(
                str(loc[-1]), list(model.model_fields), n=1, cutoff=0.6
            )
            if close:
                message += f"; did you mean {close[0]!r}?"
            else:
                message += f" (allowed: {', '.join(model.model_fields)})"
    elif err["type"] == "missing":
        message = "required field is missing"
    elif err["type"] in ("enum", "literal_error"):
        message = _choice_message(err)
    else:
        # Model validators name the field they are about as "field: message".
        head, sep, rest = message.partition(": ")
        model = _model_at((*loc, head), root)
        if sep and model is not None and head in model.model_fields:
            loc, message = (*loc, head), rest
        message = message.replace("Input should be", "must be")
        if err["type"] not in ("value_error", "assertion_error") and "input" in err:
            shown = repr(err["input"])
            if len(shown) <= 60 and not isinstance(err["input"], dict | list):
                message += f" (got {shown})"
    return Problem(file, _line_for(loc, lines), _dotted(loc), message)


def _choice_message(err: dict[str, Any]) -> str:
    """'must be one of a, b or c (got 'x'); did you mean 'b'?' for a field with fixed values."""
    allowed = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
    got = str(err.get("input"))
    by_case = {value.lower(): value for value in allowed}
    close = difflib.get_close_matches(got.lower(), list(by_case), n=1, cutoff=0.5)
    message = f"must be one of {', '.join(allowed)} (got {got!r})"
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


def load_cv_yaml(path: Path) -> tuple[CvData | None, list[Problem]]:
    problems: list[Problem] = []
    text = read_text(path, problems)
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

    this_year = Date.today().year
    for i, student in enumerate(cv.students):
        if student.status == "current" and student.end and not student.end.present:
            warn(("students", i, "end"), "a current student has an end date; use expected_end")
        expected = student.expected_end
        if student.status == "current" and expected and expected.year < this_year:
            message = f"expected end {expected.iso()} has passed; update it, or mark completed"
            warn(("students", i, "expected_end"), message)
    for i, award in enumerate(cv.awards):
        if award.amount is not None and award.currency is None:
            warn(("awards", i, "currency"), "amount without currency")
    for i, grant in enumerate(cv.grants):
        if grant.amount is not None and grant.currency is None:
            warn(("grants", i, "currency"), "amount without currency")
    if not cv.person.email:
        warn(("person",), "no email: the CV header will have no contact address")
    return found
