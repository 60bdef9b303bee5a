"""A process id that no running process has."""

from __future__ import annotations

import subprocess
import sys


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid
