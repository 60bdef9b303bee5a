"""Typst, run in a child process as a script: `python -I child.py < request.json > cv.pdf`.

A theme's typst.typ is code: it may loop for ever, ask for memory without end, `read()` a file
or `#import "@preview/…"` a package from the network. So cvgen never compiles it in its own
process: this script runs confined (files/confine.py: Landlock, memory and time limits), on a
private copy of the theme's files, with empty package folders and the network unreachable.
It imports only the standard library and typst, so it starts quickly. The request is JSON:
template, root, packages (a folder), data (the CV, for sys.inputs), timestamp, standards,
format (pdf, or svg: the pages as a JSON list of SVG texts).
On a Typst error it exits with status 3 and the message on stderr.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

TYPST_ERROR = 3


def main() -> int:
    import typst

    request = json.load(sys.stdin)
    compiler = typst.Compiler(
        request["template"],
        root=request["root"],
        sys_inputs={"cvgen": request["data"]},
        package_path=request["packages"],
        package_cache_path=request["packages"],
    )
    stamp = dt.datetime.fromtimestamp(request["timestamp"], dt.UTC)
    try:
        if request.get("format") == "svg":
            pages = compiler.compile(format="svg")
            pages = pages if isinstance(pages, list) else [pages]
            sys.stdout.write(json.dumps([page.decode("utf-8") for page in pages]))
        else:
            sys.stdout.buffer.write(_pdf(typst, compiler, request["standards"], stamp))
    except typst.TypstError as error:
        sys.stderr.write(error.message)
        return TYPST_ERROR
    return 0


def _pdf(typst: Any, compiler: Any, standards: list[str], stamp: dt.datetime) -> bytes:
    """Tagged (PDF/UA-1), or untagged when a character has no font (PDF/UA refuses it)."""
    try:
        return compiler.compile(format="pdf", pdf_standards=standards, timestamp=stamp)
    except typst.TypstError as error:
        if "PDF/UA" not in error.message:
            raise
        return compiler.compile(format="pdf", timestamp=stamp)


if __name__ == "__main__":
    raise SystemExit(main())
