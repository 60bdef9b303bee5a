"""Characters that must not pass silently from the user's files into a CV or a terminal.

Control characters (NUL, BEL, ESC, the C1 range, ...) are invisible in an editor, yet reach
the HTML and the bio, and an ESC printed by `cvgen bio` is a terminal escape sequence (it can
retitle the window, or worse). They are refused at load, with their line. Bidirectional
controls (U+202A-U+202E, U+2066-U+2069) are legitimate in right-to-left text, but can also
make a shared CV display differently from what it holds ("Trojan Source", CVE-2021-42574), so
they are reported as warnings. Tab, newline and carriage return are ordinary text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_EITHER = re.compile(f"{CONTROL.pattern}|{BIDI.pattern}")
_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BACKSPACE", 0x1B: "ESC", 0x7F: "DEL"}
MAX_REPORTED = 10  # lines reported one by one; the rest are counted in one more problem


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based
    column: int  # 1-based
    message: str
    is_error: bool


def describe(char: str) -> str:
    """'ESC (U+001B)', 'U+202E RIGHT-TO-LEFT OVERRIDE'."""
    code = ord(char)
    if code in _NAMES:
        return f"{_NAMES[code]} (U+{code:04X})"
    return f"U+{code:04X} {unicodedata.name(char, '')}".rstrip()


def control_message(char: str) -> str:
    message = f"contains the control character {describe(char)}, invisible in an editor; delete it"
    if 0x80 <= ord(char) <= 0x9F:
        message += " (a C1 control often means text was converted from Windows-1252 twice)"
    return message


def bidi_message(char: str) -> str:
    return (
        f"contains the bidirectional control {describe(char)}, which can make text display "
        'in another order than it is stored ("Trojan Source"); keep it only if you put it there'
    )


def findings(text: str) -> Iterator[Finding]:
    """Every control character (an error) and bidi control (a warning), in text order."""
    line, counted_to = 1, 0
    for match in _EITHER.finditer(text):
        start, char = match.start(), match.group()
        line += text.count("\n", counted_to, start)
        counted_to = start
        column = start - text.rfind("\n", 0, start)
        if CONTROL.match(char):
            yield Finding(line, column, control_message(char), is_error=True)
        else:
            yield Finding(line, column, bidi_message(char), is_error=False)


def terminal_safe(text: str) -> str:
    """Text fit to print on a terminal: every control character but tab and newline shown as
    U+FFFD, so no escape sequence reaches it, whatever the data held."""
    return re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f]", "\ufffd", text)
