"""Problems as the preview page shows them: where (file, line, field), what, and the lines of
the file around it quoted, so the mistake is seen where it was made.

The quote is read when the problem is shown, from the file the problem names (an input cvgen
has just read), through the same guarded reader as every input: a regular file only, read up
to the line needed and no further, each line cut to a length a page can show. Control and
bidirectional characters are shown as their code, so a quoted line displays as it is stored.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

from cvgen.errors import CvgenError, Problem
from cvgen.files.reading import UnreadableFile, open_regular
from cvgen.util.characters import BIDI, CONTROL

CONTEXT = 1  # lines quoted before and after the line of the problem
MAX_LINE_CHARS = 300
_SHOWN_AS_CODE = re.compile(f"{CONTROL.pattern}|{BIDI.pattern}")


def visible(text: str) -> str:
    """The line with each control or bidirectional character shown as ⟨U+XXXX⟩."""
    shown = _SHOWN_AS_CODE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)
    return shown if len(shown) <= MAX_LINE_CHARS else shown[: MAX_LINE_CHARS - 1] + "…"


def quote(path: Path, line: int | None) -> list[dict[str, Any]]:
    """The lines around `line` of `path`, numbered, the problem's marked; none when the file
    cannot be read (it may be gone: the .bib deleted) or has no such line."""
    if not line or line < 1:
        return []
    first = max(1, line - CONTEXT)
    try:
        with open_regular(path) as (handle, _):
            wanted = itertools.islice(handle, first - 1, line + CONTEXT)
            texts = [raw.decode("utf-8", "replace").rstrip("\r\n") for raw in wanted]
    except (UnreadableFile, OSError):
        return []
    if len(texts) < line - first + 1:
        return []
    return [
        {"number": number, "text": visible(text), "here": number == line}
        for number, text in enumerate(texts, start=first)
    ]


def shown(problem: Problem) -> dict[str, Any]:
    """One problem for the page, its quote with it."""
    return {
        "severity": problem.severity.value,
        "file": problem.file,
        "line": problem.line,
        "field": problem.field,
        "message": problem.message,
        "quote": quote(Path(problem.file), problem.line) if problem.file else [],
    }


def problems_of(error: CvgenError) -> list[Problem]:
    """The error's problems (errors and the warnings with them), or its message as one."""
    return list(error.problems) or [Problem("", None, "", error.message)]


def shown_all(problems: list[Problem]) -> tuple[dict[str, Any], ...]:
    """The errors first, then the warnings, each once, in the order they were found."""
    unique = list(dict.fromkeys(problems))
    ordered = [p for p in unique if p.is_error] + [p for p in unique if not p.is_error]
    return tuple(shown(problem) for problem in ordered)
