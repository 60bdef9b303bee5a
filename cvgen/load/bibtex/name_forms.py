"""The forms an author field takes besides BibTeX's `Last, First and First Last`.

- Comma-separated lists, as Google Scholar and hand-written files have them: `Ayşe Demir,
  Kerem Yılmazoğlu, Selin Acar`, `R. Hale, T. Moss, P. Lindqvist, and J. Oduya`,
  `Smith, J., Doe, A.`. BibTeX reads the first as one person "Last, Jr, First"; we read the
  list it means, and the caller warns once per file.
- Better BibTeX's extended name format: `family=Fuente, given=Lucía, prefix=de la,
  useprefix=true`.
- A whole name in one pair of braces, `{\\textbf{M. Jovanovi{\\'c}}}` or `{Chebyshev, P. L}`:
  for BibTeX one surname; a person's name all the same, unless it names an organisation.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_AND = re.compile(r"\s+and\s+", re.I)
_SUFFIX = re.compile(r"^\s*(?:jr|sr|jnr|snr|[ivx]{1,4}|\d(?:st|nd|rd|th))\.?\s*$", re.I)
_INITIALS = re.compile(r"^\s*(?:[A-Z]\.?[\s-]*){1,4}\s*$|^\s*[A-Z]{1,3}\s*$")
_GIVEN_FIRST = re.compile(r"^[A-Z]\.?(?:[\s-]+[A-Z]\.?)*\s+[A-Z][^\s.]+$")  # R. Hale, J.-P. Roy
_EXTENDED = re.compile(r"(?:^|,)\s*(?:family|given)\s*=", re.I)
_ORGANISATION = re.compile(
    r"\b(?:of|for|the|and|&|university|universit\w+|institut\w*|collaboration|consortium|"
    r"group|team|society|association|committee|council|cent(?:er|re)|department|"
    r"laboratory|network|project|working|initiative|organi[sz]ation|agency|inc|ltd)\b",
    re.I,
)
_MARKUP_INSIDE = re.compile(r"^\s*\\[A-Za-z]+\s*\{|^\s*\{\s*\\[A-Za-z]+")


class Persons(NamedTuple):
    names: list[str]
    comma_list: bool = False  # the field separated its persons by commas


def top_level_split(text: str, separator: re.Pattern[str]) -> list[str]:
    """`text` cut at each `separator` outside braces (pieces stripped, empty ones kept)."""
    pieces, depth, start, index = [], 0, 0, 0
    while index < len(text):
        char = text[index]
        if char == "{" and text[index - 1 : index] != "\\":
            depth += 1
        elif char == "}" and text[index - 1 : index] != "\\":
            depth = max(0, depth - 1)
        elif depth == 0 and (match := separator.match(text, index)):
            pieces.append(text[start:index].strip())
            start = index = match.end()
            continue
        index += 1
    pieces.append(text[start:].strip())
    return pieces


_COMMA = re.compile(r"\s*,\s*")


def split_persons(text: str) -> Persons:
    """Split on ` and ` outside braces, as BibTeX does (bibtexparser's splitter reads the `\\t`
    of `and \\textbf{...}` as a tab), then on commas where the field is a comma-separated list.
    A comma that ends a name (`Clark, James, and Evans, C.`) means nothing and is dropped."""
    if "{" not in text:
        names = [name.strip() for name in _AND.split(text) if name.strip()]
    else:
        names = [name for name in top_level_split(text, _AND) if name]
    counts = {name.count(",") for name in names}
    if counts <= {0} or counts == {1} or "=" in text:  # BibTeX's own forms: the common case
        return Persons(names)
    names = [name[:-1].rstrip() if name.endswith(",") else name for name in names]
    pieces = [top_level_split(name, _COMMA) for name in names]
    if not _is_comma_list(pieces, names):
        return Persons(names)
    listed: list[str] = []
    for parts in pieces:
        listed += _pair_surnames(parts)
    return Persons(listed, comma_list=True)


def _is_comma_list(pieces: list[list[str]], names: list[str]) -> bool:
    """Whether the comma-cut names are a list: a name alone of three or more parts that are no
    BibTeX `Last, Jr, First`; three or more full names (`R. Hale, T. Moss, P. Lindqvist and
    J. Oduya`); a name that starts with an initial before a comma (`R. Hale, T. Moss and J.
    Oduya`: no surname starts with an initial). Lines of `Last, First` one under the other are
    a missing `and`, which read_persons mends."""
    for parts, name in zip(pieces, names, strict=True):
        if "\n" in name and all(line.count(",") == 1 for line in name.splitlines() if line.strip()):
            continue
        bibtex_jr = len(parts) == 3 and (parts[1] == "" or _SUFFIX.match(parts[1]))
        alone_or_full = len(pieces) == 1 or all(len(part.split()) >= 2 for part in parts)
        if len(parts) >= 3 and not bibtex_jr and alone_or_full:
            return True
        if len(parts) == 2 and _GIVEN_FIRST.match(parts[0]) and len(parts[1].split()) >= 2:
            return True
    return False


def _pair_surnames(parts: list[str]) -> list[str]:
    """`Smith, J., Doe, A.` -> `Smith, J.`, `Doe, A.`: a one-word part followed by initials
    is one person written surname first; any other part is a name of its own."""
    parts = [part for part in parts if part]
    names: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        after = parts[index + 1] if index + 1 < len(parts) else None
        if after is not None and len(part.split()) == 1 and _INITIALS.match(after):
            names.append(f"{part}, {after}")
            index += 2
        else:
            names.append(part)
            index += 1
    return names


def extended_name(name: str) -> tuple[str, str, str, str] | None:
    """(given, prefix, family, suffix) of Better BibTeX's `family=..., given=...` form."""
    if "=" not in name or not _EXTENDED.search(name):
        return None
    values: dict[str, str] = {}
    for part in top_level_split(name, _COMMA):
        key, equals, value = part.partition("=")
        if equals:
            values[key.strip().lower()] = _unquoted(value.strip())
    parts = (values.get(k, "") for k in ("given", "prefix", "family", "suffix"))
    return tuple(parts)  # type: ignore[return-value]


def _unquoted(value: str) -> str:
    if len(value) >= 2 and (value[0], value[-1]) in (("{", "}"), ('"', '"')):
        return value[1:-1]
    return value


def unbraced(name: str, plain: str) -> str:
    """A whole name in one pair of braces without them, when it is a person's name: it holds
    hand-made markup, `Surname, Given`, or an initial (`M. Jovanović`), and no word of an
    organisation. `plain` is the name with markup and accents read, for that judgement."""
    text = name.strip()
    if not (text.startswith("{") and text.endswith("}")) or _group_end(text) != len(text) - 1:
        return name
    inner = text[1:-1]
    if _ORGANISATION.search(plain) or len(plain.split()) > 6:
        return name
    if _MARKUP_INSIDE.match(inner) or "," in plain or re.search(r"\b[A-Z]\.", plain):
        return inner
    return name


def _group_end(text: str) -> int:
    """Where the group opening at text[0] closes."""
    depth = 0
    for index, char in enumerate(text):
        if char == "{" and text[index - 1 : index] != "\\":
            depth += 1
        elif char == "}" and text[index - 1 : index] != "\\":
            depth -= 1
            if depth == 0:
                return index
    return len(text)


def braced_list(field: str) -> str:
    """`{{\\textbf{Fibla, L.} and Kosie, Jessica E}}`: a whole list in one pair of braces (which
    BibTeX reads as one name) without them, when each name in it is `Surname, Given`."""
    text = field.strip()
    while text.startswith("{") and text.endswith("}") and _group_end(text) == len(text) - 1:
        inner = text[1:-1].strip()
        names = top_level_split(inner, _AND)
        if len(names) < 2 or not all(name.count(",") == 1 for name in names):
            break
        text = inner
    return text if text != field.strip() else field
