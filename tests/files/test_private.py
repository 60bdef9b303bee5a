"""Private work folders (files/private.py): a killed run's work folder goes and a live one's
stays; without a usable cache folder the system one is used and cleaned."""

from __future__ import annotations

import os
import stat

from cvgen.files.private import work_folder
from tests.support.processes import dead_pid


def test_a_killed_runs_work_folder_goes_and_a_live_ones_stays(work_folders) -> None:
    cache, _ = work_folders
    work = cache / "work"
    work.mkdir(parents=True, mode=0o700)
    dead = work / f"cvgen-tex.{dead_pid()}.abcd1234"
    live = work / f"cvgen-tex.{os.getppid()}.abcd1234"
    for folder in (dead, live):
        folder.mkdir()
        (folder / "cv.tex").write_text("the whole CV")
    with work_folder("tex") as mine:
        assert mine.name.startswith(f"cvgen-tex.{os.getpid()}.")
    assert not dead.exists() and live.exists() and not mine.exists()


def test_without_a_usable_cache_folder_the_system_one_is_used_and_cleaned(work_folders) -> None:
    cache, system = work_folders
    cache.write_text("a file where the cache folder should be")
    stale = system / f"cvgen-tex.{dead_pid()}.abcd1234"
    stale.mkdir()
    with work_folder("tex") as mine:
        assert mine.parent == system and stat.S_IMODE(mine.stat().st_mode) == 0o700
    assert list(system.iterdir()) == []
