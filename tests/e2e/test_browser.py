"""Open output/cv.html in headless Chromium at desktop and phone widths and take screenshots.

CI installs chromium (.ci/run), so this runs there; it skips only where chromium is absent.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
]


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


@pytest.fixture(scope="module")
def page(example_sources, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=folder) as cwd:
        page = Path(cwd) / "output" / "cv.html"
        result = runner.invoke(main, ["html", "--cv", str(example_sources.cv), "-o", str(page)])
        assert result.exit_code == 0, result.output
        return page


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshot_without_errors(page: Path, width: int, tmp_path: Path):
    shot = tmp_path / f"cv-{width}.png"
    run = subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            f"--window-size={width},2000",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert png_size(shot) == (width, 2000)
    assert shot.stat().st_size > 20_000, "the screenshot looks blank"
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    assert not console, console
