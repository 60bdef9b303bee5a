"""A private copy of a folder's files, for a child process that must see those and no others.

Typst resolves `read("x")` and `image("x")` inside its root folder, but follows symbolic
links out of it, and would block on a named pipe. Compiling on a copy made here removes both:
the copy holds regular files only, each checked to stay inside its folder and the project,
hidden ones (.git, .env) left out, and the whole bounded in size.
"""

from __future__ import annotations

import os
from pathlib import Path

from cvgen.files.project import ConfinementError, escape, files_under
from cvgen.files.reading import MB, Limit, UnreadableFile, read_bytes

MAX_COPY = Limit(64 * MB, "a theme is its template and a few images: is this the right folder?")


def copy_folder(source: Path, target: Path, root: Path, limit: Limit = MAX_COPY) -> Path:
    """Copy the files under `source` into the new folder `target`; a link leading out of
    `source` or `root` is refused (ConfinementError), hidden files are left out."""
    total = 0
    for path in files_under(source):
        relative = path.relative_to(source)
        if any(part.startswith(".") for part in relative.parts):
            continue
        reason = escape(path, source) or escape(path, root)
        if reason:
            raise ConfinementError(f"{path} {reason}; cvgen does not use it")
        try:
            data = read_bytes(path, Limit(limit.size - total, limit.advice))
        except UnreadableFile as error:
            raise ConfinementError(f"{path}: {error}") from None
        total += len(data)
        copy = target / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(data)
        os.chmod(copy, 0o600)
    return target
