"""What the command line prints besides a command's output: warnings, errors and notices.

Core code never prints: it raises CvgenError, returns warnings as Problems, and tells of what
it did through the `cvgen` logger (a notice that the PDF fell back to Typst, say). Everything
reaches the terminal here, made safe to print (control characters shown, not obeyed).
"""

from __future__ import annotations

import logging

import click

from cvgen.cli.progress import clear_line
from cvgen.errors import CvgenError, Problem
from cvgen.util.characters import terminal_safe


def echo_warnings(problems: list[Problem]) -> None:
    clear_line()
    for problem in problems:
        click.echo(terminal_safe(str(problem)), err=True)


def show_error(error: CvgenError) -> None:
    """The warnings first, then the errors under 'Error:', so that a failed run never
    starts with 'Error: ...: warning: ...' and the last lines say what went wrong."""
    echo_warnings([p for p in error.problems if not p.is_error])  # clears the progress line
    click.echo(terminal_safe(f"Error: {error.format_message()}"), err=True)


class _StderrHandler(logging.Handler):
    """Log records from core code as lines on stderr (the stream of the moment, which click's
    test runner swaps)."""

    def emit(self, record: logging.LogRecord) -> None:
        clear_line()
        click.echo(terminal_safe(record.getMessage()), err=True)


def print_notices() -> None:
    """Route the `cvgen` logger's notices to stderr (once per process)."""
    logger = logging.getLogger("cvgen")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        logger.addHandler(_StderrHandler())
        logger.setLevel(logging.INFO)
        logger.propagate = False
