"""A cvgen command run as its own process, with the peak memory of it and of every process it
started (os.wait4 reports the largest resident size in the whole tree of waited children):
the figure "no process over 1 GB on hostile input" is checked against."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GB_IN_KB = 1024 * 1024


def run_measured(args: list[str], cwd: Path) -> tuple[int, str, int]:
    """(exit status, output, peak resident size in KB) of `cvgen ARGS`."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cvgen", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, output, usage.ru_maxrss
