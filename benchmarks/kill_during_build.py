#!/usr/bin/env python3
"""Kill `cvgen build` at random moments and check that nothing is ever damaged or left behind.

    python benchmarks/kill_during_build.py                 # 100 cycles on the example researcher
    python benchmarks/kill_during_build.py --cycles 300 --seed 3 --small

Each cycle edits cv.yaml (most of the time: "(revision N)" after the person's position), starts
`cvgen build` in a subprocess and SIGKILLs it after a random delay (its whole process group,
TeX included, or only cvgen, leaving TeX orphaned, as the out-of-memory killer would). Then:

- every output is a complete file (a PDF that parses, HTML that ends in </html>, ...) built
  from this or an earlier revision: the previous good file or a new complete one;
- an output the manifest calls up to date holds the current revision (nothing stale);
- nothing cvgen made is in the system temporary folder, and whatever a killed run left in the
  output, cache and work folders belongs to a dead process (the next run removes it).

A last build runs to the end: it must succeed, leave no leftover anywhere, and a second one must
find everything up to date. A build that finished before its kill must have exited 0. The
report counts cycles, kills, crashes (tracebacks or unexpected exit codes), damaged or stale
outputs and leftovers; tests/e2e/test_kill_during_build.py runs a short version.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CVGEN = [sys.executable, "-c", "import sys; from cvgen.cli import main; sys.exit(main())"]
SMALL_OUTPUTS = "outputs: [pdf, html, bio, latex, markdown]\n"
_POSITION = re.compile(r"^(  position: )(.*?)( \(revision \d+\))?$", re.M)
_REVISION = re.compile(r"\(revision (\d+)\)")


@dataclass
class Report:
    cycles: int = 0
    kills: int = 0  # builds still running when killed
    finished: int = 0  # builds that ended before their kill
    crashes: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.crashes or self.damaged or self.stale or self.leftovers)

    def summary(self) -> str:
        return (
            f"{self.cycles} cycles ({self.kills} killed mid-build, {self.finished} finished), "
            f"{len(self.crashes)} crashes, {len(self.damaged)} outputs damaged, "
            f"{len(self.stale)} stale outputs reported up to date, "
            f"{len(self.leftovers)} leftovers, {self.seconds:.0f} s"
        )


class Project:
    """A researcher in a scratch folder, with private cache and temporary folders."""

    def __init__(self, folder: Path, small: bool) -> None:
        self.folder = folder
        source = ROOT / "tests" / "data" / "small" if small else ROOT
        for name in ("cv.yaml", "publications.bib"):
            shutil.copy(source / name, folder / name)
        if small:
            with (folder / "cv.yaml").open("a", encoding="utf-8") as handle:
                handle.write(SMALL_OUTPUTS)
        self.out = folder / "output"
        self.cache = folder / "cache"
        self.system_tmp = folder / "tmp"
        self.system_tmp.mkdir()
        self.revision = 0
        self.env = {
            **os.environ,
            "CVGEN_CACHE_DIR": str(self.cache),
            "TMPDIR": str(self.system_tmp),
        }

    def revise(self) -> None:
        self.revision += 1
        path = self.folder / "cv.yaml"
        mark = rf"\g<1>\g<2> (revision {self.revision})"
        text = _POSITION.sub(mark, path.read_text("utf-8"), count=1)
        path.write_text(text, encoding="utf-8")

    def start(self) -> subprocess.Popen:
        return subprocess.Popen(
            [*CVGEN, "build"],
            cwd=self.folder,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, to kill TeX with it
        )


def _complete(path: Path) -> str | None:
    """The text the file shows if it is a complete output of its kind, else None."""
    data = path.read_bytes()
    try:
        if path.suffix == ".pdf":
            import pypdf

            if not (data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")):
                return None
            return pypdf.PdfReader(path).pages[0].extract_text()
        text = data.decode("utf-8")
    except Exception:  # a damaged file fails in any way: that is what we look for
        return None
    endings = {".html": "</html>\n", ".tex": "\\end{document}\n", ".json": "}\n"}
    if not text.endswith(endings.get(path.suffix, "\n")):
        return None
    if path.suffix == ".json":
        try:
            json.loads(text)
        except ValueError:
            return None
    return text


def _revision(text: str) -> int | None:
    found = [int(n) for n in _REVISION.findall(text)]
    return max(found) if found else None


def check_outputs(project: Project, report: Report, where: str) -> None:
    """Every output complete and from a revision made so far; none stale yet called fresh."""
    from cvgen.build.freshness import all_fresh
    from cvgen.load.sources import Sources

    if not project.out.exists():
        return
    for path in sorted(project.out.rglob("*")):
        if not path.is_file() or path.name.endswith(".tmp"):
            continue
        text = _complete(path)
        if text is None:
            report.damaged.append(f"{where}: {path.name} is incomplete")
        elif (revision := _revision(text) or 0) > project.revision:
            report.damaged.append(f"{where}: {path.name} has revision {revision}, not made yet")
    fresh = all_fresh(Sources(cv=project.folder / "cv.yaml"), project.out) or []
    for outcome in fresh:
        text = _complete(outcome.path) or ""
        revision = _revision(text)
        if revision is not None and revision != project.revision:
            report.stale.append(f"{where}: {outcome.path.name} (revision {revision})")


def _temporaries(project: Project) -> list[Path]:
    work = project.cache / "work"
    found = list(work.iterdir()) if work.exists() else []
    return found + [p for folder in (project.out, project.cache) for p in folder.rglob("*.tmp")]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def leftovers(project: Project, final: bool) -> list[str]:
    """What is wrongly left: anything in the system temporary folder; a temporary file or
    work folder whose process still runs although no build does; after the final build, any
    temporary file or work folder at all."""
    found = [f"system tmp: {p.name}" for p in project.system_tmp.iterdir()]
    for path in _temporaries(project):
        owner = re.search(r"\.(\d+)\.[a-z0-9_]{8}(\.tmp)?$", path.name)
        if final or owner is None or _alive(int(owner.group(1))):
            found.append(f"{path.parent.name}/{path.name}")
    return found


def _kill(process: subprocess.Popen, whole_group: bool) -> None:
    try:
        if whole_group:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except ProcessLookupError:
        pass


def _wait_for_group(group: int, seconds: float = 120) -> None:
    """Wait until every process of the group (TeX orphaned by a kill of cvgen alone) ended."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)


def _crash(process: subprocess.Popen, expected: set[int]) -> str | None:
    _, stderr = process.communicate(timeout=300)
    if "Traceback" in stderr.decode("utf-8", "replace") or process.returncode not in expected:
        return f"exit {process.returncode}: {stderr.decode('utf-8', 'replace')[-400:]}"
    return None


def timed_build(project: Project) -> float:
    """Seconds one full build takes here (it also warms TeX's font caches)."""
    started = time.monotonic()
    process = project.start()
    crash = _crash(process, {0})
    if crash:
        raise SystemExit(f"the first build failed: {crash}")
    return time.monotonic() - started


def run(cycles: int, seed: int, folder: Path, small: bool) -> Report:
    rng = random.Random(seed)
    project = Project(folder, small)
    report = Report()
    started = time.monotonic()
    full = timed_build(project)
    orphaned: list[int] = []
    for cycle in range(1, cycles + 1):
        if rng.random() < 0.7:
            project.revise()
        process = project.start()
        try:
            process.wait(timeout=rng.uniform(0, full * 1.2))
            report.finished += 1
            expected = {0}
        except subprocess.TimeoutExpired:
            _kill(process, whole_group=rng.random() < 0.5)
            report.kills += 1
            expected = {0, -signal.SIGKILL}
        crash = _crash(process, expected)
        if crash:
            report.crashes.append(f"cycle {cycle}: {crash}")
        orphaned.append(process.pid)  # its group: TeX may work on after cvgen was killed
        check_outputs(project, report, f"cycle {cycle}")
        report.leftovers += [f"cycle {cycle}: {x}" for x in leftovers(project, final=False)]
        report.cycles += 1
    for group in orphaned:
        _wait_for_group(group)
    _finish(project, report)
    report.seconds = time.monotonic() - started
    return report


def _finish(project: Project, report: Report) -> None:
    """A build left to finish: good outputs of the last revision, nothing left over, and then
    everything up to date."""
    crash = _crash(project.start(), {0})
    if crash:
        report.crashes.append(f"final build: {crash}")
    check_outputs(project, report, "final")
    again = subprocess.run(
        [*CVGEN, "build"], cwd=project.folder, env=project.env, capture_output=True, text=True
    )
    lines = [line for line in again.stdout.splitlines() if line.strip()]
    if not lines or not all(line.endswith("up to date") for line in lines):
        report.stale.append(f"after the final build, not all up to date: {again.stdout}")
    report.leftovers += [f"final: {x}" for x in leftovers(project, final=True)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--small", action="store_true", help="the small test researcher")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cvgen-kill-loop-") as folder:
        report = run(args.cycles, args.seed, Path(folder), args.small)
    print(report.summary())
    for problem in [*report.crashes, *report.damaged, *report.stale, *report.leftovers]:
        print("  " + problem)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
