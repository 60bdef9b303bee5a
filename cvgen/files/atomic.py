"""Atomic output: a failed or interrupted build never leaves a half-written or missing file.

We write beside the target (same filesystem, so rename is atomic) and rename over it only once
the content is complete; the previous good output survives any error before that point. The
temporary file is named after its process, so one left by a killed run is removed by the next
(remove_partial_writes).
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from cvgen.errors import CvgenError
from cvgen.files.private import process_tag, remove_leftovers

logger = logging.getLogger(__name__)


def write_atomic(path: Path, content: str | bytes, mode: int = 0o644) -> Path:
    """Write `content` to `path` completely or not at all; OS errors become a plain message.
    A missing folder is created, and said (a notice: a mistyped -o folder shows at once)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    tmp_name = None
    try:
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
            logger.info("Created folder %s", path.parent)
        prefix = f".{path.name}{process_tag()}"
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
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


def remove_partial_writes(folder: Path) -> None:
    """Remove the temporary files that runs killed mid-write left in `folder`."""
    remove_leftovers(folder, ".", ".tmp")
