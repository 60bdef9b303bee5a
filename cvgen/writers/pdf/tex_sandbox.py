"""The confinement of TeX engines: which folders they read, their private font cache, and
what runs where the kernel cannot confine them (see tex.py).

The folders come from kpathsea itself (TeX's trees, configuration, caches, OSFONTDIR), so a
TeX Live in /usr/local/texlive or in the home folder works as Debian's does. LuaLaTeX's font
loader (luaotfload) must write its cache; it writes cvgen's own copy, so that code a theme
leaves there (compiled Lua) never reaches the user's other TeX runs.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from pathlib import Path

from cvgen.errors import CvgenError
from cvgen.files.children import can_confine, environment
from cvgen.files.private import cache_dir

TRUSTED_THEMES = "CVGEN_TRUSTED_THEMES"  # themes the user vouches for where TeX is unconfined


def refuse_unconfined(theme: str) -> None:
    """A theme that is not cvgen's own runs its TeX only under Landlock, or when the user names
    it in CVGEN_TRUSTED_THEMES (a list separated by commas)."""
    trusted = {name.strip() for name in os.environ.get(TRUSTED_THEMES, "").split(",")}
    if can_confine() or theme in trusted:
        return
    raise CvgenError(
        f"the theme {theme!r} brings its own LaTeX, which could read any of your files into the "
        "PDF, and TeX cannot be confined on this system (cvgen uses Linux's Landlock). Typeset "
        f"with --engine typst, or, if you wrote or checked the theme, set {TRUSTED_THEMES}="
        f"{theme}; nothing was written."
    )


def luaotfload_cache() -> Path:
    """LuaLaTeX's font cache for the confined engine: cvgen's own (so a theme's Lua cannot leave
    compiled code for the user's other TeX runs), seeded once from the system's names
    database so the first run does not rebuild it (about 20 s)."""
    folder = cache_dir() / "texmf-cache"
    if not folder.is_dir():
        _seed(folder)
    return folder


def _seed(folder: Path) -> None:
    """A new private cache folder with a copy of the system's luaotfload caches, if any."""
    staging = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    try:
        staging.mkdir(mode=0o700, parents=True, exist_ok=True)
        for source in _system_caches():
            if (source / "luatex-cache").is_dir():
                shutil.copytree(source / "luatex-cache", staging / "luatex-cache", symlinks=True)
                break
        os.replace(staging, folder)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def _system_caches() -> list[Path]:
    return [Path(p) for p in _kpse_expand("$TEXMFVAR:$TEXMFSYSVAR") if Path(p).is_dir()]


def _kpse_expand(variables: str) -> list[str]:
    """kpathsea's expansion of `variables` (':'-separated), as folders."""
    kpsewhich = shutil.which("kpsewhich")
    if kpsewhich is None:
        return []
    try:
        done = subprocess.run(
            [kpsewhich, f"--expand-braces={variables}"],
            capture_output=True, text=True, timeout=30, check=False, env=environment(),
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return []
    found = re.split(r"[:;]", done.stdout.strip())
    return [path.lstrip("!").rstrip("/") for path in found if path.strip("!/ ")]


# TeX's own trees, configuration, caches and fonts: everything an engine reads.
_TEX_VARIABLES = (
    "$TEXMF:$TEXMFCNF:$TEXMFVAR:$TEXMFSYSVAR:$TEXMFCONFIG:$TEXMFSYSCONFIG:$TEXMFHOME:"
    "$TEXMFROOT:$SELFAUTOPARENT:$OSFONTDIR"
)


@functools.cache
def tex_folders() -> tuple[str, ...]:
    """The folders TeX reads, from kpathsea itself; never '/' or the home folder whole (a
    configuration naming those would open every file to the engine)."""
    home = Path.home().resolve()
    folders = []
    for path in _kpse_expand(_TEX_VARIABLES):
        resolved = Path(path).resolve()
        if resolved.is_dir() and resolved != Path("/") and resolved not in (home, *home.parents):
            folders.append(str(resolved))
    return tuple(dict.fromkeys(folders))
