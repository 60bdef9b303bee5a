"""The confinement script (files/confine.py): its command line, the limits it sets, the
Landlock rights it asks for, and its one message when the kernel refuses."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cvgen.files import confine


def test_the_options_and_the_command_are_split_at_the_double_dash() -> None:
    argv = ["--read", "/usr", "--read", "/opt", "--write", "/w", "--memory", "9", "--", "/bin/x"]
    options, command = confine._arguments([*argv, "--read", "y"])
    assert options == {"--read": ["/usr", "/opt"], "--write": ["/w"], "--memory": ["9"],
                       "--seconds": []}  # fmt: skip
    assert command == ["/bin/x", "--read", "y"]  # after --, the command's own arguments


def test_a_flag_without_its_value_is_refused() -> None:
    with pytest.raises(ValueError):
        confine._arguments(["--read", "/usr", "--memory", "--", "/bin/x"])
    with pytest.raises(ValueError):  # no command at all
        confine._arguments(["--read", "/usr"])


def test_each_abi_asks_for_the_rights_it_knows() -> None:
    assert confine._fs_rights(1) == (1 << 13) - 1
    assert confine._fs_rights(3) == (1 << 15) - 1
    assert confine._fs_rights(99) == (1 << 16) - 1  # a newer kernel: the rights cvgen knows
    assert confine.READ == confine.EXECUTE | confine.READ_FILE | confine.READ_DIR


def test_without_landlock_the_level_is_0_and_restrict_refuses(monkeypatch) -> None:
    monkeypatch.setattr(confine, "_libc", lambda: None)
    assert confine.level() == 0
    with pytest.raises(OSError, match="Landlock is not available"):
        confine.restrict(["/usr"], [])


def test_limits_set_only_what_is_given(monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(
        confine.resource, "setrlimit", lambda kind, pair: calls.append((kind, pair))
    )
    confine.limit(1 << 30, None)
    confine.limit(None, 5)
    assert calls == [
        (confine.resource.RLIMIT_DATA, (1 << 30, 1 << 30)),
        (confine.resource.RLIMIT_CPU, (5, 5)),
    ]


def test_a_system_that_will_not_limit_is_no_failure(monkeypatch) -> None:
    def refuse(kind, pair):
        raise ValueError("not allowed to raise maximum limit")

    monkeypatch.setattr(confine.resource, "setrlimit", refuse)
    confine.limit(1, 1)  # nothing raised: the caller decided what runs unconfined


def test_a_refused_confinement_is_one_message_and_status_126(monkeypatch, capsys) -> None:
    def refuse(read, write):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(confine, "restrict", refuse)
    monkeypatch.setattr(confine.os, "execv", lambda *a: pytest.fail("ran unconfined"))
    with pytest.raises(SystemExit) as stopped:
        confine.main(["--read", "/usr", "--", "/usr/bin/lualatex", "cv.tex"])
    assert stopped.value.code == 126
    assert capsys.readouterr().err == (
        "cvgen: cannot confine /usr/bin/lualatex: [Errno 1] Operation not permitted\n"
    )


def test_without_folders_only_the_limits_are_set(monkeypatch) -> None:
    done = []
    monkeypatch.setattr(confine, "restrict", lambda r, w: done.append("restrict"))
    monkeypatch.setattr(confine, "limit", lambda m, s: done.append(("limit", m, s)))
    monkeypatch.setattr(confine.os, "execv", lambda path, args: done.append(("exec", path, args)))
    confine.main(["--memory", "1", "--memory", "2", "--seconds", "3", "--", "/bin/x", "a"])
    assert done == [("limit", 2, 3), ("exec", "/bin/x", ["/bin/x", "a"])]  # the last value wins


def test_the_script_caps_the_commands_memory_and_time() -> None:
    script = ["/bin/sh", "-c", "ulimit -d; ulimit -t"]
    command = [sys.executable, "-I", confine.__file__, "--memory", str(1 << 30), "--seconds", "7"]
    done = subprocess.run([*command, "--", *script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [str((1 << 30) // 1024), "7"]  # KB, seconds
