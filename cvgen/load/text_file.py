"""cv.yaml and the .bib as text: read safely, decoded as UTF-8, and checked for characters
that must not reach a CV (see characters.py), before any parser sees them.

Both loaders read through read_text, so the checks are made once, on the raw text, with the
line of each finding; every failure is a Problem, never an exception.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from cvgen.errors import Problem, Severity
from cvgen.files.reading import MAX_BIB, Limit, UnreadableFile, read_bytes
from cvgen.util.characters import CONTROL, MAX_REPORTED, findings

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, surrogate-escaped

# Longest first: a UTF-32-LE mark begins with the UTF-16-LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _wide_encoding(raw: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' (with how we know) when the bytes are in one of those."""
    for mark, name in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            return f"{name} (it starts with a {name} byte-order mark)"
    head = raw[:200]
    if head and head.count(0) * 4 > len(head):  # ASCII text in UTF-16: every other byte is 0
        return "UTF-16 or UTF-32 (every second or fourth byte is 0)"
    return None


def _decode(raw: bytes, file: str, problems: list[Problem]) -> str | None:
    wide = _wide_encoding(raw)
    if wide:
        problems.append(Problem(file, 1, "", f"the file is {wide}; save it as UTF-8"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = (
            f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8 "
            "(it looks like Latin-1 or Windows-1252)"
        )
        problems.append(Problem(file, line, "", message))
        return None


def character_problems(text: str, file: str) -> list[Problem]:
    """Per line, one error for its control characters and one warning for its bidi controls:
    the first few lines one by one, the rest counted in one more problem."""
    problems: list[Problem] = []
    seen: set[tuple[int, bool]] = set()
    unreported_error = False
    for finding in findings(text):
        if (finding.line, finding.is_error) in seen:
            continue
        seen.add((finding.line, finding.is_error))
        if len(seen) > MAX_REPORTED:
            unreported_error = unreported_error or finding.is_error
            continue
        severity = Severity.ERROR if finding.is_error else Severity.WARNING
        message = f"column {finding.column}: {finding.message}"
        problems.append(Problem(file, finding.line, "", message, severity))
    if len(seen) > MAX_REPORTED:
        more = len({line for line, _ in seen}) - len({p.line for p in problems})
        message = f"{more} more lines hold control or bidirectional characters"
        severity = Severity.ERROR if unreported_error else Severity.WARNING
        problems.append(Problem(file, None, "", message, severity))
    return problems


def read_text(path: Path, problems: list[Problem], limit: Limit = MAX_BIB) -> str | None:
    """The file as text, with its problems added to `problems`; None when it cannot be read.

    Control characters are reported and removed (so that a parser does not report them again
    without a line); the text keeps its line numbers. The default limit is the .bib's.
    """
    try:
        raw = read_bytes(path, limit)
    except UnreadableFile as error:
        problems.append(Problem(str(path), None, "", str(error)))
        return None
    text = _decode(raw, str(path), problems)
    if text is None:
        return None
    found = character_problems(text, str(path))
    problems.extend(found)
    return CONTROL.sub("", text) if any(p.is_error for p in found) else text


def read_bib_text(path: Path, problems: list[Problem]) -> str | None:
    """The .bib as text, as read_text reads it but for two things. A byte that is not UTF-8 (a
    Latin-1 character pasted into the file) is read as Windows-1252, with a warning at its line.
    Control characters are left for the BibTeX reader, which finds the entry and field they are
    in: one in a field the CV never prints (an abstract) must not stop anything."""
    try:
        raw = read_bytes(path, MAX_BIB)
    except UnreadableFile as error:
        problems.append(Problem(str(path), None, "", str(error)))
        return None
    wide = _wide_encoding(raw)
    if wide:
        problems.append(Problem(str(path), 1, "", f"the file is {wide}; save it as UTF-8"))
        return None
    text = raw.decode("utf-8-sig", errors="surrogateescape")
    if _ESCAPED_BYTE.search(text):
        text = _as_windows_1252(text, str(path), problems)
    problems.extend(p for p in character_problems(text, str(path)) if not p.is_error)
    return text


def _as_windows_1252(text: str, file: str, problems: list[Problem]) -> str:
    """Each byte that is not UTF-8 read as Windows-1252; a warning for the first few lines."""
    lines: dict[int, str] = {}
    counted = [0, 1]  # where lines were counted to, and the line there

    def character(match: re.Match[str]) -> str:
        byte = bytes([ord(match.group()) - 0xDC00])
        char = byte.decode("cp1252", errors="ignore") or byte.decode("latin-1")
        counted[1] += text.count("\n", counted[0], match.start())
        counted[0] = match.start()
        lines.setdefault(
            counted[1], f"byte 0x{byte[0]:02x} is not UTF-8; read as Windows-1252 {char!r}"
        )
        return char

    fixed = _ESCAPED_BYTE.sub(character, text)
    for line, message in list(lines.items())[:MAX_REPORTED]:
        problems.append(
            Problem(file, line, "", message + "; save the file as UTF-8", Severity.WARNING)
        )
    if len(lines) > MAX_REPORTED:
        more = f"{len(lines) - MAX_REPORTED} more lines hold bytes that are not UTF-8"
        problems.append(Problem(file, None, "", more, Severity.WARNING))
    return fixed
