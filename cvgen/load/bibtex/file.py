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
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    Field,
    ParsingFailedBlock,
)

from cvgen.errors import Problem, Severity
from cvgen.load.bibtex.entry import CONTAINER_TYPES, entry_to_publication
from cvgen.load.bibtex.names import NameContext
from cvgen.load.bibtex.reader import COMMENTED_OUT, BibOptions, FileState
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
    reason = (
        getattr(block.error, "abort_reason", None) or str(block.error) or type(block.error).__name__
    )
    reason = " ".join(reason.split())
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
    surnames = tuple(key.surname for key in keys_for(names[0], list(names[1:]))) if names else ()
    return NameContext(macros, options.owner, surnames)


def _file_reports(state: FileState) -> list[Problem]:
    """One warning per unknown macro, per macro standing for an author, per unknown field."""
    problems = []
    file = state.file
    for macro, seen in state.unknown_macros.items():
        others = f" and {seen.count - 1} more entries" if seen.count > 1 else ""
        problems.append(
            Problem(
                file,
                seen.line,
                seen.where,
                f"unknown LaTeX macro \\{macro} (here{others}): cvgen printed nothing for it "
                f"and kept any argument it has (a venue that is only this macro shows its name "
                f"in capitals). To say what it prints, define it in cv.yaml: "
                f"publications: {{macros: {{{macro}: '...'}}}} ('#1' stands for its argument)",
                Severity.WARNING,
            )
        )
    for macro, (seen, guessed) in state.standalone.items():
        count = f"{seen.count} entr{'ies' if seen.count != 1 else 'y'}"
        if guessed:
            what = f"it contains your surname, so it is read as {state.options.owner} ({count})"
        else:
            what = f"that author is left out ({count})"
        problems.append(
            Problem(
                file,
                seen.line,
                seen.where,
                f"an author is the macro \\{macro}, which cvgen does not know; {what}. Define it "
                f"in cv.yaml: publications: {{macros: {{{macro}: 'Surname, Given'}}}}",
                Severity.WARNING,
            )
        )
    if state.commented:
        seen = state.commented
        problems.append(
            Problem(
                file,
                seen.line,
                seen.where,
                f"{seen.count} line(s) inside entries start with %, which BibTeX does not read as "
                "a comment there; cvgen skipped them. Move them outside the entry",
                Severity.WARNING,
            )
        )
    for name, (seen, hint) in state.unknown_fields.items():
        count = f"{seen.count} entr{'ies' if seen.count != 1 else 'y'}"
        problems.append(
            Problem(
                file,
                seen.line,
                seen.where,
                f"field `{name}` ({count}) is not a BibTeX or cvgen field, so the CV does not "
                f"show it; {hint}",
                Severity.WARNING,
            )
        )
    return problems


def _publications(
    entries: list[Entry],
    state: FileState,
    is_own: Callable[[Publication], bool] | None,
    problems: list[Problem],
) -> list[Publication]:
    """The researcher's publications among the entries, in order; their problems added to
    `problems`. Proceedings volumes that only feed their papers (crossref) are left out."""
    file = state.file
    publications = []
    by_key = {entry.key.lower(): entry for entry in entries}
    parents = {_crossref_key(entry) for entry in entries} - {None}
    with step(f"Reading the entries of {Path(file).name}"):
        for done, entry in enumerate(entries):
            advance(done, len(entries))
            if entry.entry_type.lower() in CONTAINER_TYPES:
                continue
            crossref = entry.fields_dict.get("crossref")
            parent = by_key.get(_crossref_key(entry) or "")
            if crossref and parent is None:
                line = crossref.start_line + 1
                message = "refers to no entry in this file"
                problems.append(Problem(file, line, f"{entry.key}.crossref", message))
            publication, entry_problems = entry_to_publication(entry, state, parent)
            is_container = entry.key.lower() in parents
            if is_container and not (is_own and publication and is_own(publication)):
                continue  # a proceedings volume that only feeds its papers: not the user's
            problems.extend(entry_problems)
            if publication is not None:
                publications.append(publication)
    return publications


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
    options = options or BibOptions()
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # we report failures ourselves
    with step(f"Parsing {Path(file).name}"):
        library = bibtexparser.parse_string(text, parse_stack=[])
    problems: list[Problem] = []
    entries = list(library.entries)
    for block in library.failed_blocks:
        if isinstance(block, DuplicateFieldKeyBlock) and block.ignore_error_block is not None:
            fixed, duplicate_problems = _first_of_duplicates(block, file)
            entries.append(fixed)
            problems += duplicate_problems
        else:
            problems.append(_failed_block_problem(block, file))
    entries.sort(key=lambda e: e.start_line or 0)
    budget = ExpansionBudget(len(text))
    raw_strings = [(s.key, str(s.value), (s.start_line or 0) + 1) for s in library.strings]
    strings, bad_strings = collect_strings(raw_strings, budget)
    problems += [Problem(file, line, "@string", text) for line, _, text in bad_strings if text]
    left_out = {name.lower(): line for line, name, _ in bad_strings}
    preamble = []
    for block in library.preambles:
        try:
            preamble.append(evaluate(str(block.value), strings, budget))
        except BadValue:
            continue
    macros = MacroTable.from_config(options.macros).over(preamble_macros(preamble))
    state = FileState(
        file, strings, left_out, budget, macros, _name_context(options, macros), options
    )
    publications = _publications(entries, state, is_own, problems)
    if not library.entries and not library.failed_blocks and not problems:
        problems.append(Problem(file, None, "", "no BibTeX entries found", Severity.WARNING))
    problems += _file_reports(state)
    problems.sort(key=lambda p: p.line or 0)
    return publications, problems
