"""Outputs written whole (files/atomic.py): half-written files of killed runs are removed, and a
temporary name says whose it is."""

from __future__ import annotations

import os
from pathlib import Path

from cvgen.files.atomic import remove_partial_writes, write_atomic
from tests.support.processes import dead_pid


def test_half_written_outputs_of_killed_runs_are_removed(tmp_path: Path) -> None:
    dead, live = dead_pid(), os.getppid()
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
