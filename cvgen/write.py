"""Atomic output: a failed or interrupted build never leaves a half-written or missing file.

We write beside the target (same filesystem, so rename is atomic) and rename over it only once
the content is complete; the previous good output survives any error before that point.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cvgen.errors import CvgenError


def write_atomic(path: Path, content: str | bytes) -> Path:
    """Write `content` to `path` completely or not at all; OS errors become a plain message."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException as error:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            raise CvgenError(
                f"cannot write {path}: {reason}; the previous file is unchanged"
            ) from None
        raise
    return path
