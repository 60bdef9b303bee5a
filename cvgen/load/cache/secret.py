"""The key that signs cache entries: 32 random bytes in the cache folder, readable by the user
alone (mode 0600, in a 0700 folder).

A plain hash proves only that an entry is intact: anyone who edits one can recompute it. An
HMAC under this key can be made only by someone who can read the key, so an entry edited by
anyone else (a forged title reaching `cvgen filter`, an escape sequence reaching a terminal)
fails its check and is ignored like a damaged one.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from contextlib import suppress
from pathlib import Path

from cvgen.files.private import cache_dir, private_folder, process_tag
from cvgen.files.reading import UnreadableFile, open_regular

KEY_FILE = "secret.key"
KEY_BYTES = 32


def secret_key() -> bytes | None:
    """The user's cache key, created on first use; None when the cache folder is not private
    (then the cache is not used at all)."""
    folder = cache_dir()
    path = folder / KEY_FILE
    if not private_folder(folder):
        with suppress(OSError):
            path.unlink()  # others could write here: they may know or have chosen this key
        return None
    return _read_key(path) or _new_key(path)


def _read_key(path: Path) -> bytes | None:
    """The key, if it is a regular file of the right size that only this user can read."""
    try:
        with open_regular(path) as (handle, info):
            private = info.st_uid == os.getuid() and not info.st_mode & 0o077
            key = handle.read(KEY_BYTES + 1) if private else b""
    except (UnreadableFile, OSError):
        return None
    return key if len(key) == KEY_BYTES else None


def _new_key(path: Path) -> bytes | None:
    """A fresh key, written whole to a 0600 file and renamed into place, so no reader ever
    sees part of one; a missing, damaged or too widely readable key is replaced."""
    key = secrets.token_bytes(KEY_BYTES)
    temporary = path.with_name(f".{path.name}{process_tag()}{secrets.token_hex(4)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(temporary, flags, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(key)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError:
        return None
    finally:
        temporary.unlink(missing_ok=True)
    return key


def _signature(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).hexdigest().encode()


def signed(payload: bytes) -> bytes | None:
    """`payload` with its signature on a first line, or None when there is no private key."""
    secret = secret_key()
    return None if secret is None else _signature(secret, payload) + b"\n" + payload


def verified(data: bytes) -> bytes | None:
    """The payload of signed `data`, or None if the signature is not the user's."""
    secret = secret_key()
    signature, _, payload = data.partition(b"\n")
    if secret is None or not hmac.compare_digest(signature, _signature(secret, payload)):
        return None
    return payload
