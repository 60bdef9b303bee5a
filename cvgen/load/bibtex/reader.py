"""Reading one BibTeX entry: its fields evaluated and decoded once, its problems collected
with their lines, and what the whole file has seen (macros, keys, owner names)."""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple

from bibtexparser.model import (
    Entry,
    Field,
)

from cvgen.errors import Problem, Severity
from cvgen.load.bibtex.links import first_address, repaired_doi, repaired_link
from cvgen.load.bibtex.markup import has_web_markup, read_web_markup
from cvgen.load.bibtex.names import NameContext
from cvgen.load.bibtex.values import (
    BadValue,
    ExpansionBudget,
    UndefinedMacro,
    escaped_brace_warning,
    evaluate,
    missing_comma,
)
from cvgen.load.latex.macros import MacroTable
from cvgen.load.latex.text import decode
from cvgen.model import fields as bib_fields
from cvgen.util.characters import CONTROL, control_message

DEFAULT_MARKS = {"*": "Equal contribution", "†": "Corresponding author"}
# Fields the CV never prints as text: a control character in them is simply dropped.
_QUIET_FIELDS = frozenset({"keywords", *bib_fields.ALIASES_OF["keywords"]})


class BibOptions(NamedTuple):
    """What reading the .bib needs from cv.yaml: the user's macros and who the owner is."""

    macros: dict[str, str] = {}  # noqa: RUF012 - never mutated
    owner: str | None = None
    owner_variants: tuple[str, ...] = ()
    star_means_equal: bool = True  # cv.yaml may give '*' another meaning
    this_year: int | None = None  # default: this year


class Seen:
    """One thing noticed in many entries, reported once: first line, entry, and how often."""

    __slots__ = ("count", "line", "where")

    def __init__(self, line: int, where: str):
        self.line, self.where, self.count = line, where, 1


class FileState:
    """What the entries of one file share: strings, macros, budget, and notes for one report.
    (Plain classes here and NamedTuples elsewhere: dataclasses cost ~1 ms each at import.)"""

    def __init__(self, file: str, strings: dict[str, str], left_out: dict[str, int | None],
                 budget: ExpansionBudget, macros: MacroTable, names: NameContext,
                 options: BibOptions):  # fmt: skip
        self.file, self.strings, self.left_out, self.budget = file, strings, left_out, budget
        self.macros, self.names, self.options = macros, names, options
        self.this_year = options.this_year or _dt.date.today().year
        self.unknown_macros: dict[str, Seen] = {}
        self.standalone: dict[str, tuple[Seen, bool]] = {}
        self.unknown_fields: dict[str, tuple[Seen, str]] = {}
        self.commented: Seen | None = None  # lines behind % inside entries
        self.comma_lists: Seen | None = None  # author lists separated by commas

    def note(self, table: dict, name: str, line: int, where: str) -> bool:
        """Count `name` in `table`; True when it is the first time."""
        seen = table.get(name)
        if seen is None:
            return True
        (seen[0] if isinstance(seen, tuple) else seen).count += 1
        return False


class EntryReader:
    """Reads one entry's fields, recording problems against the entry's file and line."""

    def __init__(self, entry: Entry, state: FileState, parent: Entry | None):
        self.entry, self.state, self.file = entry, state, state.file
        self.inherits = parent is not None  # some fields come from a crossref parent
        self.line = (entry.start_line or 0) + 1
        self.problems: list[Problem] = []
        self._raw: dict[str, str | None] = {}
        self._text: dict[str, str | None] = {}
        self._links: dict[str, str | None] = {}
        self.links: list[str] = []  # from \\href and \\url in the fields read
        self.fields = _fields_with_crossref(entry, parent)
        commented = [n for n in self.fields if n[0] == "%"]
        self.commented_out = bool(commented) and len(commented) == len(self.fields)
        for name in commented:
            line = self.fields.pop(name).start_line + 1
            if self.commented_out:
                continue
            if state.commented is None:
                state.commented = Seen(line, entry.key)
            else:
                state.commented.count += 1
        self._repair_missing_commas()
        self.invented = bool(bib_fields.INVENTED.intersection(self.fields))  # impact_factor...

    def problem(self, field: str, message: str, severity: Severity | None = None) -> None:
        """A problem with a field: an error unless given, but only a warning in a field the CV
        does not print (tags, fields kept for exporters): the entry is shown all the same."""
        if severity is None:
            unprinted = field in _QUIET_FIELDS or (bool(field) and bib_fields.is_extra(field))
            severity = Severity.WARNING if unprinted else Severity.ERROR
            message += "; the field is left out" if unprinted else ""
        self.problems.append(
            Problem(self.file, self.line_of(field), self.where(field), message, severity)
        )

    def missing(self, field: str) -> None:
        """A required field that is absent (or empty) is an error; one that could not be read
        has had its own."""
        where = self.where(field)
        if not any(p.field == where and p.is_error for p in self.problems):
            self.problem(field, "required field is missing")

    def where(self, field: str) -> str:
        return f"{self.entry.key}.{field}" if field else self.entry.key

    def line_of(self, field: str) -> int:
        return self.fields[field].start_line + 1 if field in self.fields else self.line

    def _repair_missing_commas(self) -> None:
        swallowed = [(n, f) for n, f in self.fields.items() if "=" in str(f.value)]  # rare
        for name, fld in swallowed:
            raw = str(fld.value)
            line = fld.start_line
            while (found := missing_comma(raw)) is not None:
                value, offset, next_name, rest = found
                self.fields[name] = Field(name, value, line)
                line += raw[:offset].count("\n")
                self.problems.append(
                    Problem(
                        self.file,
                        line + 1,
                        self.where(next_name.lower()),
                        f"missing comma before `{next_name}`? cvgen read `{name}` and "
                        f"`{next_name}` as two fields; add the comma",
                        Severity.WARNING,
                    )
                )
                name, raw = next_name.lower(), rest
                self.fields.setdefault(name, Field(name, raw, line))

    def raw(self, name: str) -> str | None:
        """The evaluated (macro-substituted) value, still LaTeX; problems reported once."""
        if name not in self.fields:
            return None
        if name not in self._raw:
            self._raw[name] = self._evaluate(name)
        return self._raw[name]

    def _evaluate(self, name: str) -> str | None:
        field = self.fields.get(name)
        if field is None:
            return None
        raw = str(field.value)
        try:
            value = evaluate(raw, self.state.strings, self.state.budget)
        except UndefinedMacro as exc:
            left_out = exc.name.lower() in self.state.left_out
            line = self.state.left_out.get(exc.name.lower())
            message = (
                f"uses @string {exc.name!r}, which was left out (line {line})"
                if left_out
                else str(exc)
            )
            self.problem(name, message)
            return None
        except BadValue as exc:
            self.problem(name, str(exc))
            return None
        warning = escaped_brace_warning(raw)
        if warning:
            self.problem(name, warning, Severity.WARNING)
        if CONTROL.search(value):
            return self._without_controls(name, value)
        return value.strip() or None

    def _without_controls(self, name: str, value: str) -> str | None:
        """A control character (U+001D, or a C1 one from text converted from Windows-1252
        twice) is an error in a field the CV prints; in one it never prints, it is dropped."""
        if name in _QUIET_FIELDS or bib_fields.is_extra(name):
            return CONTROL.sub("", value).strip() or None
        found = CONTROL.search(value)
        assert found is not None
        raw = str(self.fields[name].value)
        line = self.fields[name].start_line + 1 + raw[: max(raw.find(found.group()), 0)].count("\n")
        where = self.where(name)
        self.problems.append(Problem(self.file, line, where, control_message(found.group())))
        return None

    def text(self, *names: str) -> str | None:
        """The first present field among `names`, decoded to Unicode (each field once, so its
        links and unknown macros are noted once)."""
        for name in names:
            if name in self._text:
                return self._text[name]
            value = self.raw(name)
            if value:
                decoded = self._text[name] = self.decoded(name, value)
                return decoded
        return None

    def decoded(self, name: str, value: str, *, own_links: bool = True) -> str | None:
        """`value` as Unicode text. Its \\href and \\url links may stand in for a missing
        `url` (`own_links`), except in the fields kept for exporters: a news line's link is
        not the paper. Those keep their web markup too: the site's layout prints some as HTML
        (site.jekyll.html_fields, sanitised), the exporter escapes the rest."""
        if own_links and has_web_markup(value):  # &amp;, <ASTROBJ>, MathML, Markdown links
            web = read_web_markup(value)
            value = web.text
            if own_links:
                self.links += list(web.links)
        result = decode(value, self.state.macros)
        if own_links:
            self.links += [u for u in result.links if u.lower().startswith(("http://", "https://"))]
        for macro in result.unknown:
            self.state_note_macro(macro, name)
        failed = f"could not read the LaTeX here ({result.failed})"
        if result.failed and not any(p.message.startswith(failed) for p in self.problems):
            self.problem(
                name,
                f"could not read the LaTeX here ({result.failed}); it is shown as plain text",
                Severity.WARNING,
            )
        return result.text or None

    def state_note_macro(self, macro: str, name: str) -> None:
        state = self.state
        if state.note(state.unknown_macros, macro, 0, ""):
            state.unknown_macros[macro] = Seen(self.line_of(name), self.where(name))

    def url(self, name: str) -> str | None:
        """The address a field holds, as written (unchecked: for recognising a server)."""
        value = self.raw(name)
        return first_address(value) if value else None

    def link(self, name: str) -> str | None:
        """The link a field holds, repaired where it plainly can be (the first address, a DOI
        after a label), else None with a warning: a bad link never costs the entry."""
        if name in self._links:
            return self._links[name]
        value = self.raw(name)
        found = (repaired_doi(value) if name == "doi" else repaired_link(value)) if value else None
        if found is not None and found.warning:
            self.problem(name, found.warning, Severity.WARNING)
        self._links[name] = found.url if found else None
        return self._links[name]

    @staticmethod
    def checked_link(url: str | None) -> str | None:
        """An address found elsewhere (\\href in a note, howpublished), if it is a safe link."""
        return repaired_link(url).url if url else None


def _fields_with_crossref(entry: Entry, parent: Entry | None) -> dict[str, Field]:
    """The entry's fields, completed from its `crossref` parent as BibTeX does (DBLP uses it)."""
    fields = {f.key.lower(): f for f in entry.fields}
    if parent is None:
        return fields
    inherited = {f.key.lower(): f for f in parent.fields}
    if "title" in inherited and "booktitle" not in inherited:
        inherited["booktitle"] = inherited["title"]
    inherited.pop("title", None)
    return {**inherited, **fields}


COMMENTED_OUT = (
    "this entry is commented out with %, but BibTeX still reads an @ after %; cvgen skips it. "
    "Delete the @ to make it a comment everywhere"
)
