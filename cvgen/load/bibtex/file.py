"""Load publications.bib with bibtexparser 2 into Publication models, reporting every problem.

We run bibtexparser with an empty parse stack (raw values keep their braces and quotes) and
evaluate values ourselves (bibtex_values.py), so `#` concatenation, month macros and undefined
macros are all handled. Field names are BibTeX's plus cvgen's own annotation fields, which
ordinary bibliography styles ignore (bib_fields.py also accepts the names people invent):

  keywords      tags, e.g. {erc, selected}
  author+an     biblatex data annotation, e.g. {1=equal; 2=equal} for equal contribution
  presentation  Oral / Spotlight / Long talk      acceptance    e.g. 1.2\\%
  award         Best Paper Award                   impactfactor  e.g. 4.6
  cvnote        a free note printed after the entry (not biblatex's `annotation`, which holds
                reading notes that must never reach a CV)
  pdf, code, video, slides, url, doi, eprint (+ archiveprefix = arXiv)   links
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    Field,
    ImplicitComment,
    ParsingFailedBlock,
)

from cvgen.errors import Problem, Severity
from cvgen.load.bibtex.entry import entry_to_publication
from cvgen.load.bibtex.keys import distinct_keys
from cvgen.load.bibtex.kinds import CONTAINER_TYPES
from cvgen.load.bibtex.names import NameContext
from cvgen.load.bibtex.reader import COMMENTED_OUT, BibOptions, FileState
from cvgen.load.bibtex.reports import file_reports
from cvgen.load.bibtex.values import (
    BadValue,
    ExpansionBudget,
    collect_strings,
    evaluate,
)
from cvgen.load.latex.macros import MacroTable, preamble_macros
from cvgen.load.people import keys_for
from cvgen.model import Publication
from cvgen.util.progress import advance, step

_BLOCK_HEAD = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s]*)")


def _commented_out(block: ParsingFailedBlock) -> bool:
    """`% @article{...` with every following line behind %: meant as a comment."""
    lines = [line.strip() for line in (block.raw or "").splitlines()[1:] if line.strip()]
    return bool(lines) and all(line.startswith("%") for line in lines)


def _reason(block: ParsingFailedBlock) -> str:
    """Why bibtexparser could not read the block, in one line."""
    error = block.error
    reason = getattr(error, "abort_reason", None) or str(error) or type(error).__name__
    return " ".join(reason.split())


def _failed_block_problem(block: ParsingFailedBlock, file: str) -> Problem:
    line = (block.start_line or 0) + 1
    if _commented_out(block):
        message = COMMENTED_OUT
        head = _BLOCK_HEAD.match((block.raw or "").strip())
        return Problem(file, line, head.group(2) if head else "", message, Severity.WARNING)
    if isinstance(block, DuplicateBlockKeyBlock):
        first = (block.previous_block.start_line or 0) + 1
        return Problem(
            file, line, block.key, f"duplicate entry key (first defined on line {first})"
        )
    reason = _reason(block)
    head = _BLOCK_HEAD.match((block.raw or "").strip())
    where = (head.group(2) or f"@{head.group(1)}") if head else "(unnamed entry)"
    hint = (
        " (check for an unbalanced brace or quote above this point)" if "closing" in reason else ""
    )
    return Problem(file, line, where, f"cannot parse this entry: {reason}{hint}")


def _first_of_duplicates(block: DuplicateFieldKeyBlock, file: str) -> tuple[Entry, list[Problem]]:
    """BibTeX and biber keep the first of a repeated field, with a warning: so do we."""
    entry = block.ignore_error_block
    kept: dict[str, Field] = {}
    problems = []
    for fld in entry.fields:
        name = fld.key.lower()
        first = kept.get(name)
        if first is None:
            kept[name] = fld
            continue
        same = str(first.value).strip() == str(fld.value).strip()
        lines = f"lines {first.start_line + 1} and {fld.start_line + 1}"
        message = (
            f"`{fld.key}` is given twice ({lines}); the first is used"
            if same
            else f"`{fld.key}` is given twice with different values ({lines}); the first, "
            f"{_short_value(first.value)}, is used"
        )
        problems.append(
            Problem(file, fld.start_line + 1, f"{entry.key}.{name}", message, Severity.WARNING)
        )
    fixed = Entry(entry.entry_type, entry.key, list(kept.values()), entry.start_line, entry.raw)
    return fixed, problems


def _short_value(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 40 else text[:37] + "..."


def _crossref_key(entry: Entry) -> str | None:
    crossref = entry.fields_dict.get("crossref")
    return str(crossref.value).strip('{}" ').lower() if crossref else None


def _name_context(options: BibOptions, macros: MacroTable) -> NameContext:
    names = (options.owner, *options.owner_variants) if options.owner else ()
    keys = keys_for(names[0], list(names[1:])) if names else ()
    surnames = tuple(dict.fromkeys(s for key in keys for s in key.surnames))
    return NameContext(macros, options.owner, surnames)


_KEY_WITHOUT_COMMA = re.compile(r"^(\s*@\s*\w+\s*[{(]\s*[^\s,{}()=\"#%]+)(?=\s*\n)")


def _recovered(block: ParsingFailedBlock, text: str, starts: list[int], file: str):
    """`@Article{key` and then a newline with no comma: the entry read as if the comma were
    there, with a warning; None when the block has another fault."""
    if "comma after entry key" not in _reason(block):
        return None
    lines = text.splitlines(keepends=True)
    first = block.start_line or 0
    end = next((start for start in starts if start > first), len(lines))
    chunk, found = _KEY_WITHOUT_COMMA.subn(r"\1,", "".join(lines[first:end]), count=1)
    library = bibtexparser.parse_string(chunk, parse_stack=[]) if found else None
    if library is None or len(library.entries) != 1 or library.failed_blocks:
        return None
    read = library.entries[0]
    fields = [Field(f.key, f.value, (f.start_line or 0) + first) for f in read.fields]
    entry = Entry(read.entry_type, read.key, fields, first, read.raw)
    message = f"no comma after the key {entry.key}; cvgen read the entry as if it were there"
    return entry, Problem(file, first + 1, entry.key, message, Severity.WARNING)


def _blocks(text: str, file: str) -> tuple[Library, list[Entry], list[Problem]]:
    """The parsed library, its entries in file order (the duplicates of a key too, and those
    recovered from a missing comma), and the blocks that could not be read."""
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # we report failures ourselves
    with step(f"Parsing {Path(file).name}"):
        library = bibtexparser.parse_string(text, parse_stack=[])
    problems: list[Problem] = []
    entries = list(library.entries)
    starts = sorted(b.start_line or 0 for b in library.blocks if not isinstance(b, ImplicitComment))
    for block in library.failed_blocks:
        if isinstance(block, DuplicateFieldKeyBlock) and block.ignore_error_block is not None:
            fixed, duplicate_problems = _first_of_duplicates(block, file)
            entries.append(fixed)
            problems += duplicate_problems
        elif isinstance(block, DuplicateBlockKeyBlock) and block.ignore_error_block is not None:
            entries.append(block.ignore_error_block)  # keys.py decides once entries are read
        elif recovered := _recovered(block, text, starts, file):
            entries.append(recovered[0])
            problems.append(recovered[1])
        else:
            problems.append(_failed_block_problem(block, file))
    entries.sort(key=lambda e: e.start_line or 0)
    return library, entries, problems


def _file_state(
    library: Library, text: str, file: str, options: BibOptions
) -> tuple[FileState, list[Problem]]:
    """What the entries share: @strings (bad ones reported), @preamble macros, the owner."""
    budget = ExpansionBudget(len(text))
    raw_strings = [(s.key, str(s.value), (s.start_line or 0) + 1) for s in library.strings]
    strings, bad_strings = collect_strings(raw_strings, budget)
    problems = [Problem(file, line, "@string", text) for line, _, text in bad_strings if text]
    left_out = {name.lower(): line for line, name, _ in bad_strings}
    preamble = []
    for block in library.preambles:
        try:
            preamble.append(evaluate(str(block.value), strings, budget))
        except BadValue:
            continue
    macros = MacroTable.from_config(options.macros).over(preamble_macros(preamble))
    names = _name_context(options, macros)
    return FileState(file, strings, left_out, budget, macros, names, options), problems


def _read_entries(
    entries: list[Entry], state: FileState, is_own: Callable[[Publication], bool] | None
) -> tuple[list[Publication], list[Problem]]:
    """Each entry read; a volume that only feeds its papers through `crossref` left out."""
    publications, problems = [], []
    by_key: dict[str, Entry] = {}
    for entry in entries:
        by_key.setdefault(entry.key.lower(), entry)
    parents = {_crossref_key(entry) for entry in entries} - {None}
    with step(f"Reading the entries of {Path(state.file).name}"):
        for done, entry in enumerate(entries):
            advance(done, len(entries))
            if entry.entry_type.lower() in CONTAINER_TYPES:
                continue
            crossref = entry.fields_dict.get("crossref")
            parent = by_key.get(_crossref_key(entry) or "")
            if crossref and parent is None:
                line = crossref.start_line + 1
                message = "refers to no entry in this file; read without it"
                where = f"{entry.key}.crossref"
                problems.append(Problem(state.file, line, where, message, Severity.WARNING))
            publication, entry_problems = entry_to_publication(entry, state, parent)
            is_container = entry.key.lower() in parents
            if is_container and not (is_own and publication and is_own(publication)):
                continue  # a proceedings volume that only feeds its papers: not the user's
            problems.extend(entry_problems)
            if publication is not None:
                publications.append(publication)
    return publications, problems


def parse_bibtex(
    text: str,
    file: str,
    is_own: Callable[[Publication], bool] | None = None,
    options: BibOptions | None = None,
) -> tuple[list[Publication], list[Problem]]:
    """BibTeX text -> publications plus every problem found, in file order.

    An entry that other entries `crossref` (DBLP exports add the proceedings volume of every
    paper) is a container, not the researcher's publication, unless `is_own` says it is theirs
    (an edited volume: editors stand in for authors); a container's own gaps are not reported.
    """
    library, entries, problems = _blocks(text, file)
    state, string_problems = _file_state(library, text, file, options or BibOptions())
    publications, entry_problems = _read_entries(entries, state, is_own)
    publications, key_problems = distinct_keys(publications, file)
    problems += string_problems + entry_problems + key_problems
    if not library.entries and not library.failed_blocks and not problems:
        problems.append(Problem(file, None, "", "no BibTeX entries found", Severity.WARNING))
    problems += file_reports(state)
    problems.sort(key=lambda p: p.line or 0)
    return publications, problems
