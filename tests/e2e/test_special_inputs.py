"""Special files and sizes: a named pipe, a device or a huge file given as any input ends in a
clear message naming the file, never a hang, a traceback or a MemoryError (user_files.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.files.reading import MB
from tests.support.deadline import deadline
from tests.support.paths import DATA

BAD = DATA / "bad"


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    shutil.copy(BAD / "_valid.yaml", tmp_path / "cv.yaml")
    shutil.copy(BAD / "_valid.bib", tmp_path / "publications.bib")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _replace(path: Path, kind: str) -> None:
    path.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "huge":  # sparse: costs no disk, and must not be read to be refused
        with path.open("wb") as handle:
            handle.truncate(200 * MB)
    else:
        path.symlink_to(kind)


def _run(args: list[str]):
    with deadline(20):
        result = CliRunner().invoke(main, args)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


EXPECTED = {
    "fifo": "is a named pipe (FIFO), not a regular file",
    "/dev/zero": "is a device (such as /dev/zero), not a regular file",
    "/dev/urandom": "is a device (such as /dev/zero), not a regular file",
    "huge": "is 200.0 MB, over the ",
}
COMMANDS = [
    ["check"],
    ["build", "--out-dir", "out"],
    ["bio"],
    ["html", "-o", "out/cv.html"],
]


@pytest.mark.parametrize("kind", list(EXPECTED))
@pytest.mark.parametrize("which", ["cv.yaml", "publications.bib"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_special_or_huge_input_is_a_clear_error(project: Path, which, kind, command) -> None:
    _replace(project / which, kind)
    result = _run([*command, "--no-cache"] if command[0] != "build" else command)
    assert result.exit_code == 1
    # a link to a device is refused as leading out of the project where the command confines
    # its inputs, else read and refused as a device: a clear error naming the file either way
    linked = f"{which} leads out of . through a symbolic link (to {kind})"
    assert f"{which}: {EXPECTED[kind]}" in result.output or linked in result.output
    assert not (project / "out").exists() or not any((project / "out").iterdir())


def test_the_bib_limit_says_what_to_do(project: Path) -> None:
    _replace(project / "publications.bib", "huge")
    result = _run(["check", "--no-cache"])
    assert (
        "publications.bib: is 200.0 MB, over the 50.0 MB cvgen reads from such a file; that is "
        "about 200,000 entries; export only the collection that holds your own publications"
    ) in result.output


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_special_or_huge_biosketch_profile(project: Path, kind: str) -> None:
    profile = project / "funder.yaml"
    _replace(profile, kind)
    result = _run(["bio", "--format", str(profile), "--no-cache"])
    assert result.exit_code == 1
    expected = EXPECTED[kind].replace("200.0 MB, over the ", "200.0 MB, over the 1.0 MB")
    assert f"cannot read profile {profile}: {expected}" in result.output


def test_a_folder_on_the_path_that_is_a_file(project: Path) -> None:
    result = _run(["check", "--cv", "cv.yaml/cv.yaml"])
    assert "cv.yaml/cv.yaml: file not found (a folder on its path is a file)" in result.output


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "huge"])
def test_special_or_huge_reference_docx(project: Path, kind: str) -> None:
    reference = project / "reference.docx"
    _replace(reference, kind)
    result = _run(["docx", "--reference-docx", str(reference), "-o", "out/cv.docx", "--no-cache"])
    assert result.exit_code == 1
    assert f"reference.docx: {EXPECTED[kind]}" in result.output
    assert not (project / "out" / "cv.docx").exists()
