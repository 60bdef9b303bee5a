"""What a run leaves behind: TeX works in a private folder under the cache folder (never the
shared system temporary folder), and the leftovers of a killed run (work folders, half-written
outputs) are removed by the next one, never those of a live process or a user's own files."""

from __future__ import annotations

import subprocess
import sys


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid
