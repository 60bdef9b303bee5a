"""Reading a file safely (files/reading.py): a pipe swapped in after the check is still refused;
small files are read, special ones have no digest."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from cvgen.files.reading import MAX_BIB, MAX_CV_YAML, UnreadableFile, digest, read_bytes
from tests.support.deadline import deadline


def test_a_file_swapped_for_a_pipe_after_the_check_is_still_refused(tmp_path: Path, monkeypatch):
    """The path is checked, then opened without blocking, then checked again on the open file."""
    real = tmp_path / "real.yaml"
    real.write_text("person: {name: Ada}\n")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda path, **kw: real_stat(real if path == pipe else path))
    with deadline(10), pytest.raises(UnreadableFile, match="named pipe"):
        read_bytes(pipe, MAX_CV_YAML)


def test_small_files_are_read_and_special_ones_have_no_digest(tmp_path: Path) -> None:
    path = tmp_path / "x.bib"
    path.write_bytes(b"x" * 10)
    assert read_bytes(path, MAX_BIB) == b"x" * 10
    os.mkfifo(tmp_path / "pipe")
    with deadline(10):
        assert digest(tmp_path / "pipe") is None
        assert digest(Path("/dev/zero")) is None
    assert digest(path) == hashlib.sha256(b"x" * 10).hexdigest()
