"""Child processes that run code a stranger may have written (a TeX engine on a theme's
macros, Typst on a theme's template): their environment and their confinement.

The environment is built from a short allowlist, not inherited whole: a CI job keeps its
tokens in environment variables (GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY), and a theme's Lua can
call os.getenv, while kpathsea expands `$VARIABLE` in any file name TeX is asked for. The
command is started through confine.py: Landlock (where the kernel has it) lets the child read
only the folders the caller lists, write only the ones it lists, and connect nowhere; memory
and processor time are capped everywhere.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from cvgen.files import confine

SCRIPT = Path(confine.__file__).resolve()
# What any program needs to start and to find its fonts; nothing here holds secrets.
SYSTEM_READ = (
    "/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin", "/opt", "/nix/store",
    "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime", "/etc/fonts",
    "/etc/alternatives", "/var/cache/fontconfig", "/dev/null", "/dev/urandom", "/dev/zero",
)  # fmt: skip
USER_FONT_FOLDERS = (".fonts", ".local/share/fonts", ".cache/fontconfig")
_KEPT = re.compile(
    r"PATH|HOME|USER|LOGNAME|LANG|LANGUAGE|LC_\w+|TZ|TMPDIR|SYSTEMROOT|WINDIR|SOURCE_DATE_EPOCH"
    r"|XDG_(DATA|CACHE|CONFIG)_(HOME|DIRS)|FONTCONFIG_\w+|KPATHSEA_\w+|OSFONTDIR"
    r"|\w*TEXMF\w*|\w*INPUTS|\w*FONTS|TEXFORMATS|TEXPOOL|WEB2C|SELFAUTO\w+|TYPST_FONT_PATHS"
)


def environment(extra: Mapping[str, str] = (), base: Mapping[str, str] | None = None) -> dict:
    """The variables of `base` (default: this process's) a child may see, and `extra`."""
    source = os.environ if base is None else base
    kept = {name: value for name, value in source.items() if _KEPT.fullmatch(name)}
    return {**kept, **dict(extra)}


def user_fonts() -> list[str]:
    """Font folders of the user's home, which fontconfig and Typst search."""
    home = Path.home()
    data = os.environ.get("XDG_DATA_HOME")
    return [str(home / name) for name in USER_FONT_FOLDERS] + ([f"{data}/fonts"] if data else [])


@cache
def python_folders() -> tuple[str, ...]:
    """Where this Python and its packages live, for a Python child."""
    return tuple(dict.fromkeys(map(str, (sys.prefix, sys.base_prefix, sys.exec_prefix))))


def confined(
    command: list[str],
    read: Iterable[str | Path],
    write: Iterable[str | Path],
    memory: int,
    seconds: int,
) -> list[str]:
    """`command` started through confine.py: reading only `read` (and the system's own
    folders), writing only `write`, with its memory and processor time capped. Without
    Landlock only the caps apply (the caller decides whether that is enough)."""
    program = command[0] if os.path.isabs(command[0]) else shutil.which(command[0])
    if program is None:
        raise FileNotFoundError(command[0])
    if os.name == "nt":  # no exec there (it would end the wrapper before the engine)
        return [program, *command[1:]]
    prefix = [sys.executable, "-I", str(SCRIPT)]
    if confine.level():
        readable = [*SYSTEM_READ, *user_fonts(), *map(str, read)]
        prefix += [arg for path in dict.fromkeys(readable) for arg in ("--read", path)]
        prefix += [arg for path in map(str, write) for arg in ("--write", path)]
        prefix += ["--write", "/dev/null"]
    prefix += ["--memory", str(memory), "--seconds", str(seconds)]
    return [*prefix, "--", program, *command[1:]]


def can_confine() -> bool:
    """Whether children's file access can be confined here (Linux Landlock)."""
    return confine.level() > 0
