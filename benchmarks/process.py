"""One timed process: wall seconds and peak resident memory, as every benchmark measures."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CVGEN = [sys.executable, "-c", "import sys; from cvgen.cli import main; sys.exit(main())"]


def run_command(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one process. Its messages go to a file, never a pipe
    nobody reads while it runs: a library's thousands of warnings would fill the pipe and stall
    the process."""
    with tempfile.TemporaryFile() as messages:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                   stderr=messages)  # fmt: skip
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            messages.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{messages.read().decode()}")
    return seconds, usage.ru_maxrss
