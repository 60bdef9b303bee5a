"""Plain data (YAML read with its lines) validated into a pydantic model, every error a
located Problem in plain words: the key path and its line, "unknown key 'degre'; did you mean
'degree'?", the allowed values of a choice, the value an unquoted comma cut.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cvgen.errors import Problem
from cvgen.load.hints import CUSTOM_SECTION_HINT, MOVED_KEYS, synonym_hint
from cvgen.model import CvData
from cvgen.util.yaml_lines import Loc, dotted, line_for

ModelT = TypeVar("ModelT", bound=BaseModel)


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
        message = MISSING + _what_to_add(loc, root)
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
    return Problem(file, line_for(loc, lines), dotted(loc), message)


MISSING = "required field is missing"


def _what_to_add(loc: Loc, root: type[BaseModel]) -> str:
    """What to type for a missing field: ': add level: (one of phd, msc, ...)' for a field
    with fixed values, else its description: ': add role: (your role as you would write
    it: PI, co-PI, ...)'."""
    model = _model_at(loc, root)
    field = model.model_fields.get(str(loc[-1])) if model else None
    if field is None:
        return ""
    choices: list[Any] = []
    for kind in _unwrap(field.annotation):
        if typing.get_origin(kind) is typing.Literal:
            choices += typing.get_args(kind)
        elif isinstance(kind, type) and issubclass(kind, Enum):
            choices += [member.value for member in kind]
    if choices:
        return f": add {loc[-1]}: (one of {', '.join(map(str, choices))})"
    if field.description:
        described = field.description.rstrip(".")
        return f": add {loc[-1]}: ({described[0].lower()}{described[1:]})"
    return f": add {loc[-1]}:"


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
    if model is CvData and len(loc) == 1 and loc[-1] in MOVED_KEYS:
        return message + MOVED_KEYS[str(loc[-1])]
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
    return [p for p in problems if not (p.message.startswith(MISSING) and p.field in suggested)]


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
