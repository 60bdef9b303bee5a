"""cvgen's own files: the private cache folder, work folders for TeX, and the leftovers of
runs that were killed.

A killed process (SIGKILL, a closed laptop lid, an out-of-memory kill) runs no clean-up code,
so every temporary name made here carries the process id of its owner, and the next run
removes those whose owner is gone. Work folders live in the user's cache folder (mode 0700),
never in the shared system temporary folder, because they hold the whole CV.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


def cache_dir() -> Path:
    """$CVGEN_CACHE_DIR, else the platform cache folder ($XDG_CACHE_HOME or ~/.cache)."""
    configured = os.environ.get("CVGEN_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cvgen"


def private_folder(folder: Path) -> bool:
    """Create `folder` (mode 0700) if needed; True when it is a folder only this user can write.

    A folder others can write cannot keep secrets: anyone could swap the files inside it. One
    we own is closed to others again (and False returned, since its content may be theirs)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return False
    if info.st_mode & 0o077:
        with suppress(OSError):
            folder.chmod(0o700)
        return False
    return True


def process_tag() -> str:
    """The part of a temporary name that says which process made it."""
    return f".{os.getpid()}."


def _owner_gone(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process there
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, another user's
        return False
    return False


def remove_leftovers(folder: Path, prefix: str, suffix: str = "") -> None:
    """Remove the files and folders named `<prefix>...<pid>.<random><suffix>` (as tempfile
    names them after process_tag()) whose process has ended."""
    tagged = re.compile(rf"{re.escape(prefix)}.*\.(\d+)\.[a-z0-9_]{{8}}{re.escape(suffix)}")
    with suppress(OSError):
        for entry in folder.iterdir():
            match = tagged.fullmatch(entry.name)
            if match and _owner_gone(int(match.group(1))):
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)


@contextmanager
def work_folder(kind: str) -> Iterator[Path]:
    """A fresh folder only this user can read, removed afterwards (or by the next run, if this
    one is killed): in the cache folder, else in the system temporary folder."""
    base = cache_dir() / "work"
    if not private_folder(base):
        base = Path(tempfile.gettempdir())
    prefix = f"cvgen-{kind}"
    remove_leftovers(base, prefix)
    folder = Path(tempfile.mkdtemp(prefix=prefix + process_tag(), dir=base))  # mode 0700
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
