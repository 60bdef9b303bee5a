"""Where a command's output goes: a file (output/NAME beside cv.yaml by default), or stdout for
`-o -`. Every command writes through here, so all say "Wrote PATH" alike (on stderr, so that
stdout carries only content), and a binary file is never poured onto a terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cvgen.cli.report import note
from cvgen.errors import CvgenError
from cvgen.files.atomic import write_atomic
from cvgen.load.sources import Sources
from cvgen.util.characters import terminal_safe

STDOUT = "-"


def output_path(given: Path | None, sources: Sources, name: str) -> Path:
    """-o as given (relative to the current folder, as typed), else output/NAME beside cv.yaml."""
    return given if given is not None else sources.output_dir / name


def is_stdout(path: Path | None) -> bool:
    return path is not None and str(path) == STDOUT


def write_output(path: Path, content: str | bytes, how: str = "") -> None:
    """Write `content` to `path` atomically and say so, or to stdout for `-o -` (text as it
    is; binary content only when stdout is not a terminal)."""
    deliver(path, content)
    if not is_stdout(path):
        note(f"Wrote {path}{f' ({how})' if how else ''}")


def deliver(path: Path, content: str | bytes) -> Path:
    """write_output without a word: to `path` atomically, or to stdout for `-o -`."""
    if is_stdout(path):
        to_stdout(content)
        return path
    return write_atomic(path, content)


def to_stdout(content: str | bytes) -> None:
    if isinstance(content, str):
        click.echo(terminal_safe(content), nl=False)
        return
    stream = click.get_binary_stream("stdout")
    if stream.isatty() or sys.stdout.isatty():
        raise CvgenError(
            "this is a binary file, not shown on a terminal: redirect it "
            "(-o - > cv.pdf, or | another command) or give -o FILE"
        )
    stream.write(content)
    stream.flush()
