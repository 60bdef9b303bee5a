"""Macros the user defines: in cv.yaml (`publications: macros:`) or in the .bib's @preamble.

A researcher's .bib often uses macros from their own LaTeX preamble (`{\\psolymos}` for their
own name, `\\myname{Ginsburg}` to bold it). cvgen cannot read their .tex, so it reads the simple
definitions it can find (`\\newcommand{\\name}[1]{...}`, `\\def\\name#1{...}` in @preamble) and
takes the rest from cv.yaml, where `#1` stands for the first argument as in LaTeX.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_NEWCOMMAND = re.compile(
    r"\\(?:re|provide)?newcommand\*?\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))"
    r"\s*(?:\[\s*(\d)\s*\])?\s*(?:\[[^\]]*\])?\s*\{"
)
_DEF = re.compile(r"\\def\s*\\([A-Za-z]+)\s*((?:#\d)*)\s*\{")
_PARAM = re.compile(r"#(\d)")
MAX_EXPANSION = 20_000  # characters one raw expansion may produce


class MacroDef(NamedTuple):
    """`body` is LaTeX in which #1..#9 stand for the arguments."""

    nargs: int
    body: str

    def expand(self, args: list[str]) -> str:
        return _PARAM.sub(
            lambda m: args[int(m.group(1)) - 1] if int(m.group(1)) <= len(args) else "", self.body
        )


class MacroTable:
    """An immutable, hashable name -> definition table (decoding results are cached by it)."""

    __slots__ = ("_hash", "defs", "items")

    def __init__(self, items: tuple[tuple[str, MacroDef], ...] = ()):
        self.items = tuple(items)
        self.defs = dict(self.items)
        self._hash = hash(self.items)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MacroTable) and self.items == other.items

    def get(self, name: str) -> MacroDef | None:
        return self.defs.get(name) if self.items else None

    def __bool__(self) -> bool:
        return bool(self.items)

    def over(self, other: MacroTable) -> MacroTable:
        """This table's definitions, falling back to `other`'s."""
        return MacroTable(tuple({**other.defs, **self.defs}.items()))

    @classmethod
    def from_config(cls, macros: dict[str, str]) -> MacroTable:
        """cv.yaml's `{name: text}`; the number of arguments is the highest #N used."""
        defs = {}
        for name, body in macros.items():
            nargs = max((int(n) for n in _PARAM.findall(body)), default=0)
            defs[name.lstrip("\\")] = MacroDef(nargs, body)
        return cls(tuple(sorted(defs.items())))


NO_MACROS = MacroTable()


def _braced(text: str, start: int) -> tuple[str, int] | None:
    """The content of the group opening at text[start] ('{'), and the index after it."""
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "\\":
            continue
        if char == "{" and (index == 0 or text[index - 1] != "\\"):
            depth += 1
        elif char == "}" and text[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[start + 1 : index], index + 1
    return None


def preamble_macros(preambles: list[str]) -> MacroTable:
    """The simple \\newcommand / \\def definitions in the .bib's @preamble blocks."""
    defs: dict[str, MacroDef] = {}
    for text in preambles:
        for match in _NEWCOMMAND.finditer(text):
            body = _braced(text, match.end() - 1)
            if body is not None:
                defs[match.group(1) or match.group(2)] = MacroDef(int(match.group(3) or 0), body[0])
        for match in _DEF.finditer(text):
            body = _braced(text, match.end() - 1)
            if body is not None:
                defs[match.group(1)] = MacroDef(match.group(2).count("#"), body[0])
    return MacroTable(tuple(sorted(defs.items())))


_CONTROL_WORD = re.compile(r"\\([A-Za-z]+)")


def _arguments(text: str, index: int, count: int) -> tuple[list[str], int] | None:
    args = []
    for _ in range(count):
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            return None
        if text[index] == "{":
            group = _braced(text, index)
            if group is None:
                return None
            args.append(group[0])
            index = group[1]
        else:
            args.append(text[index])
            index += 1
    return args, index


def expand_raw(text: str, macros: MacroTable, passes: int = 8) -> str:
    """`text` with the user's macros substituted as TeX would, before names are split.

    A group holding only a macro (`{\\psolymos}`) is replaced whole, so a definition such as
    'Sólymos, P.' splits into surname and initials. Expansion stops after a few passes or
    MAX_EXPANSION characters: a macro defined by itself cannot loop.
    """
    if not macros or "\\" not in text:
        return text
    for _ in range(passes):
        out, index, changed = [], 0, False
        for match in _CONTROL_WORD.finditer(text):
            definition = macros.get(match.group(1))
            if definition is None or match.start() < index:
                continue
            found = _arguments(text, match.end(), definition.nargs)
            if found is None:
                continue
            args, end = found
            start = match.start()
            close = len(text[end:]) - len(text[end:].lstrip())
            alone = text[start - 1 : start] == "{" and text[end + close : end + close + 1] == "}"
            if alone and definition.nargs == 0:
                start, end = start - 1, end + close + 1
            out.append(text[index:start] + definition.expand(args))
            index, changed = end, True
        if not changed:
            return text
        text = "".join(out) + text[index:]
        if len(text) > MAX_EXPANSION:
            return text[:MAX_EXPANSION]
    return text
