"""An author field as its owner meant it: macros, hand-made bold and marks taken off the names.

Real files wrap names in markup (`\\textbf{Zhu, W.}`, `{\\bf Hogg}`, `\\myname{Ginsburg}`), put
marks after them (`Amos$^{\\dagger}$`, `Yuan*`), or write a whole author as a macro from
their LaTeX preamble (`{\\psolymos}`). The CV marks the owner and students itself, so markup is
dropped before the name is split into its parts; marks are kept on the Author for the legend.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bibtexparser.middlewares.names import parse_single_name_into_parts

from cvgen.load.latex.macros import NO_MACROS, MacroTable, expand_raw
from cvgen.load.latex.tables import DROP_WITH_ARGUMENT, KEEP_ARGUMENT
from cvgen.load.latex.text import decode, is_known_macro
from cvgen.load.people import fold
from cvgen.model import Author

EQUAL_MARK = "*"
_TOKEN = (
    r"(?:\*|∗|†|‡|§|¶|\\#|"
    r"\\(?:ast|dagger|ddagger|dag|ddag|textdagger|textdaggerdbl|S|P)(?![A-Za-z]))"
)
_SYMBOL_OF = {
    "*": "*", "∗": "*", "\\ast": "*", "†": "†", "\\dagger": "†", "\\dag": "†",
    "\\textdagger": "†", "‡": "‡", "\\ddagger": "‡", "\\ddag": "‡", "\\textdaggerdbl": "‡",
    "§": "§", "\\S": "§", "¶": "¶", "\\P": "¶", "\\#": "#",
}  # fmt: skip
_MARKS_PATTERN = (
    rf"(?<=[^\s,{{])\s*(?:\$\s*\^\s*(?:\{{((?:{_TOKEN}|[\s,])+)\}}|({_TOKEN}))\s*\$"
    rf"|\\textsuperscript\s*\{{((?:{_TOKEN}|[\s,])+)\}}"
    rf"|\^\s*(?:\{{((?:{_TOKEN}|[\s,])+)\}}|({_TOKEN}))|((?:{_TOKEN})+))(?=[\s,}}~]|$)"
)


@lru_cache(maxsize=1)
def _marks() -> re.Pattern[str]:
    """Compiled on first use: most files have no marks, and the pattern is long."""
    return re.compile(_MARKS_PATTERN)


_ONE_TOKEN = re.compile(_TOKEN)
_SWITCH_GROUP = re.compile(
    r"\{\s*\\(?:bf|it|em|sc|sl|rm|sf|tt|bfseries|itshape|scshape|upshape|slshape|mdseries"
    r"|normalfont)(?![A-Za-z])\s*"
)
_WRAPPER = re.compile(r"\\([A-Za-z]{2,})\s*\{")
_STANDALONE = re.compile(r"^\s*\{?\s*\\([A-Za-z]+)\s*\}?\s*$")
_TILDE_ACCENT = re.compile(r"\\~\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(?<![A-Za-z])([A-Za-z]))")
_DBLP_NUMBER = re.compile(r"\s+\d{4}\s*$")  # DBLP tells namesakes apart: "Wei Zhang 0001"
_TILDE_OF = dict(zip("nNaAoOiIuUeE", "ñÑãÃõÕĩĨũŨẽẼ", strict=True))


class NameContext:
    """What reading names needs beyond the field, the user's macros and who the owner is, and
    the names this file's fields held so far: co-authors recur (a reference library of 50,000
    entries has some 20,000 distinct names), and each is read once."""

    __slots__ = ("_read", "macros", "owner", "owner_surnames")

    def __init__(
        self,
        macros: MacroTable = NO_MACROS,
        owner: str | None = None,  # the researcher's name, for `{\\me}`-style macros
        owner_surnames: tuple[str, ...] = (),  # folded
    ):
        self.macros, self.owner, self.owner_surnames = macros, owner, owner_surnames
        self._read: dict[str, PersonReading] = {}

    def person(self, name: str) -> PersonReading:
        reading = self._read.get(name)
        if reading is None:
            reading = self._read[name] = _person(name, self)
        return reading


class PersonReading(NamedTuple):
    """One person of an author list, and what the reading noticed."""

    author: Author | None  # None: nothing of a name was left
    unknown: tuple[str, ...] = ()  # macros cvgen does not know, unwrapped
    standalone: str | None = None  # an undefined macro that stood for the whole person
    owner_guessed: bool = False  # ... and read as the owner, whose surname it contains
    suspicious: str | None = None  # what looks wrong in the name


def read_persons(raw: str, context: NameContext) -> list[PersonReading]:
    """The persons of an author (or editor) field, in order."""
    expanded = expand_raw(raw, context.macros)
    readings = []
    for name in split_persons(expanded):
        lines = [line.strip() for line in name.splitlines() if line.strip()] if "\n" in name else ()
        if len(lines) > 1 and all(line.count(",") == 1 for line in lines):
            for line in lines:  # "Lyons, W Berry" newline "Harmon, Brendan": an `and` is missing
                reading = context.person(line)
                note = "follows another name without `and` between them; cvgen split them"
                readings.append(reading._replace(suspicious=note))
            continue
        bare = _STRAY_AND.sub("", name)
        if bare != name:  # "Zhu, W. and and Smith, J.": one `and` too many
            if bare:
                readings.append(context.person(bare)._replace(suspicious=DOUBLED_AND))
            continue
        readings.append(context.person(name))
    return readings


_AND = re.compile(r"\s+and\s+", re.I)
_STRAY_AND = re.compile(r"^and(?:\s+|$)|\s+and$", re.I)
DOUBLED_AND = "comes after `and and`; cvgen read one `and`"


def split_persons(text: str) -> list[str]:
    """Split on ' and ' outside braces, as BibTeX does. (bibtexparser's splitter reads the
    `\\t` of `and \\textbf{...}` as a tab and cuts the macro name.)"""
    if "{" not in text:
        return [name.strip() for name in _AND.split(text) if name.strip()]
    names, start = [], 0
    spans = [
        (m.start(), m.end())
        for m in _AND.finditer(text)
        if text.count("{", 0, m.start()) <= text.count("}", 0, m.start())
    ]
    for begin, end in spans:
        names.append(text[start:begin])
        start = end
    names.append(text[start:])
    return [name.strip() for name in names if name.strip()]


def _group_end(text: str, start: int) -> int:
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "{" and text[index - 1 : index] != "\\":
            depth += 1
        elif text[index] == "}" and text[index - 1 : index] != "\\":
            depth -= 1
            if depth == 0:
                return index
    return len(text)


def unwrap_markup(text: str) -> tuple[str, tuple[str, ...]]:
    """`\\textbf{Zhu, W.}` -> `Zhu, W.`; `{\\bf Hogg}` -> `Hogg`; unknown one-argument macros
    (`\\myname{..}`, `\\studentname{..}`) likewise, reported. Accents are left alone."""
    unknown: list[str] = []
    for _ in range(16):
        switch = _SWITCH_GROUP.search(text)
        if switch:
            end = _group_end(text, switch.start())
            text = text[: switch.start()] + text[switch.end() : end] + text[end + 1 :]
            continue
        for match in _WRAPPER.finditer(text):
            name = match.group(1)
            known = is_known_macro(name)
            if name in DROP_WITH_ARGUMENT or name in KEEP_ARGUMENT or not known:
                end = _group_end(text, match.end() - 1)
                inner = "" if name in DROP_WITH_ARGUMENT else text[match.end() : end]
                text = text[: match.start()] + inner + text[end + 1 :]
                if not known:
                    unknown.append(name)
                break
        else:
            return text, tuple(dict.fromkeys(unknown))
    return text, tuple(dict.fromkeys(unknown))


def take_marks(text: str) -> tuple[str, tuple[str, ...]]:
    """Marks written after a name ($^*$, \\textsuperscript{\\dag}, *, †), removed and listed."""
    marks: list[str] = []

    def take(match: re.Match[str]) -> str:
        tokens = next(g for g in match.groups() if g)
        marks.extend(_SYMBOL_OF[t] for t in _ONE_TOKEN.findall(tokens))
        return ""

    if not any(c in text for c in "*∗†‡§¶^\\"):
        return text, ()
    return _marks().sub(take, text), tuple(dict.fromkeys(marks))


def _suspicious(display: str) -> str | None:
    if any(c in display for c in "()"):
        return "contains parentheses"
    if "*" in display:
        return "contains an asterisk"
    if display.count('"') % 2 or display.count("“") != display.count("”"):
        return "has an unbalanced quote"
    return None


def _person(name: str, context: NameContext) -> PersonReading:
    """One name (NameContext.person reads each once)."""
    if name.strip().lower() == "others":
        return PersonReading(Author(last="et al."))
    alone = _STANDALONE.match(name)
    if alone and not is_known_macro(alone.group(1)):
        macro = alone.group(1)
        folded = fold(macro)
        if context.owner and any(len(s) >= 4 and s in folded for s in context.owner_surnames):
            return PersonReading(_parts(context.owner, NO_MACROS)[0], (), macro, True)
        return PersonReading(None, (), macro)
    text, unknown = unwrap_markup(name)
    text, marks = take_marks(text)
    text = _TILDE_ACCENT.sub(lambda m: _TILDE_OF.get(m.group(1) or m.group(2), m.group(0)), text)
    text = _DBLP_NUMBER.sub("", text)
    author, more_unknown = _parts(text, context.macros)
    if not author.display.strip(" .,"):
        return PersonReading(None, unknown + more_unknown)
    if marks:
        equal = EQUAL_MARK in marks
        marks = tuple(m for m in marks if m != EQUAL_MARK)
        author = author.model_copy(update={"equal_contribution": equal, "marks": marks})
    return PersonReading(
        author, tuple(dict.fromkeys(unknown + more_unknown)), suspicious=_suspicious(author.display)
    )


def _parts(name: str, macros: MacroTable) -> tuple[Author, tuple[str, ...]]:
    decoded = [decode(part, macros) for part in name_parts(name)]
    first, von, last, jr = (d.text for d in decoded)
    if not last and (first or von):  # "{\bf Natalie}" alone, or a von part only
        first, von, last = "", "", " ".join(p for p in (first, von) if p)
    unknown = tuple(name for d in decoded for name in d.unknown)
    return Author(first=first, von=von, last=last, jr=jr), unknown


_NOT_PLAIN_NAME = re.compile(r"[{}\\~\t\r\n]")


def name_parts(name: str) -> tuple[str, str, str, str]:
    """(first, von, last, jr) as bibtexparser's parse_single_name_into_parts reads them. The two
    commonest plain forms, "Last, First Names" and "First Last", are read directly (a tenth of
    the cost); BibTeX's rules give them the same parts whatever their case."""
    if not _NOT_PLAIN_NAME.search(name):
        head, comma, tail = name.partition(",")
        if comma and "," not in tail:
            surname, given = _words(head), _words(tail)
            if len(surname) == 1 and given:
                return " ".join(given), "", surname[0], ""
        elif not comma:
            words = _words(name)
            if len(words) <= 2 and words:
                return (words[0] if len(words) == 2 else ""), "", words[-1], ""
    parts = parse_single_name_into_parts(name, strict=False)
    return tuple(" ".join(p) for p in (parts.first, parts.von, parts.last, parts.jr))  # type: ignore[return-value]


def _words(text: str) -> list[str]:
    """Words as BibTeX separates them: at spaces only (not at other Unicode spaces)."""
    return [word for word in text.split(" ") if word]
