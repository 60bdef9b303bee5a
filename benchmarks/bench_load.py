"""Time loading + validating synthetic researchers (cold process, median of runs).

python -m benchmarks.bench_load
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.synthetic import write_synthetic

SIZES = (50, 300, 1000, 5000)
RUNS = 5
_TIMER = """
import time, sys
from pathlib import Path
t0 = time.perf_counter()
from cvgen.load.cv import load_or_fail
from cvgen.sources import Sources
cv, _ = load_or_fail(Sources(Path(sys.argv[1]), Path(sys.argv[2])))
print(time.perf_counter() - t0, len(cv.publications))
"""


def time_load(sources) -> tuple[float, int]:
    """Median wall time of a fresh interpreter loading the sources (imports included)."""
    times, count = [], 0
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", _TIMER, str(sources.cv), str(sources.bib)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        times.append(float(out[0]))
        count = int(out[1])
    return statistics.median(times), count


def main() -> None:
    print(f"{'publications':>12}  {'load (s)':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            seconds, count = time_load(write_synthetic(Path(tmp) / str(size), size))
            print(f"{count:>12}  {seconds:>9.3f}")


if __name__ == "__main__":
    main()
