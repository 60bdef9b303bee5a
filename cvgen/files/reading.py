"""Read a file the user named, safely: regular files only, and never more than a set size.

A named pipe given as cv.yaml would block a plain `open()` forever, and /dev/zero or
/dev/urandom would fill memory. So every reader of user input (cv.yaml, the .bib, a biosketch
profile, a template, a cache entry, the fingerprint of a build's inputs) comes through here:
the path is checked before it is opened, opened without blocking, checked again on the open
file (it may have been swapped in between), and read up to its limit. Kept free of heavy
imports: `cvgen build` fingerprints its inputs through it before loading anything.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MB = 1024 * 1024


@dataclass(frozen=True)
class Limit:
    """The most cvgen reads from one kind of file, and what to do about a larger one."""

    size: int
    advice: str


# Generous caps, far above any real file of each kind, that still keep memory bounded.
MAX_CV_YAML = Limit(5 * MB, "a long CV's cv.yaml is about 100 KB: is this the right file?")
MAX_BIB = Limit(  # loading costs ~25x the file in memory
    50 * MB,
    "that is about 200,000 entries; export only the collection that holds your own "
    "publications instead of the whole reference library",
)
MAX_PROFILE = Limit(1 * MB, "a biosketch profile is a few KB: is this the right file?")
MAX_TEMPLATE = Limit(2 * MB, "a template is a few KB: is this the right file?")
MAX_WORDS = Limit(1 * MB, "a words file is a few KB: is this the right file?")
MAX_REFERENCE_DOCX = Limit(50 * MB, "a Word template is well under 1 MB: is this the right file?")
MAX_CACHE_ENTRY = Limit(256 * MB, "")  # written by cvgen itself, from at most a MAX_BIB library

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = (
    (stat.S_ISDIR, "is a directory, expected a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file; cvgen reads only files"),
    (stat.S_ISCHR, "is a device (such as /dev/zero), not a regular file; cvgen reads only files"),
    (stat.S_ISBLK, "is a block device, not a regular file; cvgen reads only files"),
    (stat.S_ISSOCK, "is a socket, not a regular file; cvgen reads only files"),
)


class UnreadableFile(Exception):
    """Why a file cannot be read, in words for the user: str(error) is the reason alone."""


def _refuse_special(mode: int) -> None:
    for test, reason in _KINDS:
        if test(mode):
            raise UnreadableFile(reason)
    if not stat.S_ISREG(mode):
        raise UnreadableFile("is not a regular file; cvgen reads only files")


def _size(count: int) -> str:
    return f"{count / MB:.1f} MB" if count >= MB else f"{count:,} bytes"


def too_large(size: int, limit: Limit) -> str:
    message = f"is {_size(size)}, over the {_size(limit.size)} cvgen reads from such a file"
    return f"{message}; {limit.advice}" if limit.advice else message


@contextmanager
def open_regular(path: Path) -> Iterator[tuple[BinaryIO, os.stat_result]]:
    """The open file and its status, if `path` is a regular file; else UnreadableFile."""
    try:
        _refuse_special(os.stat(path).st_mode)
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise UnreadableFile("file not found") from None
    except NotADirectoryError:
        raise UnreadableFile("file not found (a folder on its path is a file)") from None
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        _refuse_special(info.st_mode)  # swapped for a pipe between the check and the open
        yield handle, info


def read_bytes(path: Path, limit: Limit) -> bytes:
    """The whole file, if it is a regular file within `limit`; else UnreadableFile."""
    with open_regular(path) as (handle, info):
        if info.st_size > limit.size:
            raise UnreadableFile(too_large(info.st_size, limit))
        try:
            data = handle.read(limit.size + 1)
        except OSError as error:
            raise UnreadableFile(f"cannot read: {error.strerror or error}") from None
    if len(data) > limit.size:  # grew while we read it
        raise UnreadableFile(too_large(len(data), limit))
    return data


def digest(path: Path) -> str | None:
    """SHA-256 of a regular file, read in chunks (any size, bounded memory); None if it is
    missing, unreadable or not a regular file."""
    try:
        with open_regular(path) as (handle, _):
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (UnreadableFile, OSError):
        return None
