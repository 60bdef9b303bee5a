"""Templates cvgen did not write are rendered in a confined child process (child.py): this is
the parent's side, which decides when, starts it and reads its answer."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import cvgen
from cvgen.document import Document
from cvgen.errors import CvgenError
from cvgen.files.children import confined, environment, python_folders
from cvgen.writers import WriteOptions, theme_of

TEMPLATE_ERROR = 3
MAX_PAGE = 64 * 2**20  # characters: a 5,000-publication CV's page is about 6 MB
MAX_MEMORY = 1 << 30  # bytes of data (heap), see files/confine.py
TIMEOUT_SECONDS = 120
CHILD = "cvgen.writers.html.child"
PACKAGE = Path(cvgen.__file__).resolve().parent.parent  # where cvgen is imported from


def users_templates(options: WriteOptions) -> bool:
    """Whether the page uses templates the user's repository brought: a templates/ folder
    beside cv.yaml, or a theme of their own."""
    own = options.source_dir is not None and (Path(options.source_dir) / "templates").is_dir()
    return own or not theme_of(options).is_shipped


def render_confined(document: Document, options: WriteOptions) -> str:
    """The page from child.py, run with bounded memory and time, reading only the project,
    cvgen and Python; its template errors as CvgenError."""
    read = [*python_folders(), PACKAGE, *([options.source_dir] if options.source_dir else [])]
    command = confined([sys.executable, "-I", "-m", CHILD], read, [], MAX_MEMORY, TIMEOUT_SECONDS)
    try:
        done = subprocess.run(
            command, input=pickle.dumps((document, options)), capture_output=True,
            timeout=TIMEOUT_SECONDS, env=environment(), check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise CvgenError(
            f"the HTML templates did not finish within {TIMEOUT_SECONDS} s; nothing was written"
        ) from None
    if done.returncode == 0:
        return done.stdout.decode("utf-8")
    message = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != TEMPLATE_ERROR:
        last = message.splitlines()[-1] if message else f"status {done.returncode}"
        message = f"the HTML templates were stopped ({last}): out of memory or time?"
    raise CvgenError(message)
