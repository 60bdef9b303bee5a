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
    if request.get("format") == "svg":
        try:
            pages = compiler.compile(format="svg")
        except typst.TypstError as error:
            sys.stderr.write(error.message)
            return TYPST_ERROR
        pages = pages if isinstance(pages, list) else [pages]
        sys.stdout.write(json.dumps([page.decode("utf-8") for page in pages]))
        return 0
    try:
        try:
            pdf = compiler.compile(
                format="pdf", pdf_standards=request["standards"], timestamp=stamp
            )
        except typst.TypstError as error:
            if "PDF/UA" not in error.message:
                raise
            pdf = compiler.compile(format="pdf", timestamp=stamp)  # a character with no font
    except typst.TypstError as error:
        sys.stderr.write(error.message)
        return TYPST_ERROR
    sys.stdout.buffer.write(pdf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
