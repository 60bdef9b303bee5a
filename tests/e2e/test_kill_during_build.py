"""The kill loop, short: `cvgen build` SIGKILLed at random moments never leaves a damaged or
stale output, nor anything in the system temporary folder; the next build cleans up. The long
run is `python benchmarks/kill_during_build.py --cycles N` (figures in benchmarks/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.kill_during_build import _complete, run


def test_killed_builds_leave_only_good_outputs_and_no_leftovers(tmp_path: Path) -> None:
    report = run(cycles=4, seed=11, folder=tmp_path, small=True)
    assert report.cycles == 4 and report.kills + report.finished == 4
    assert report.ok, (
        report.summary()
        + "\n"
        + "\n".join([*report.crashes, *report.damaged, *report.stale, *report.leftovers])
    )


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("built")
    assert run(cycles=0, seed=1, folder=folder, small=True).ok
    return folder / "output"


@pytest.mark.parametrize("name", ["cv.html", "cv.tex", ".cvgen-build.json", "cv.pdf"])
def test_a_truncated_output_is_seen_as_damaged(outputs: Path, tmp_path: Path, name: str) -> None:
    """The loop's check is only as good as its eye for a half-written file."""
    path = outputs / name
    assert _complete(path) is not None
    damaged = tmp_path / f"damaged{path.suffix}"
    damaged.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert _complete(damaged) is None
