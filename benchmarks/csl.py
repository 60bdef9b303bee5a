"""Time CSL formatting of a synthetic researcher's publications against cvgen's own style.

    python -m benchmarks.csl --size 1000 --styles apa ieee chicago-author-date

Each cell is one fresh process (imports included), so "cold" pays for importing citeproc-py
and lxml, parsing the style and formatting every reference, and "cached" is a second run that
finds every reference in the on-disk cache. "built-in" formats the same publications with
cvgen.compose.citation.reference_spans, the path `cvgen html` takes by default.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import write_synthetic

_TIMED = """
import sys, time
from pathlib import Path
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
cv, _ = load_or_fail(Sources(cv=Path("cv.yaml")))
started = time.perf_counter()
if sys.argv[1] == "cvgen":
    from cvgen.compose.citation import reference_spans
    from cvgen.words import load_words

    words = load_words()
    spans = {p.key: reference_spans(p, words) for p in cv.publications}
else:
    from cvgen.citations.style import load_style
    spans = load_style(sys.argv[1], Path(".")).references(cv.publications)
print(time.perf_counter() - started)
"""


def timed(style: str, folder: Path, env: dict[str, str]) -> float:
    """Seconds one process spends formatting (loading the CV, from its cache, excluded)."""
    result = subprocess.run(
        [sys.executable, "-c", _TIMED, style], cwd=folder, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(result.stderr)
    return float(result.stdout)


DEFAULT_STYLES = ["apa", "ieee", "chicago-author-date"]


def csl_table(size: int, styles: list[str], repeat: int) -> str:
    """A Markdown table: per style, formatting seconds cold, cached, and the built-in style's."""
    lines = [
        f"**CSL formatting of {size} publications (s, one process each, formatting only)**",
        "",
        "| style | cold (parse + format all) | cached | cvgen's own style |",
        "|---|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cv"
        write_synthetic(folder, size)
        cache = Path(tmp) / "cache"
        env = {**os.environ, "CVGEN_CACHE_DIR": str(cache)}
        timed("cvgen", folder, env)  # warms the input cache
        builtin = statistics.median(timed("cvgen", folder, env) for _ in range(repeat))
        for style in styles:
            colds = []
            for _ in range(repeat):
                for old in cache.glob("csl-*.json"):
                    old.unlink()
                colds.append(timed(style, folder, env))
            cached = statistics.median(timed(style, folder, env) for _ in range(repeat))
            cold = statistics.median(colds)
            lines.append(f"| {style} | {cold:.2f} | {cached:.3f} | {builtin:.3f} |")
            print(f"  CSL {style:<20} cold {cold:6.2f} s  cached {cached:.3f} s", file=sys.stderr)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--styles", nargs="+", default=DEFAULT_STYLES)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    print(csl_table(options.size, options.styles, options.repeat))


if __name__ == "__main__":
    main()
