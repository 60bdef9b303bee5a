"""Evaluate raw BibTeX field values: "quoted" # {braced} # macro # 2019.

bibtexparser 2 resolves a bare @string reference but not `#` concatenation, and leaves an
undefined macro as if it were text. We evaluate values ourselves so both are handled, and an
undefined macro is reported instead of printed in the CV. What @string expansion may produce
is bounded by a budget proportional to the file's size: a macro doubled 33 times
(`s1 = s0 # s0`, ...) is reported at its line instead of filling the memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

MONTH_MACROS = {
    name: str(number)
    for number, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)
}
# Full month names are not BibTeX macros, but `month = October` means what it says.
_MONTH_NAMES = {
    name.lower(): str(number)
    for number, name in enumerate(
        "January February March April May June July August September October November "
        "December".split(),
        1,
    )
}
_MACRO_NAME = re.compile(r"^[^\s\"#%'(),={}]+$")
_FIELD_START = re.compile(r"\s*([A-Za-z][\w+:.-]*)\s*=")


class BadValue(ValueError):
    """A value cvgen cannot read; the message says why, for the user."""


class UndefinedMacro(BadValue):
    def __init__(self, name: str):
        super().__init__(f"undefined @string macro {name!r}")
        self.name = name


class ExpansionBudget:
    """How many characters @string substitution may still produce in this file."""

    def __init__(self, file_size: int):
        self.limit = 1_000_000 + 20 * file_size
        self.left = self.limit

    def spend(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise BadValue(
                f"@string expansion would exceed {self.limit:,} characters, far more than the "
                "file holds: is a macro defined by doubling another (s1 = s0 # s0)?"
            )


def _top_level(raw: str, wanted: str) -> Iterator[int]:
    """The offsets of `wanted` outside braces and quotes (\\{ and \\} do not count, as in
    bibtexparser)."""
    depth, quoted, escaped = 0, False, False
    for index, char in enumerate(raw):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == wanted and depth == 0 and not quoted:
            yield index


def _split_concatenation(raw: str) -> list[str]:
    """Split on the '#' that join the parts of a value."""
    if "#" not in raw:  # the common case: no concatenation at all
        return [raw.strip()]
    bounds = [-1, *_top_level(raw, "#"), len(raw)]
    return [raw[start + 1 : end].strip() for start, end in pairwise(bounds)]


def evaluate(raw: str, strings: dict[str, str], budget: ExpansionBudget | None = None) -> str:
    """The text of a raw field value, with macros (user @strings, then months) substituted."""
    pieces = []
    for part in _split_concatenation(raw.strip()):
        if len(part) >= 2 and (part[0], part[-1]) in (("{", "}"), ('"', '"')):
            pieces.append(part[1:-1])
        elif part.isascii() and part.isdigit():
            pieces.append(part)
        elif part.lower() in strings:
            value = strings[part.lower()]
            if budget is not None:
                budget.spend(len(value))
            pieces.append(value)
        elif part.lower() in MONTH_MACROS:
            pieces.append(MONTH_MACROS[part.lower()])
        elif part.lower() in _MONTH_NAMES:
            pieces.append(_MONTH_NAMES[part.lower()])
        elif _MACRO_NAME.match(part):
            raise UndefinedMacro(part)
        else:
            raise BadValue(
                f'cannot read {_short(part)!r}: it is not {{braced}}, "quoted", a number or '
                "an @string name; check for an unbalanced brace or quote"
            )
    return "".join(pieces)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def escaped_brace_warning(raw: str) -> str | None:
    """BibTeX and biber count \\{ and \\} as braces; bibtexparser (and so cvgen) does not. A value
    whose braces balance only one way ends early for BibTeX: say so, naming the real cause."""
    if "\\{" not in raw and "\\}" not in raw:
        return None
    depth = 0
    for char in raw.strip():
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    if depth == 0:
        return None
    return (
        "contains an escaped brace (\\{ or \\}): BibTeX counts it as a brace, so there the "
        "value's braces do not balance; cvgen read it whole. For a literal brace write "
        "\\textbraceleft{} or \\textbraceright{}"
    )


def missing_comma(raw: str) -> tuple[str, int, str, str] | None:
    """A value that swallowed the next field (`pages = {1--2}` newline `year = {2017}`, no comma):
    (the value, the offset of the next field, its name, its raw rest), else None."""
    if "=" not in raw:
        return None
    index = next(_top_level(raw, "="), None)
    if index is None:
        return None
    before = raw[:index]
    name = re.search(r"([A-Za-z][\w+:.-]*)\s*$", before)
    if not (name and before[: name.start()].strip()):
        return None
    return before[: name.start()].rstrip(), name.start(), name.group(1), raw[index + 1 :]


def collect_strings(
    raw_strings: list[tuple[str, str, int | None]], budget: ExpansionBudget
) -> tuple[dict[str, str], list[tuple[int | None, str, str | None]]]:
    """Evaluate @string definitions in order (later ones may use earlier); report bad ones as
    (line, name, message); a macro built on one already reported is left out with no message
    of its own (None): a doubling bomb (s15 = s14 # s14, ...) is one error, not thirty."""
    strings: dict[str, str] = {}
    bad: list[tuple[int | None, str, str | None]] = []
    failed: set[str] = set()
    for key, raw, line in raw_strings:
        try:
            strings[key.lower()] = evaluate(raw, strings, budget)
        except UndefinedMacro as exc:
            quiet = exc.name.lower() in failed
            failed.add(key.lower())
            bad.append(
                (line, key, None if quiet else f"@string {key} uses undefined macro {exc.name!r}")
            )
        except BadValue as exc:
            failed.add(key.lower())
            bad.append((line, key, f"@string {key}: {exc}; it is left out"))
    return strings, bad
