"""Evaluate raw BibTeX field values: "quoted" # {braced} # macro # 2019.

bibtexparser 2 resolves a bare @string reference but not `#` concatenation, and leaves an
undefined macro as if it were text. We evaluate values ourselves so both are handled, and an
undefined macro is reported instead of printed in the CV.
"""

from __future__ import annotations

MONTH_MACROS = {
    name: str(number)
    for number, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)
}


class UndefinedMacro(ValueError):
    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


def _split_concatenation(raw: str) -> list[str]:
    """Split on '#' outside braces and quotes."""
    if "#" not in raw:  # the common case: no concatenation at all
        return [raw.strip()]
    parts, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(raw):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            parts.append(raw[start:index])
            start = index + 1
    parts.append(raw[start:])
    return [p.strip() for p in parts]


def evaluate(raw: str, strings: dict[str, str]) -> str:
    """The text of a raw field value, with macros (user @strings, then months) substituted."""
    pieces = []
    for part in _split_concatenation(raw.strip()):
        if len(part) >= 2 and (part[0], part[-1]) in (("{", "}"), ('"', '"')):
            pieces.append(part[1:-1])
        elif part.isascii() and part.isdigit():
            pieces.append(part)
        elif part.lower() in strings:
            pieces.append(strings[part.lower()])
        elif part.lower() in MONTH_MACROS:
            pieces.append(MONTH_MACROS[part.lower()])
        else:
            raise UndefinedMacro(part)
    return "".join(pieces)


def collect_strings(raw_strings: list[tuple[str, str]]) -> tuple[dict[str, str], list[str]]:
    """Evaluate @string definitions in order (later ones may use earlier); report bad ones."""
    strings: dict[str, str] = {}
    bad: list[str] = []
    for key, raw in raw_strings:
        try:
            strings[key.lower()] = evaluate(raw, strings)
        except UndefinedMacro as exc:
            bad.append(f"@string {key} uses undefined macro {exc.name!r}")
    return strings, bad
