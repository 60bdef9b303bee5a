"""Checking a words file: a user's language (words/CODE.yaml beside cv.yaml, or design.words)
or a shipped one, against en.yaml, every problem with its file and line.

A key en.yaml does not have is a typo (with the nearest key); a phrase must fill the same
{placeholders} as en.yaml's, or cvgen could not fill it; the settings keys must hold what
they configure (a direction, a CLDR locale Babel knows, currency codes).
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from pathlib import Path
from typing import Any

from cvgen.errors import Problem
from cvgen.files.reading import MAX_WORDS
from cvgen.load.text_file import read_text
from cvgen.util.yaml_lines import parse_yaml
from cvgen.words import (
    BASE,
    NUMBERING_ZEROS,
    SETTINGS_KEYS,
    WORDS_DIR,
    babel_locale,
    flat,
    placeholders,
    plain_fields,
)
from cvgen.words import read_table as read_shipped

_CURRENCY = re.compile(r"^[A-Z]{3}$")


@cache
def reference() -> dict[str, Any]:
    """en.yaml's keys and phrases, flat."""
    return dict(flat(read_shipped(WORDS_DIR / f"{BASE}.yaml")))


def _setting_problem(key: str, value: Any) -> str | None:
    if key in ("language", "locale"):
        if not isinstance(value, str) or not value.strip():
            return "must be a language code such as de or pt-BR"
        if key == "locale":
            try:
                babel_locale(value)
            except ValueError as error:
                return str(error)
        return None
    if key == "direction":
        return None if value in ("ltr", "rtl") else "must be ltr or rtl"
    if key == "numbering":
        return _numbering_problem(value)
    if not isinstance(value, list) or not all(_CURRENCY.match(str(code)) for code in value):
        return "must be a list of ISO currency codes, e.g. [EUR, USD]"
    return None


def _numbering_problem(value: Any) -> str | None:
    if value == "default" or value in NUMBERING_ZEROS:
        return None
    return f"must be default or a CLDR numbering system: {', '.join(NUMBERING_ZEROS)}"


def _phrase_problem(key: str, value: Any, expected: str) -> str | None:
    if not isinstance(value, str):
        return "must be a phrase (text)"
    try:
        found = placeholders(value)
        odd = plain_fields(value)
    except ValueError:
        return "has a { without its } (write {{ and }} for braces)"
    if odd:
        return odd
    wanted = placeholders(expected)
    if found == wanted:
        return None
    names = ", ".join(f"{{{name}}}" for name in sorted(wanted)) or "no placeholders"
    return f"must use {names}, as en.yaml does (this has {', '.join(sorted(found)) or 'none'})"


def _unknown_key(key: str, phrases: dict[str, Any]) -> str:
    if any(known.startswith(key + ".") for known in phrases):
        return f"{key!r} is a table of phrases ({key}.…), not a phrase"
    close = difflib.get_close_matches(key, [*phrases, *SETTINGS_KEYS], n=1, cutoff=0.7)
    return f"unknown key {key!r}" + (f"; did you mean {close[0]!r}?" if close else "")


def check_table(data: dict[str, Any], lines: dict[tuple, int], file: str) -> list[Problem]:
    """Every problem of a words table, each at its key's line."""
    phrases = reference()
    problems = []
    for key, value in flat(data):
        path = tuple(key.split("."))
        if key in SETTINGS_KEYS:
            message = _setting_problem(key, value)
        elif key in phrases:
            message = _phrase_problem(key, value, phrases[key])
        else:
            message = _unknown_key(key, phrases)
        if message:
            problems.append(Problem(file, lines.get(path), key, message))
    if "locale" not in data and isinstance(data.get("language"), str):
        message = _setting_problem("locale", data["language"])
        if message:
            message += "; add `locale:` naming the CLDR locale of its dates and numbers"
            problems.append(Problem(file, lines.get(("language",)), "language", message))
    return problems


def check_words_file(path: Path) -> list[Problem]:
    """The problems of one words file (none: it can be laid over en.yaml)."""
    problems: list[Problem] = []
    text = read_text(path, problems, MAX_WORDS)
    if text is None:
        return problems
    data, lines = parse_yaml(text, str(path), problems)
    if problems or data is None:
        return problems
    if not isinstance(data, dict):
        return [Problem(str(path), 1, "", "a words file is a mapping of keys to phrases")]
    return check_table(data, lines, str(path))
