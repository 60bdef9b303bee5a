"""Time `cvgen pdf` end to end (fresh process, median of runs) on a synthetic researcher.

python -m benchmarks.bench_pdf

The synthetic titles contain `$\\ell_1$`, and ℓ is a character pdflatex cannot set, so as
generated the CV goes to LuaLaTeX. The pdflatex row uses the same data with ℓ spelt `L1`,
which is what a Latin-only CV (most of them) costs.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdf

from benchmarks.synthetic import write_synthetic

PUBLICATIONS = 300
RUNS = 3
_CLI = "import sys; from cvgen.cli import main; sys.exit(main())"


def time_pdf(cv: Path, output: Path) -> tuple[float, str, int]:
    """Median wall time of `cvgen pdf`, the engine and passes it reported, and the PDF's pages."""
    times, how = [], ""
    for _ in range(RUNS):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _CLI, "pdf", "--cv", str(cv), "-o", str(output)],
            check=True,
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - start)
        how = re.search(r"\((.*)\)", done.stdout).group(1)
    return statistics.median(times), how, len(pypdf.PdfReader(output).pages)


def main() -> None:
    print(f"{'publications':>12}  {'engine, passes':<22} {'wall (s)':>8}  {'pages':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generated = write_synthetic(root / "unicode", PUBLICATIONS)
        latin = write_synthetic(root / "latin", PUBLICATIONS)
        bib = latin.bib.read_text(encoding="utf-8").replace("$\\ell_1$", "L1")
        latin.bib.write_text(bib, encoding="utf-8")
        for sources in (latin, generated):
            seconds, how, pages = time_pdf(sources.cv, sources.cv.parent / "cv.pdf")
            print(f"{PUBLICATIONS:>12}  {how:<22} {seconds:>8.2f}  {pages:>5}")


if __name__ == "__main__":
    main()
