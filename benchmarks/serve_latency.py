#!/usr/bin/env python3
"""How fast `cvgen serve` shows a save in the browser, and what it costs while idle.

    python benchmarks/serve_latency.py                       # 20 saves of the example CV
    python benchmarks/serve_latency.py --saves 50 --screenshots docs/

`cvgen serve` runs as a user runs it (its own process, Typst for the PDF) on a copy of the
example researcher; Debian's Chromium opens it, headless with a fresh profile, driven by
Playwright. Each save writes cv.yaml with a new position (on the CV's first lines and the PDF's
first page), and the page itself notes when the change is on screen (polled every 10 ms):
the web page's text in its frame, then the PDF pane's first page image. The time of a save is
taken just before the file is written. Figures: median, 90th percentile and worst, in seconds;
then the server's CPU time over 10 s idle with the page open. tests/e2e/test_serve_browser.py
runs five saves and holds the medians to 0.5 s (web page) and 1.5 s (PDF).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
POSITION = "position: Associate Professor of Computer Science"
SHOWN_IN_FRAME = """(marker) => {
  const doc = document.getElementById("cv").contentDocument;
  return doc && doc.body && doc.body.textContent.includes(marker) ? Date.now() : false;
}"""
PAGES_CHANGED = "(before) => document.body.dataset.pages !== before ? Date.now() : false"


@contextmanager
def serve_command(cv: Path, *options: str, env: dict[str, str] | None = None) -> Iterator[Any]:
    """`cvgen serve` in its own process, as a user runs it (in the folder of cv.yaml); the
    process, with `.url`."""
    command = [sys.executable, "-m", "cvgen", "serve", "--cv", cv.name, *options]
    process = subprocess.Popen(
        command, cwd=cv.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **(env or {})},
    )  # fmt: skip
    try:
        line = process.stdout.readline() if process.stdout else ""
        found = re.search(r"http://\S+", line)
        if not found:
            raise RuntimeError(f"no address in {line!r}: {process.stderr.read()}")  # type: ignore[union-attr]
        process.url = found.group()  # type: ignore[attr-defined]
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()


@contextmanager
def chromium(profile: Path, width: int = 1400, height: int = 900) -> Iterator[Any]:
    """Debian's Chromium, headless, with a fresh profile: a Playwright browser context."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": width, "height": height},
        )  # fmt: skip
        try:
            yield context
        finally:
            context.close()


def example_text(position: str | None = None) -> str:
    text = (ROOT / "cv.yaml").read_text(encoding="utf-8")
    return text.replace(POSITION, f"position: {position}") if position else text


def open_preview(context: Any, url: str) -> Any:
    """A page on the preview, once it shows the web page and the PDF's pages."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#pages img", timeout=60_000)
    page.wait_for_function(SHOWN_IN_FRAME, arg="Adler-Katz", polling=10, timeout=60_000)
    return page


def timed_save(page: Any, cv: Path, position: str) -> tuple[float, float]:
    """Seconds from writing cv.yaml to the new position in the web page, and in the PDF."""
    before = page.evaluate("() => document.body.dataset.pages")
    saved = time.time()
    cv.write_text(example_text(position), encoding="utf-8")
    html = page.wait_for_function(SHOWN_IN_FRAME, arg=position, polling=10, timeout=30_000)
    pdf = page.wait_for_function(PAGES_CHANGED, arg=before, polling=10, timeout=30_000)
    return html.json_value() / 1000 - saved, pdf.json_value() / 1000 - saved


def measure(page: Any, cv: Path, saves: int, pause: float = 0.3) -> list[tuple[float, float]]:
    """`saves` timed saves, each of a new position, `pause` seconds apart."""
    timings = []
    for n in range(saves):
        timings.append(timed_save(page, cv, f"Professor of Latency Probe {n}"))
        time.sleep(pause)
    return timings


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def idle_cpu(pid: int, seconds: float) -> float:
    """The process's CPU seconds over `seconds` of doing nothing."""
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return cpu_seconds(pid) - before


def screenshots(page: Any, cv: Path, folder: Path) -> list[Path]:
    """The preview with an error in cv.yaml, at desktop width and at 390 px."""
    cv.write_text(example_text().replace("    start: 2006-10", "    start: 2006-13"), "utf-8")
    page.wait_for_selector("#problems:not([hidden])", timeout=30_000)
    page.frame_locator("#cv").locator("body").evaluate("() => window.scrollTo(0, 1100)")
    page.eval_on_selector("#pages", "box => box.scrollTop = 900")
    shots = [folder / "serve-desktop.png", folder / "serve-390.png"]
    page.set_viewport_size({"width": 1280, "height": 800})
    time.sleep(0.5)
    page.screenshot(path=str(shots[0]))
    page.set_viewport_size({"width": 390, "height": 844})
    time.sleep(0.5)
    page.screenshot(path=str(shots[1]))
    return shots


def summary(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    median = statistics.median(ordered)
    return f"| {name} | {len(values)} | {median:.2f} | {p90:.2f} | {ordered[-1]:.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle to measure")
    parser.add_argument("--screenshots", type=Path, help="save the page's screenshots here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serve-latency-") as work:
        folder = Path(work)
        for name in ("cv.yaml", "publications.bib"):
            shutil.copyfile(ROOT / name, folder / name)
        cv = folder / "cv.yaml"
        with serve_command(cv, "--port", "0") as server, chromium(folder / "profile") as browser:
            page = open_preview(browser, server.url)
            timings = measure(page, cv, args.saves)
            idle = idle_cpu(server.pid, args.idle)
            shots = screenshots(page, cv, args.screenshots) if args.screenshots else []
    print("| from a save to | saves | median (s) | 90th percentile (s) | worst (s) |")
    print("|---|---:|---:|---:|---:|")
    print(summary("the web page updated", [html for html, _ in timings]))
    print(summary("the PDF pane updated", [pdf for _, pdf in timings]))
    print(f"\nidle: {idle:.3f} s of CPU in {args.idle:.0f} s ({100 * idle / args.idle:.2f} %)")
    for shot in shots:
        print(f"wrote {shot}")


if __name__ == "__main__":
    main()
