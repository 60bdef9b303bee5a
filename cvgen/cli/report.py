"""What the command line prints besides a command's output: warnings, errors and notices.

Core code never prints: it raises CvgenError, returns warnings as Problems, and tells of what
it did through the `cvgen` logger (a notice that the PDF fell back to Typst, say). Everything
reaches the terminal here, made safe to print (control characters shown, not obeyed).

How much is said is the `cvgen` logger's level: notes ("Wrote output/cv.pdf", a created
folder) at INFO, details (timings, the cache, which files) at DEBUG. `--quiet` leaves only
warnings and errors, `--verbose` adds the details.
"""

from __future__ import annotations

import logging

import click

from cvgen.cli.progress import clear_line
from cvgen.errors import CvgenError, Problem
from cvgen.util.characters import terminal_safe

LOGGER = logging.getLogger("cvgen")
_CLI = logging.getLogger("cvgen.cli")
LEVELS = {"quiet": logging.WARNING, "normal": logging.INFO, "verbose": logging.DEBUG}


def echo_warnings(problems: list[Problem]) -> None:
    clear_line()
    for problem in problems:
        click.echo(terminal_safe(str(problem)), err=True)


def show_error(error: CvgenError) -> None:
    """The warnings first, then the errors under 'Error:', so that a failed run never
    starts with 'Error: ...: warning: ...' and the last lines say what went wrong."""
    echo_warnings([p for p in error.problems if not p.is_error])  # clears the progress line
    click.echo(terminal_safe(f"Error: {error.format_message()}"), err=True)


def is_quiet() -> bool:
    """Whether --quiet was given: it silences the progress line too (cli/progress.py)."""
    return not LOGGER.isEnabledFor(logging.INFO)


def note(message: str) -> None:
    """A line on stderr about what was done ("Wrote output/cv.pdf"); --quiet hides it."""
    _CLI.info(message)


def detail(message: str) -> None:
    """A line on stderr that only --verbose shows."""
    _CLI.debug(message)


def warn(message: str) -> None:
    """A line on stderr that even --quiet shows (the embedded example is in use)."""
    _CLI.warning(message)


class _StderrHandler(logging.Handler):
    """Log records as lines on stderr (the stream of the moment, which click's test runner
    swaps); details are marked as such."""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno < logging.INFO:
            message = f"  [{record.name.removeprefix('cvgen.')}] {message}"
        clear_line()
        click.echo(terminal_safe(message), err=True)


def print_notices(level: str = "normal") -> None:
    """Route the `cvgen` logger's records to stderr (one handler per process) at `level`."""
    if not any(isinstance(h, _StderrHandler) for h in LOGGER.handlers):
        LOGGER.addHandler(_StderrHandler())
        LOGGER.propagate = False
    LOGGER.setLevel(LEVELS[level])
