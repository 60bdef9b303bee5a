"""What a run leaves behind: TeX works in a private folder under the cache folder (never the
shared system temporary folder), and the leftovers of a killed run (work folders, half-written
outputs) are removed by the next one, never those of a live process or a user's own files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from cvgen.files.atomic import remove_partial_writes, write_atomic
from cvgen.files.private import work_folder
from cvgen.writers.pdf import tex as tex_engine

DOCUMENT = "\\documentclass{article}\n\\begin{document}\nx\n\\end{document}\n"


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def folders(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """(the cache folder, the system temporary folder), both fresh."""
    cache, system = tmp_path / "cache", tmp_path / "tmp"
    system.mkdir()
    monkeypatch.setenv("CVGEN_CACHE_DIR", str(cache))
    monkeypatch.setattr(tempfile, "tempdir", str(system))
    return cache, system


def test_tex_works_in_a_private_folder_it_removes(folders, monkeypatch) -> None:
    cache, system = folders
    seen: list[Path] = []
    real = tex_engine._run_pass

    def spy(engine, directory, draft, tex):
        seen.append(directory)
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700
        assert (directory / "cv.tex").read_text(encoding="utf-8") == tex
        return real(engine, directory, draft, tex)

    monkeypatch.setattr(tex_engine, "_run_pass", spy)
    assert tex_engine.run_tex(DOCUMENT, "pdflatex").pdf.startswith(b"%PDF")
    assert seen and all(d.parent == cache / "work" for d in seen)
    assert not seen[0].exists() and list(system.iterdir()) == []
    assert stat.S_IMODE((cache / "work").stat().st_mode) == 0o700


def test_a_killed_runs_work_folder_goes_and_a_live_ones_stays(folders) -> None:
    cache, _ = folders
    work = cache / "work"
    work.mkdir(parents=True, mode=0o700)
    dead = work / f"cvgen-tex.{_dead_pid()}.abcd1234"
    live = work / f"cvgen-tex.{os.getppid()}.abcd1234"
    for folder in (dead, live):
        folder.mkdir()
        (folder / "cv.tex").write_text("the whole CV")
    with work_folder("tex") as mine:
        assert mine.name.startswith(f"cvgen-tex.{os.getpid()}.")
    assert not dead.exists() and live.exists() and not mine.exists()


def test_without_a_usable_cache_folder_the_system_one_is_used_and_cleaned(folders) -> None:
    cache, system = folders
    cache.write_text("a file where the cache folder should be")
    stale = system / f"cvgen-tex.{_dead_pid()}.abcd1234"
    stale.mkdir()
    with work_folder("tex") as mine:
        assert mine.parent == system and stat.S_IMODE(mine.stat().st_mode) == 0o700
    assert list(system.iterdir()) == []


def test_half_written_outputs_of_killed_runs_are_removed(tmp_path: Path) -> None:
    dead, live = _dead_pid(), os.getppid()
    left = tmp_path / f".cv.pdf.{dead}.k2j3h4g5.tmp"
    running = tmp_path / f".cv.html.{live}.k2j3h4g5.tmp"
    users = [tmp_path / f".notes.{dead}.abcdefgh", tmp_path / f"draft.{dead}.abcdefgh.tmp"]
    for path in (left, running, *users):
        path.write_text("x")
    remove_partial_writes(tmp_path)
    assert not left.exists() and running.exists() and all(p.exists() for p in users)


def test_a_temporary_name_says_whose_it_is(tmp_path: Path, monkeypatch) -> None:
    names: list[str] = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (names.append(Path(a).name), real(a, b)))
    write_atomic(tmp_path / "cv.html", "<html></html>\n")
    (name,) = names
    assert name.startswith(f".cv.html.{os.getpid()}.") and name.endswith(".tmp")
