"""Time `cvgen html` (1000 publications) and the weasyprint PDF (300 publications).

Each timing is a fresh process, as a user runs it (imports included), median of several runs.
The first run of each size fills cvgen's input and template caches and is not counted, so
these are the times of a rebuild; `--cold` counts every run with `--no-cache` instead.

    python -m benchmarks.bench_html [--cold]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write_synthetic

RUNS = 5
CASES = (("html", 1000, ".html"), ("weasyprint", 300, ".pdf"))
_WEASY = """
import sys
from pathlib import Path
from cvgen.build import build_document
from cvgen.sources import Sources
from cvgen.select import Selection
sources = Sources(Path(sys.argv[1]), Path(sys.argv[2]), use_cache=sys.argv[4] == "cache")
build_document(sources, "weasyprint", Path(sys.argv[3]), Selection())
"""


def command(backend: str, sources, output: Path, cold: bool) -> list[str]:
    if backend == "html":
        cache = ["--no-cache"] if cold else []
        args = ["html", "--cv", str(sources.cv), "--bib", str(sources.bib), "-o", str(output)]
        return [sys.executable, "-c", "from cvgen.cli import main; main()", *args, *cache]
    mode = "none" if cold else "cache"
    return [sys.executable, "-c", _WEASY, str(sources.cv), str(sources.bib), str(output), mode]


def median_seconds(argv: list[str], cold: bool) -> float:
    if not cold:
        subprocess.run(argv, check=True, capture_output=True)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    cold = "--cold" in sys.argv
    print(
        f"{'backend':<12} {'publications':>12}  {'wall (s)':>9}  ({'cold' if cold else 'rebuild'})"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for backend, size, suffix in CASES:
            sources = write_synthetic(Path(tmp) / str(size), size)
            output = Path(tmp) / f"cv-{size}{suffix}"
            seconds = median_seconds(command(backend, sources, output, cold), cold)
            print(f"{backend:<12} {size:>12}  {seconds:>9.3f}")


if __name__ == "__main__":
    main()
