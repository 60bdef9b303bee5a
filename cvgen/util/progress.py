"""Progress of the steps that may take seconds, told by core code, shown by the command line.

Core code never prints. It wraps a step that can be slow on a long CV (parsing the .bib, a TeX
pass, CSL formatting, writing Word) in `with step("pdflatex, pass 2"):`, and may say how far
it is with `advance(done, total)`. Whoever listens (the command line's one updating line on a
terminal, cvgen/cli/progress.py) decides what to show and when; with no listener, as in a
library call or a test, a step costs a function call.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Listener(Protocol):
    """What the command line implements to show the steps (they may nest)."""

    def started(self, label: str) -> None: ...

    def advanced(self, done: int, total: int) -> None: ...

    def finished(self) -> None: ...


_listener: Listener | None = None


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Tell `listener` of every step taken inside the block."""
    global _listener
    previous, _listener = _listener, listener
    try:
        yield
    finally:
        _listener = previous


@contextmanager
def step(label: str) -> Iterator[None]:
    """A step that may take seconds, named for the user ('Formatting 5000 references')."""
    listener = _listener
    if listener is None:
        yield
        return
    listener.started(label)
    try:
        yield
    finally:
        listener.finished()


def advance(done: int, total: int) -> None:
    """How far the innermost step is: `done` of `total` items."""
    if _listener is not None:
        _listener.advanced(done, total)
