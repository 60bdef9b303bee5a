"""Confinement of a child process: which folders it may read (Linux Landlock), which it may
write, no TCP connection at all, and how much memory and processor time it may take.

TeX engines are programming languages, and a theme brings TeX code: `\\pdfobj file {...}` puts
any file into the PDF under pdfTeX whatever openin_any says, and LuaLaTeX's Lua can open any
file. Landlock lets an unprivileged process give up, for itself and every child, all file
access outside a list of folders (and, from ABI 4, TCP), before it runs the engine; no later
code can take it back. So cvgen starts engines through this module run as a script:

    python -I confine.py --read /usr --write /work/folder --memory 1073741824 -- lualatex cv.tex

It imports nothing but the standard library (and nothing of cvgen), so it starts in a few
milliseconds. Where Landlock is missing (not Linux, a kernel before 5.13, disabled), `level()`
is 0 and callers decide what they may run unconfined; the limits on memory and time apply on
every POSIX system.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
from collections.abc import Iterable

try:
    import resource
except ImportError:  # Windows: no resource limits
    resource = None  # type: ignore[assignment]

_CREATE_RULESET, _ADD_RULE, _RESTRICT_SELF = 444, 445, 446  # the same on every architecture
_VERSION = 1  # LANDLOCK_CREATE_RULESET_VERSION
_PATH_BENEATH = 1  # LANDLOCK_RULE_PATH_BENEATH
_NO_NEW_PRIVS = 38  # PR_SET_NO_NEW_PRIVS

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_FS_BITS_BY_ABI = {1: 13, 2: 14, 3: 15, 4: 15, 5: 16}  # access rights 0..n-1 each ABI handles
_FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | (1 << 14) | (1 << 15)  # truncate, ioctl
READ = EXECUTE | READ_FILE | READ_DIR
_TCP = (1 << 0) | (1 << 1)  # bind, connect: handled with no rule, so refused


class _Ruleset(ctypes.Structure):
    _fields_ = [("fs", ctypes.c_uint64), ("net", ctypes.c_uint64)]


class _Beneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def level() -> int:
    """The Landlock ABI version the kernel offers; 0 when there is none."""
    libc = _libc()
    if libc is None:
        return 0
    version = libc.syscall(_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(_VERSION))
    return max(int(version), 0)


def _fs_rights(abi: int) -> int:
    return (1 << _FS_BITS_BY_ABI.get(abi, 16)) - 1


def _allow(libc: ctypes.CDLL, ruleset: int, path: str, rights: int) -> None:
    """Let the process use `path` (a folder and all below it, or one file) with `rights`; a
    path that does not exist is skipped."""
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return
    try:
        if not os.path.isdir(path):
            rights &= _FILE_RIGHTS
        rule = _Beneath(rights, fd)
        if libc.syscall(_ADD_RULE, ruleset, _PATH_BENEATH, ctypes.byref(rule), 0) != 0:
            raise OSError(ctypes.get_errno(), f"landlock_add_rule({path})")
    finally:
        os.close(fd)


def restrict(read: Iterable[str], write: Iterable[str]) -> None:
    """From now on this process and its children may read (and run) only under `read`, read
    and write only under `write`, and open no TCP connection (ABI 4 on). OSError if the
    kernel refuses."""
    libc, abi = _libc(), level()
    if libc is None or abi < 1:
        raise OSError("Landlock is not available")
    everything = _fs_rights(abi)
    attr = _Ruleset(everything, _TCP if abi >= 4 else 0)
    size = ctypes.sizeof(attr) if abi >= 4 else ctypes.sizeof(ctypes.c_uint64)
    ruleset = libc.syscall(_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), 0)
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset")
    try:
        for path in read:
            _allow(libc, ruleset, path, READ)
        for path in write:
            _allow(libc, ruleset, path, everything)
        if libc.prctl(_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS)")
        if libc.syscall(_RESTRICT_SELF, ruleset, 0) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self")
    finally:
        os.close(ruleset)


def limit(memory: int | None, seconds: int | None) -> None:
    """At most `memory` bytes of data (heap and private mappings: what a runaway program
    grows; the fonts an engine maps from disk are not counted) and `seconds` of processor
    time (POSIX)."""
    if resource is None:
        return
    wanted = [(resource.RLIMIT_DATA, memory), (resource.RLIMIT_CPU, seconds)]
    for kind, value in wanted:
        if value:
            with contextlib.suppress(ValueError, OSError):  # a system that will not limit it
                resource.setrlimit(kind, (value, value))


def _arguments(argv: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """--read PATH, --write PATH, --memory BYTES, --seconds N (any number), -- COMMAND..."""
    split = argv.index("--")
    options, command = argv[:split], argv[split + 1 :]
    found: dict[str, list[str]] = {"--read": [], "--write": [], "--memory": [], "--seconds": []}
    for flag, value in zip(options[::2], options[1::2], strict=True):
        found[flag].append(value)
    return found, command


def main(argv: list[str]) -> None:
    """Confine this process, then become the command (its absolute path; it keeps the
    confinement). Without --read or --write, only the limits are set."""
    options, command = _arguments(argv)
    try:
        if options["--read"] or options["--write"]:
            restrict(options["--read"], options["--write"])
        memory, seconds = options["--memory"], options["--seconds"]
        limit(int(memory[-1]) if memory else None, int(seconds[-1]) if seconds else None)
    except OSError as error:
        print(f"cvgen: cannot confine {command[0]}: {error}", file=sys.stderr)
        raise SystemExit(126) from None
    os.execv(command[0], command)  # an absolute path: no search, no import once confined


if __name__ == "__main__":
    main(sys.argv[1:])
