"""`cvgen check` on a whole reference library against bibtexparser's bare parse of the same file.

    python -m benchmarks.library_check                     # 50,000 entries, 3 runs of each
    python -m benchmarks.library_check --entries 1000 --repeat 11
    python -m benchmarks.library_check --cvgen /tmp/old-checkout   # another version of cvgen

Every cell is one fresh process (start-up and imports included): the median wall time and the
largest peak resident memory over --repeat runs, the commands alternating so that a busy
machine slows them alike. The bare parse is `bibtexparser.parse_file` with its default
middlewares, what a script using bibtexparser 2 alone does. `cvgen check --no-cache` validates
everything; `cvgen check` first writes the load cache (cold), then reads it (cached).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.library import write_library
from benchmarks.process import CVGEN, run_command

BARE_PARSE = [
    sys.executable,
    "-c",
    "import sys, bibtexparser; library = bibtexparser.parse_file(sys.argv[1]); "
    "assert library.entries",
    "publications.bib",
]
COMMANDS = [
    ("bibtexparser parse", BARE_PARSE),
    ("cvgen check --no-cache", [*CVGEN, "check", "--no-cache"]),
]
CACHED = [
    ("cvgen check (writes the cache)", [*CVGEN, "check"]),
    ("cvgen check (cached)", [*CVGEN, "check"]),
]


def measure(folder: Path, env: dict[str, str], repeat: int) -> dict[str, tuple[float, float]]:
    """{column: (median seconds, peak MiB)}."""
    runs: dict[str, list[tuple[float, int]]] = {name: [] for name, _ in COMMANDS + CACHED}
    for run in range(repeat):
        for name, command in COMMANDS:
            runs[name].append(run_command(command, folder, env))
        env["CVGEN_CACHE_DIR"] = str(folder / f"cache-{run}")
        for name, command in CACHED:
            runs[name].append(run_command(command, folder, env))
    return {
        name: (statistics.median(s for s, _ in cells), max(k for _, k in cells) / 1024)
        for name, cells in runs.items()
    }


def table(entries: int, size: int, results: dict[str, tuple[float, float]]) -> str:
    bare_seconds, bare_mib = results["bibtexparser parse"]
    lines = [
        f"**{entries:,} entries ({size / 1e6:.1f} MB)**",
        "",
        "| process | wall time (s) | × bare parse | peak memory (MiB) | × bare parse |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, (seconds, mib) in results.items():
        lines.append(
            f"| {name} | {seconds:.2f} | {seconds / bare_seconds:.2f} | {mib:.0f} "
            f"| {mib / bare_mib:.2f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cvgen", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="the checkout of cvgen to run (default: this one)")  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cvgen-library-") as tmp:
        folder = Path(tmp)
        write_library(folder, args.entries)
        env = {**os.environ, "PYTHONPATH": str(args.cvgen.resolve())}
        results = measure(folder, env, args.repeat)
        print(table(args.entries, (folder / "publications.bib").stat().st_size, results))


if __name__ == "__main__":
    main()
