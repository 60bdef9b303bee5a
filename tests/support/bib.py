"""One .bib entry read as cvgen reads it, for the tests of the BibTeX readers."""

from __future__ import annotations

import bibtexparser
from bibtexparser.model import Entry

from cvgen.load.bibtex.file import BibOptions, parse_bibtex
from cvgen.load.bibtex.names import NameContext
from cvgen.load.bibtex.reader import FileState
from cvgen.load.bibtex.values import ExpansionBudget
from cvgen.load.latex.macros import NO_MACROS

OWNER = BibOptions(owner="Péter Sólymos", this_year=2026)


def one_entry(bib: str, options: BibOptions = OWNER):
    pubs, problems = parse_bibtex(bib, "x.bib", options=options)
    assert len(pubs) == 1, [str(p) for p in problems]
    return pubs[0], problems


def problem_messages(problems) -> list[str]:
    return [str(p) for p in problems]


def file_state(strings: dict[str, str] | None = None, **left_out: int) -> FileState:
    """What the entries of a file share, for a test of one entry: `strings` as its @string
    macros, `left_out` the @strings reported bad (name=line), no macros, no owner."""
    return FileState(
        "x.bib", strings or {}, left_out, ExpansionBudget(1000), NO_MACROS, NameContext(),
        BibOptions(this_year=2026),
    )  # fmt: skip


def entries(bib: str) -> list[Entry]:
    """The entries of a .bib text as bibtexparser reads them for cvgen (raw values)."""
    return list(bibtexparser.parse_string(bib, parse_stack=[]).entries)
