"""A time limit for tests of inputs that could hang (a named pipe read with a plain open())."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


class Hung(Exception):
    pass


@contextmanager
def deadline(seconds: int = 10) -> Iterator[None]:
    """Fail with Hung instead of blocking forever (SIGALRM: main thread, POSIX only)."""

    def expire(signum, frame):
        raise Hung(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
