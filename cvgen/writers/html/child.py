"""The HTML page rendered in a child process, for templates cvgen did not write.

jinja2's sandbox keeps a template from reaching Python's internals, but not from asking for
memory or time without end: `"x".center(10**10)`, a string doubled in a loop, loops nested
over `range`. A page whose templates are the user's (a templates/ folder, a theme of their
own) is therefore rendered here, in a process confined like every engine (files/confine.py:
memory, processor time, and on Linux the files it may read), and its size is bounded before
it is sent back. Run as `python -I -m cvgen.writers.html.child`: a pickled (document, options)
on stdin, the page on stdout; a template's error on stderr with status 3.
"""

from __future__ import annotations

import pickle
import sys

from cvgen.errors import CvgenError
from cvgen.writers.html.confined import MAX_PAGE, TEMPLATE_ERROR
from cvgen.writers.html.writer import render_page


def main() -> int:
    document, options = pickle.load(sys.stdin.buffer)
    try:
        page = render_page(document, options)
        if len(page) > MAX_PAGE:
            raise CvgenError(
                f"the templates made a page of {len(page) >> 20} MB, more than any CV's "
                f"{MAX_PAGE >> 20} MB; a template repeats itself without end?"
            )
    except CvgenError as error:
        sys.stderr.write(error.message)
        return TEMPLATE_ERROR
    except MemoryError:
        sys.stderr.write("the templates asked for more memory than cvgen gives them")
        return TEMPLATE_ERROR
    sys.stdout.buffer.write(page.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
