"""The progress line: one line on stderr, redrawn in place, naming the slow step under way.

Only on a terminal (never in a pipe, a log file or CI's captured output), only for a step
that has run longer than DELAY seconds (a quick command shows nothing at all), and never with
--quiet. Core code tells of its steps through cvgen.util.progress; this module draws them
from a background thread, so a TeX pass that reports nothing for 20 s still shows its time.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TextIO

from cvgen.util.characters import terminal_safe
from cvgen.util.progress import listening

DELAY = 2.0  # seconds a step runs before its line appears
REDRAW = 0.25  # seconds between redraws


@dataclass
class _Step:
    label: str
    started: float
    done: int = 0
    total: int = 0


class ProgressLine:
    """A progress listener (cvgen.util.progress.Listener) drawing the innermost step."""

    def __init__(
        self, stream: TextIO, delay: float = DELAY, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream, self.delay, self.clock = stream, delay, clock
        self.steps: list[_Step] = []
        self.shown = False
        self.lock = threading.Lock()

    def started(self, label: str) -> None:
        with self.lock:
            self.steps.append(_Step(label, self.clock()))

    def advanced(self, done: int, total: int) -> None:
        if self.steps:  # one assignment each: no lock needed, the next redraw reads them
            self.steps[-1].done, self.steps[-1].total = done, total

    def finished(self) -> None:
        with self.lock:
            self.steps.pop()
            self._clear()

    def draw(self) -> None:
        """Show the innermost step once it has run DELAY seconds: label, count, seconds."""
        with self.lock:
            if not self.steps:
                return
            now, current = self.clock(), self.steps[-1]
            if now - self.steps[0].started < self.delay:
                return
            count = f" {current.done}/{current.total}" if current.total else ""
            text = f"{current.label}…{count} ({now - self.steps[0].started:.0f} s)"
            width = shutil.get_terminal_size().columns - 1
            self.stream.write("\r" + terminal_safe(text)[:width] + "\x1b[K")
            self.stream.flush()
            self.shown = True

    def clear(self) -> None:
        """Take the line away (before another message is printed, and at the end)."""
        with self.lock:
            self._clear()

    def _clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


_active: ProgressLine | None = None


def clear_line() -> None:
    """Take the progress line away, if one is shown, so a message starts a clean line."""
    if _active is not None:
        _active.clear()


def wanted(stream: TextIO, quiet: bool) -> bool:
    """A progress line only on a terminal that understands it, unless --quiet."""
    terminal = hasattr(stream, "isatty") and stream.isatty()
    return terminal and not quiet and os.environ.get("TERM") != "dumb"


@contextmanager
def progress_line(quiet: bool = False, stream: TextIO | None = None) -> Iterator[None]:
    """Show the slow steps of the block on `stream` (stderr), when `wanted`."""
    global _active
    stream = stream or sys.stderr
    if not wanted(stream, quiet) or _active is not None:
        yield
        return
    line = _active = ProgressLine(stream, DELAY)
    stop = threading.Event()

    def redraw() -> None:
        while not stop.wait(REDRAW):  # read here, so a test may shorten it
            line.draw()

    thread = threading.Thread(target=redraw, name="cvgen-progress", daemon=True)
    thread.start()
    try:
        with listening(line):
            yield
    finally:
        stop.set()
        thread.join()
        line.clear()
        _active = None
