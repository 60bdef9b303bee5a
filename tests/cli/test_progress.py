"""The progress line: after a delay, on a terminal only (a pseudo-terminal here), never with
--quiet (the one every command takes, which leaves only warnings and errors) and never when
stderr is a pipe."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from cvgen.cli.progress import ProgressLine, wanted
from cvgen.util.progress import advance, listening, step


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_step_shows_only_after_the_delay_with_its_count_and_time() -> None:
    stream, clock = io.StringIO(), Clock()
    line = ProgressLine(stream, delay=2.0, clock=clock)
    with listening(line), step("Reading publications.bib"):
        advance(10, 5000)
        clock.now += 1.9
        line.draw()
        assert stream.getvalue() == ""
        with step("Formatting 5000 references in the apa style"):
            advance(2500, 5000)
            clock.now += 1.2
            line.draw()
    drawn = "\rFormatting 5000 references in the apa style… 2500/5000 (3 s)\x1b[K"
    assert stream.getvalue() == drawn + "\r\x1b[K"  # cleared when the step ends


def test_the_line_never_runs_past_the_terminal_and_shows_no_control_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "30")
    stream, clock = io.StringIO(), Clock()
    line = ProgressLine(stream, delay=0.0, clock=clock)
    line.started("Reading \x1b[2Jmy very long file name.bib")
    line.draw()
    shown = stream.getvalue()
    assert shown.startswith("\rReading") and shown.endswith("\x1b[K")
    assert len(shown) - len("\r\x1b[K") == 29 and "\x1b[2J" not in shown


def test_only_a_terminal_gets_a_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    with open(os.devnull, "w") as devnull:
        assert not wanted(devnull, quiet=False)
    main, child = pty.openpty()
    with os.fdopen(child, "w") as terminal:
        assert wanted(terminal, quiet=False) and not wanted(terminal, quiet=True)
        monkeypatch.setenv("TERM", "dumb")
        assert not wanted(terminal, quiet=False)
    os.close(main)


# A fresh cvgen process with no delay before the line: its steps all show.
NO_DELAY = (
    "import sys, cvgen.cli.progress as p; p.DELAY = 0.0; p.REDRAW = 0.01; "
    "from cvgen.cli import main; sys.exit(main())"
)


def _run(args: list[str], cwd: Path, terminal: bool) -> tuple[str, str]:
    """stdout and stderr of cvgen, its stderr a pseudo-terminal or a pipe."""
    env = {**os.environ, "TERM": "xterm"}
    command = [sys.executable, "-c", NO_DELAY, *args]
    if not terminal:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=True)
        return done.stdout.decode(), done.stderr.decode()
    main, child = pty.openpty()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=child)
    os.close(child)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal (EIO on Linux)
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    assert process.wait() == 0
    assert process.stdout is not None
    return process.stdout.read().decode(), seen.decode()


@pytest.fixture
def typst_args(small_sources, tmp_path: Path) -> list[str]:
    out = tmp_path / "cv.pdf"
    return ["pdf", "--cv", str(small_sources.cv), "--engine", "typst", "-o", str(out)]


def test_on_a_terminal_the_steps_show_on_one_line_cleared_at_the_end(
    typst_args: list[str], tmp_path: Path
) -> None:
    out, terminal = _run(typst_args, tmp_path, terminal=True)
    assert out == ""  # the PDF went to its file; what is said goes to stderr
    assert "\rTypesetting with Typst…" in terminal and "\rReading the CV's data…" in terminal
    steps, _, said = terminal.rpartition("\r\x1b[K")  # the line cleared before "Wrote"
    assert "\n" not in steps and said == f"Wrote {tmp_path / 'cv.pdf'} (typst)\r\n"


def test_quiet_or_piped_nothing_extra_is_printed(typst_args: list[str], tmp_path: Path) -> None:
    _, terminal = _run([*typst_args, "--quiet"], tmp_path, terminal=True)
    assert terminal == ""
    out, piped = _run(typst_args, tmp_path, terminal=False)
    assert out == "" and piped == f"Wrote {tmp_path / 'cv.pdf'} (typst)\n"
