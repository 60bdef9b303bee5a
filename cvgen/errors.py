"""Problems found in the user's data, and the one exception that carries them to the CLI.

Every loader collects Problems instead of raising, so the user sees all of them in one run.
CvgenError is a plain exception: core code never prints; the command line (cvgen/cli/) shows
it, warnings first, and exits 1, never with a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or suspicious) in an input file, located as precisely as we can."""

    file: str
    line: int | None
    field: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "warning: " if not self.is_error else ""
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {prefix}{self.message}"


class CvgenError(Exception):
    """An error the user can act on; the CLI prints it as a plain message with exit status 1."""

    def __init__(self, message: str, problems: list[Problem] | tuple[Problem, ...] = ()):
        self.message = message
        self.problems = tuple(problems)
        super().__init__(message)

    def __str__(self) -> str:
        return self.format_message()

    def format_message(self) -> str:
        """The errors, one a line, then the message; the warnings are shown apart (show)."""
        lines = [str(p) for p in self.problems if p.is_error]
        return "\n".join([*lines, self.message])


def data_error(problems: list[Problem]) -> CvgenError:
    """One CvgenError listing the problems (at least one of them an error). A problem of an
    option names it as its file ('--theme: unknown theme ...')."""
    errors = [p for p in problems if p.is_error]
    count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
    where = " in the CV data" if any(not p.file.startswith("--") for p in errors) else ""
    return CvgenError(f"{count}{where}; no output was changed.", problems)


def fail_on_errors(problems: list[Problem]) -> None:
    """Raise one CvgenError listing every error (and the warnings with them) if any error exists."""
    if any(p.is_error for p in problems):
        raise data_error(problems)
