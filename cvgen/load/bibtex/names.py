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

from cvgen.load.bibtex.markup import has_web_markup, read_web_markup
from cvgen.load.bibtex.name_forms import braced_list, extended_name, split_persons, unbraced
from cvgen.load.latex.macros import NO_MACROS, MacroTable, expand_raw
from cvgen.load.latex.tables import DROP_WITH_ARGUMENT, KEEP_ARGUMENT
from cvgen.load.latex.text import decode, is_known_macro
from cvgen.model import Author
from cvgen.util.names import fold

EQUAL_MARK = "*"
_TOKEN = (
    r"(?:\*|∗|†|‡|§|¶|\\#|#|"
    r"\\(?:ast|dagger|ddagger|dag|ddag|textdagger|textdaggerdbl|S|P)(?![A-Za-z]))"
)
_SYMBOL_OF = {
    "*": "*", "∗": "*", "\\ast": "*", "†": "†", "\\dagger": "†", "\\dag": "†",
    "\\textdagger": "†", "‡": "‡", "\\ddagger": "‡", "\\ddag": "‡", "\\textdaggerdbl": "‡",
    "§": "§", "\\S": "§", "¶": "¶", "\\P": "¶", "\\#": "#", "#": "#",
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
_LEADING_MARKS = re.compile(rf"^\s*((?:{_TOKEN})+)\s*(?=[^\W\d_]|\{{|\\)")
_SWITCH_GROUP = re.compile(
    r"\{\s*\\(?:bf|it|em|sc|sl|rm|sf|tt|bfseries|itshape|scshape|upshape|slshape|mdseries"
    r"|normalfont)(?![A-Za-z])\s*"
)
_WRAPPER = re.compile(r"\\([A-Za-z]{2,})\s*\{")
_STANDALONE = re.compile(r"^\s*\{?\s*\\([A-Za-z]+)\s*\}?\s*$")
_TILDE_ACCENT = re.compile(r"\\~\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(?<![A-Za-z])([A-Za-z]))")
# Zotero escapes an accent it cannot read as text: Mar{\textbackslash}'{\i}a is María.
_ESCAPED_ACCENT = re.compile(r"\{\\textbackslash\}\s*(['\"`^~=.])")
_HONORIFIC = re.compile(r"^\s*(?:(?:Dr|Prof|Professor)\.?\s+)+(?=\S+\s+\S)")  # Dr. Charles Lee
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

    def could_be_owner(self, author: Author) -> bool:
        """Whether the author has one of the researcher's surnames (a quick first look)."""
        surnames = self.owner_surnames
        return fold(author.last) in surnames or fold(author.von + author.last) in surnames

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


class FieldReading(NamedTuple):
    persons: list[PersonReading]
    comma_list: bool  # the field separated its persons by commas (warned once per file)


def read_persons(raw: str, context: NameContext) -> FieldReading:
    """The persons of an author (or editor) field, in order."""
    expanded = expand_raw(raw, context.macros)
    if has_web_markup(expanded):  # <b>Tang*</b>, Crossref's &amp;
        expanded = read_web_markup(expanded).text
    split = split_persons(braced_list(expanded))
    readings = []
    for name in split.names:
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
    return FieldReading(readings, split.comma_list)


_STRAY_AND = re.compile(r"^and(?:\s+|$)|\s+and$", re.I)
DOUBLED_AND = "comes after `and and`; cvgen read one `and`"


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
    """Marks written after a name ($^*$, \\textsuperscript{\\dag}, *, †) or before it (*Sato),
    removed and listed."""
    marks: list[str] = []

    def take(match: re.Match[str]) -> str:
        tokens = next(g for g in match.groups() if g)
        marks.extend(_SYMBOL_OF[t] for t in _ONE_TOKEN.findall(tokens))
        return ""

    if not any(c in text for c in "*∗†‡§¶^\\#"):
        return text, ()
    leading = _LEADING_MARKS.match(text)  # "*Sato, Hiroshi"
    if leading:
        marks.extend(_SYMBOL_OF[t] for t in _ONE_TOKEN.findall(leading.group(1)))
        text = text[leading.end() :]
    return _marks().sub(take, text), tuple(dict.fromkeys(marks))


def _suspicious(display: str) -> str | None:
    if any(c in display for c in "()"):
        return "contains parentheses"
    if "*" in display:
        return "contains an asterisk"
    if display.count('"') % 2 or display.count("“") != display.count("”"):
        return "has an unbalanced quote"
    return None


_OTHERS = frozenset({"others", "et al.", "et al", "et. al.", "...", "…", "{...}", "{others}"})


def _person(name: str, context: NameContext) -> PersonReading:
    """One name (NameContext.person reads each once)."""
    if name.strip().lower() in _OTHERS:
        return PersonReading(Author(last="et al."))
    extended = extended_name(name)
    if extended is not None:  # Better BibTeX: family=..., given=...
        return _extended(extended, context)
    alone = _STANDALONE.match(name)
    if alone and not is_known_macro(alone.group(1)):
        macro = alone.group(1)
        folded = fold(macro)
        if context.owner and any(len(s) >= 4 and s in folded for s in context.owner_surnames):
            return PersonReading(_parts(context.owner, NO_MACROS)[0], (), macro, True)
        return PersonReading(None, (), macro)
    text, unknown = unwrap_markup(_HONORIFIC.sub("", _ESCAPED_ACCENT.sub(r"\\\1", name)))
    if text.startswith("{") and text.endswith("}"):  # {\textbf{M. Jovanovi{\'c}}}
        text = unbraced(text, decode(text, context.macros).text)
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


def _extended(parts: tuple[str, str, str, str], context: NameContext) -> PersonReading:
    """Better BibTeX's `family=Diezmann*, given=Alexander R. S., prefix=von`: each part
    decoded, marks taken off."""
    marks: list[str] = []
    texts = []
    for part in parts:
        text, found = take_marks(part)
        marks += found
        texts.append(decode(text, context.macros).text)
    first, von, last, jr = texts
    author = Author(first=first, von=von, last=last or von, jr=jr)
    if marks:
        others = tuple(m for m in dict.fromkeys(marks) if m != EQUAL_MARK)
        equal = EQUAL_MARK in marks
        author = author.model_copy(update={"equal_contribution": equal, "marks": others})
    return PersonReading(author)


def _parts(name: str, macros: MacroTable) -> tuple[Author, tuple[str, ...]]:
    decoded = [decode(part, macros) for part in name_parts(name)]
    first, von, last, jr = (d.text for d in decoded)
    if not last and (first or von):  # "{\bf Natalie}" alone, or a von part only
        first, von, last = "", "", " ".join(p for p in (first, von) if p)
    if _STRAY_DOT.match(last):  # "Sato., Hiroko"
        last = last[:-1]
    unknown = tuple(name for d in decoded for name in d.unknown)
    return Author(first=first, von=von, last=last, jr=jr), unknown


_NOT_PLAIN_NAME = re.compile(r"[{}\\~\t\r\n]")
_STRAY_DOT = re.compile(r"^[^\W\d_]*[a-zß-ÿ][^\W\d_]*\.$")  # a surname of 2+ letters, then a dot


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
