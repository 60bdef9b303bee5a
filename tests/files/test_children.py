"""Child processes running a stranger's code (files/children.py): they see an allowlisted
environment, and are started through confine.py with the folders they may read and write and
their caps on memory and time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cvgen.files import children

SECRET = "SECRET-7f3a9c"
TOKEN = "ghp_TOKEN4e8d1b"
LANDLOCK = pytest.mark.skipif(not children.can_confine(), reason="no Landlock in this kernel")


def test_engines_see_no_secret_of_the_environment() -> None:
    env = {"PATH": "/usr/bin", "HOME": "/home/ada", "TEXMFHOME": "~/texmf", "LANG": "C.UTF-8",
           "GITHUB_TOKEN": TOKEN, "AWS_SECRET_ACCESS_KEY": TOKEN, "SSH_AUTH_SOCK": "/tmp/a",
           "CVGEN_OPENALEX_API_KEY": TOKEN, "LD_PRELOAD": "/x.so", "PYTHONPATH": "/x"}  # fmt: skip
    kept = children.environment({"openin_any": "p"}, base=env)
    assert kept == {"PATH": "/usr/bin", "HOME": "/home/ada", "TEXMFHOME": "~/texmf",
                    "LANG": "C.UTF-8", "openin_any": "p"}  # fmt: skip


def test_a_name_is_kept_only_when_it_matches_whole() -> None:
    env = {"MYPATH": "x", "PATHS": "x", "LC_ALL": "C", "TZ": "UTC", "LANG": "de_DE.UTF-8"}
    kept = children.environment({"LANG": "C.UTF-8"}, base=env)
    assert kept == {"LC_ALL": "C", "TZ": "UTC", "LANG": "C.UTF-8"}  # extra wins over base


def test_the_users_font_folders_are_under_home(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(Path, "home", staticmethod(lambda: tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "/data")
    assert children.user_fonts() == [
        str(tmp_path / ".fonts"),
        str(tmp_path / ".local/share/fonts"),
        str(tmp_path / ".cache/fontconfig"),
        "/data/fonts",
    ]
    monkeypatch.delenv("XDG_DATA_HOME")
    assert len(children.user_fonts()) == 3


def test_python_folders_name_this_python_once_each() -> None:
    folders = children.python_folders()
    assert sys.prefix in folders and len(folders) == len(set(folders))


def test_the_command_is_started_through_confine_with_its_caps(monkeypatch) -> None:
    monkeypatch.setattr(children.confine, "level", lambda: 0)
    command = children.confined(["cat", "x"], ["/r"], ["/w"], 1 << 30, 10)
    assert command[:3] == [sys.executable, "-I", str(children.SCRIPT)]
    assert "--read" not in command and "--write" not in command  # no Landlock: the caps alone
    assert command[3:] == ["--memory", str(1 << 30), "--seconds", "10", "--", command[-2], "x"]
    assert Path(command[-2]).is_absolute() and Path(command[-2]).name == "cat"


def test_with_landlock_the_folders_are_listed_once(monkeypatch) -> None:
    monkeypatch.setattr(children.confine, "level", lambda: 4)
    command = children.confined(["/bin/cat"], ["/usr", "/r", "/r"], [Path("/w")], 1, 2)
    reads = [command[i + 1] for i, arg in enumerate(command) if arg == "--read"]
    writes = [command[i + 1] for i, arg in enumerate(command) if arg == "--write"]
    assert reads.count("/usr") == 1 and reads.count("/r") == 1 and "/etc/fonts" in reads
    assert writes == ["/w", "/dev/null"]
    assert command[-2:] == ["--", "/bin/cat"]


def test_a_missing_program_is_named() -> None:
    with pytest.raises(FileNotFoundError, match="no-such-engine-x"):
        children.confined(["no-such-engine-x"], [], [], 1, 1)


@LANDLOCK
def test_the_confined_child_reads_and_writes_only_what_it_is_given(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(SECRET)
    work = tmp_path / "work"
    work.mkdir()
    script = (
        f"cat {tmp_path / 'secret.txt'}; touch {work / 'made'} {tmp_path / 'not'}; "
        f"cat {work / 'made'} && echo READ-OK"
    )
    command = children.confined(["sh", "-c", script], [], [work], 1 << 30, 10)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert SECRET not in done.stdout and "Permission denied" in done.stderr
    assert "READ-OK" in done.stdout
    assert (work / "made").exists() and not (tmp_path / "not").exists()
