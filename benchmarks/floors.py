"""cvgen against the floors it cannot go below, measured in the same run: every figure a ratio.

    python -m benchmarks.floors                      # median of 5, 50,000-entry library
    python -m benchmarks.floors --repeat 3 --entries 5000 --rows typst html

Each cell is one fresh process (start-up and imports included), cvgen and its floor alternating
so that a busy machine slows both alike: the median wall time over --repeat runs and the
largest peak resident memory (children included: TeX's passes are children of cvgen). Both
run once first (unmeasured), which compiles their modules' bytecode as an installed package
has it, and warms cvgen's input cache or keeps the source the floor compiles.

- Typst PDF (300 publications): `cvgen pdf --engine typst --keep-source` against the `typst`
  package compiling the source cvgen kept (the same template and data, the same PDF/UA-1) in
  a fresh Python process: Typst's own time, with the interpreter's start.
- TeX PDF (300 publications): `cvgen pdf --engine pdflatex --keep-source` against pdflatex run
  on the kept .tex as many times as cvgen ran it (2 passes).
- `cvgen html` (1,000 publications), input cache warm and cold (`--no-cache`), against Python
  importing the libraries it needs at least: pydantic, jinja2, babel, click, yaml.
- `cvgen check --no-cache` on a whole reference library (benchmarks/library.py) against
  bibtexparser's bare parse of the same file (`parse_string` without middlewares, the parse
  cvgen's loader starts from).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.library import write_library
from benchmarks.process import CVGEN, run_command
from benchmarks.synthetic import write_synthetic

PYTHON = sys.executable
IMPORT_FLOOR = [PYTHON, "-c", "import pydantic, jinja2, babel, click, yaml"]
BARE_TYPST = [
    PYTHON,
    "-c",
    "import typst; typst.compile('cv.typ', output='bare.pdf', pdf_standards=['ua-1'])",
]
BARE_PARSE = [
    PYTHON,
    "-c",
    "import sys, bibtexparser; text = open(sys.argv[1], encoding='utf-8').read(); "
    "assert bibtexparser.parse_string(text, parse_stack=[]).entries",
    "publications.bib",
]
TEX_PASSES = (
    "import subprocess\n"
    "for flags in (['-draftmode'], []):  # as cvgen runs them: the first pass writes no PDF\n"
    "    subprocess.run(['pdflatex', '-interaction=nonstopmode', '-halt-on-error', *flags, "
    "'cv.tex'], check=True, stdout=subprocess.DEVNULL)"
)
TEX_PASS = [PYTHON, "-c", TEX_PASSES]


@dataclass(frozen=True)
class Row:
    """One comparison: what cvgen does, its floor, and how to set up their folder (which
    runs cvgen once first, to warm its cache or keep the engine's source)."""

    name: str
    work: str
    floor_name: str
    cvgen: list[str]
    floor: list[str]
    floor_dir: str = "."
    setup: Callable[[Path, int], object] = write_synthetic
    size: int = 300
    warm: list[str] | None = None


def _rows(entries: int) -> list[Row]:
    typst = ["pdf", "--engine", "typst", "--keep-source", "-o", "out/cv.pdf"]
    tex = ["pdf", "--engine", "pdflatex", "--keep-source", "-o", "out/cv.pdf"]
    return [
        Row("typst", "`cvgen pdf --engine typst`, 300 publications", "bare Typst compile of "
            "the kept source", typst, BARE_TYPST, "out", warm=typst),
        Row("tex", "`cvgen pdf --engine pdflatex`, 300 publications", "pdflatex, 2 passes, "
            "on the kept .tex", tex, TEX_PASS, "out", warm=tex),
        Row("html", "`cvgen html`, 1,000 publications (cache warm)", "Python importing "
            "pydantic, jinja2, babel, click, yaml", ["html", "-o", "out/cv.html"],
            IMPORT_FLOOR, size=1000, warm=["check"]),
        Row("html-cold", "`cvgen html --no-cache`, 1,000 publications", "the same imports",
            ["html", "--no-cache", "-o", "out/cv.html"], IMPORT_FLOOR, size=1000),
        Row("check", f"`cvgen check --no-cache`, {entries:,}-entry library", "bibtexparser's "
            "bare parse (no middleware)", ["check", "--no-cache"], BARE_PARSE,
            setup=write_library, size=entries),
    ]  # fmt: skip


def _median_and_peak(cells: list[tuple[float, int]]) -> tuple[float, float]:
    return statistics.median(s for s, _ in cells), max(kib for _, kib in cells) / 1024


def measure(row: Row, folder: Path, env: dict[str, str], repeat: int) -> list[str]:
    """The row's cells: cvgen's and the floor's time and memory, and their ratios."""
    row.setup(folder, row.size)
    run_command([*CVGEN, *(row.warm or ["--help"])], folder, env)  # bytecode, caches
    run_command(row.floor, folder / row.floor_dir, env)
    ours, floor = [], []
    for _ in range(repeat):
        ours.append(run_command([*CVGEN, *row.cvgen], folder, env))
        floor.append(run_command(row.floor, folder / row.floor_dir, env))
    (seconds, mib), (floor_seconds, floor_mib) = _median_and_peak(ours), _median_and_peak(floor)
    print(f"  {row.name:<10} {seconds:6.2f} s  floor {floor_seconds:6.2f} s", file=sys.stderr)
    return [
        row.work, f"{seconds:.2f}", f"{mib:.0f}", row.floor_name, f"{floor_seconds:.2f}",
        f"{floor_mib:.0f}", f"{seconds / floor_seconds:.1f}×", f"{mib / floor_mib:.1f}×",
    ]  # fmt: skip


HEADER = [
    "work (whole process)", "cvgen (s)", "cvgen (MiB)", "floor", "floor (s)", "floor (MiB)",
    "time ratio", "memory ratio",
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (median)")
    parser.add_argument("--entries", type=int, default=50_000, help="the library's entries")
    parser.add_argument("--rows", nargs="+", metavar="ROW", help="typst tex html html-cold check")
    options = parser.parse_args()
    rows = [row for row in _rows(options.entries) if not options.rows or row.name in options.rows]
    lines = ["| " + " | ".join(HEADER) + " |", "|---|" + "---:|" * 2 + "---|" + "---:|" * 4]
    with tempfile.TemporaryDirectory(prefix="cvgen-floors-") as tmp:
        for row in rows:
            folder = Path(tmp) / row.name
            env = {**os.environ, "CVGEN_CACHE_DIR": str(folder / "cache")}
            # As an installed package runs: modules compiled once (here into the temporary
            # folder), whatever PYTHONDONTWRITEBYTECODE says.
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "bytecode")
            lines.append("| " + " | ".join(measure(row, folder, env, options.repeat)) + " |")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"Machine: {machine}; median of {options.repeat}\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
