"""The .bib read independently of cvgen, for benchmarks/bib_corpus.py: entries counted and
split by bibtexparser 2, LaTeX decoded by pylatexenc, names split by BibTeX's rules (and
Better BibTeX's, comma-separated lists, a list in one brace group) and the owner matched by
this module's own rules (any split of the owner's names; given names equal, an initial, or a
shortening of three letters or more; run-together initials expanded)."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

import bibtexparser
from pylatexenc.latex2text import LatexNodes2Text

L2T = LatexNodes2Text(math_mode="text", strict_latex_spaces=False)


# ----------------------------------------------------------------------------- text helpers
def fold(text: str) -> str:
    """Lower-case, accents off, dotless i and similar mapped to ASCII letters; modifier letters
    (MathSciNet's ʹ for \\cprime, the soft sign) dropped, as pylatexenc prints none for them."""
    text = text.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
    text = text.replace("Ø", "O").replace("ß", "ss").replace("æ", "ae").replace("đ", "d")
    text = unicodedata.normalize("NFKD", text)
    kept = (c for c in text if not unicodedata.combining(c) and unicodedata.category(c) != "Lm")
    return "".join(kept).lower()


def squash(text: str) -> str:
    """Folded, only letters and digits: for comparing surnames."""
    return re.sub(r"[\W_]+", "", fold(text))


def words(text: str) -> list[str]:
    """Folded words of letters/digits."""
    return [w for w in re.split(r"[\W_]+", fold(text)) if w]


def decode(value: str) -> str:
    """LaTeX to text with pylatexenc; HTML tags dropped and entities read (`&amp;` is `&`, which
    pylatexenc would otherwise take for an alignment tab); whitespace collapsed."""
    value = html.unescape(re.sub(r"<[^>]{1,40}>", " ", value))
    try:
        text = L2T.latex_to_text(value)
    except Exception:
        text = value
    return re.sub(r"\s+", " ", text.replace("~", " ")).strip()


def strip_outer(value: str) -> str:
    """Remove one pair of enclosing braces or quotes (for bibtexparser's raw failed blocks)."""
    value = value.strip()
    if len(value) >= 2 and value[0] + value[-1] in ("{}", '""'):
        return value[1:-1]
    return value


# ----------------------------------------------------------------------------- .bib reading
ENTRY_RE = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,{}()=\s]*(?:[ \t][^,{}()=\s]+)*)\s*,")
NON_ENTRIES = {"string", "preamble", "comment"}


def count_entries(text: str) -> list[tuple[str, str, int]]:
    """(type, key, line) of each @-entry, ignoring lines commented out with %."""
    found = []
    for m in ENTRY_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start : m.start()].lstrip().startswith("%"):
            continue
        if m.group(1).lower() in NON_ENTRIES:
            continue
        found.append((m.group(1).lower(), m.group(2).strip(), text.count("\n", 0, m.start()) + 1))
    return found


@dataclass
class BibEntry:
    """One entry as read independently of cvgen."""

    key: str
    type: str
    fields: dict[str, str]
    line: int
    authors: list[tuple[list[str], str, str]] = field(default_factory=list)  # (given, last, raw)
    editors: list[tuple[list[str], str, str]] = field(default_factory=list)
    others: bool = False
    comma_list: bool = False


def parse_bib(text: str) -> list[BibEntry]:
    """Entries with lower-cased field names; duplicates and duplicate fields kept too."""
    # Hide %-commented lines from bibtexparser (BibTeX reads them; cvgen skips them, as we do).
    visible = "\n".join("" if ln.lstrip().startswith("%") else ln for ln in text.split("\n"))
    lib = bibtexparser.parse_string(visible)
    out: list[BibEntry] = []
    for e in lib.entries:
        out.append(
            BibEntry(
                e.key,
                e.entry_type.lower(),
                {k.lower(): str(v.value) for k, v in e.fields_dict.items()},
                e.start_line + 1,
            )
        )
    for b in lib.failed_blocks:
        inner = getattr(b, "ignore_error_block", None)
        if inner is None or not hasattr(inner, "fields"):
            continue
        fields: dict[str, str] = {}
        for f in inner.fields:
            fields.setdefault(f.key.lower(), strip_outer(str(f.value)))
        out.append(BibEntry(inner.key, inner.entry_type.lower(), fields, inner.start_line + 1))
    for e in out:
        e.authors, e.others, e.comma_list = split_names(e.fields.get("author", ""))
        e.editors, _, _ = split_names(e.fields.get("editor", ""))
    return out


def split_top(text: str, sep_re: re.Pattern[str]) -> list[str]:
    """Split at separators outside braces."""
    parts, depth, last = [], 0, 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = sep_re.match(text, i)
            if m:
                parts.append(text[last:i])
                last = i = m.end()
                continue
        i += 1
    parts.append(text[last:])
    return [p.strip() for p in parts if p.strip()]


AND_RE = re.compile(r"\s+and\s+", re.IGNORECASE)
COMMA_RE = re.compile(r"\s*,\s*")
SPACE_RE = re.compile(r"\s+")
INITIALS_RE = re.compile(r"^(?:[A-Z]\.?[\s-]*){1,4}$|^[A-Z]{2,3}$")


def split_names(field_value: str) -> tuple[list[tuple[list[str], str, str]], bool, bool]:
    """Names of an author/editor field as (given tokens, surname, raw), 'and others', comma-list."""
    raw = re.sub(r"\s+", " ", field_value).strip()
    if not raw:
        return [], False, False
    names = split_top(raw, AND_RE)
    inner = decode(names[0]) if len(names) == 1 else ""
    corporate = re.search(r"(?i)collaboration|consortium|group|team|network|committee", inner)
    if re.match(r"\{", names[0]) and AND_RE.search(inner) and "," in inner and not corporate:
        names = split_top(inner, AND_RE)  # {A, B. and C, D.}: a list in one brace group
    others = False
    while names and names[-1].strip().lower() in (
        "others",
        "{others}",
        "et al.",
        "et al",
        "{...}",
        "...",
        "…",
    ):
        names, others = names[:-1], True
    comma_list = False
    if len(names) == 1 and len(split_top(names[0], COMMA_RE)) >= 3 and "=" not in names[0]:
        comma_list = True
        chunks = split_top(names[0], COMMA_RE)
        names = []
        for ch in chunks:  # "Smith, J., Doe, A." or "J Smith, A Doe, ..."
            if names and INITIALS_RE.match(decode(ch)) and "," not in names[-1]:
                names[-1] = names[-1] + ", " + ch
            else:
                names.append(ch)
    return [split_one(n) for n in names], others, comma_list


def split_one(name: str) -> tuple[list[str], str, str]:
    """BibTeX name rules (Last, First / First von Last) plus BBT's family=/given= form."""
    if re.search(r"\b(family|given)\s*=", name):
        pairs = (p.split("=", 1) for p in split_top(name, COMMA_RE) if "=" in p)
        kv = {k.strip().lower(): strip_outer(v.strip()) for k, v in pairs}
        last = " ".join(x for x in (kv.get("prefix", ""), kv.get("family", "")) if x)
        return given_tokens(decode(kv.get("given", ""))), decode(last), name
    parts = split_top(name, COMMA_RE)
    if len(parts) >= 2:
        last = decode(parts[0])
        given = decode(parts[-1])
        return given_tokens(given), last, name
    toks = split_top(name, SPACE_RE)
    dec = [decode(t) for t in toks]
    dec = [d for d in dec if d]
    if not dec:
        return [], "", name
    if len(dec) == 1:
        if re.search(r"[,\s]", dec[0]) and re.match(r"\{?\\", name.lstrip()):
            given, last, _ = split_one(dec[0])  # \textbf{Beck, E. D.}: markup around a name
            return given, last, name
        return [], dec[0], name
    first_lower = next((i for i, t in enumerate(dec[:-1]) if t[:1].islower()), None)
    if first_lower is not None and first_lower > 0:
        return given_tokens(" ".join(dec[:first_lower])), " ".join(dec[first_lower:]), name
    return given_tokens(" ".join(dec[:-1])), dec[-1], name


def given_tokens(given: str) -> list[str]:
    """Given names as tokens; run-together initials (LF, MM) become one token per letter."""
    out: list[str] = []
    for tok in re.split(r"[\s.\-~]+", given):
        tok = re.sub(r"[^\w]", "", tok)
        if not tok:
            continue
        if 2 <= len(tok) <= 3 and tok.isupper():
            out.extend(tok)
        else:
            out.append(tok)
    return out


# ----------------------------------------------------------------------------- owner matching
@dataclass
class Owner:
    """Every (given tokens, surname) split of the owner's name and its variants."""

    splits: list[tuple[list[str], str]]
    givens: set[str]
    surnames: set[str]

    @classmethod
    def of(cls, names: list[str]) -> Owner:
        splits, givens, surnames = [], set(), set()
        for n in names:
            n = decode(n)
            if "," in n:  # "Surname, Given"
                last, given = n.split(",", 1)
                splits.append((given_tokens(given), squash(last)))
                continue
            toks = n.split()
            for k in range(1, len(toks) + 1):
                g, s = toks[:-k], " ".join(toks[-k:])
                splits.append((given_tokens(" ".join(g)), squash(s)))
        for g, s in splits:
            surnames.add(s)
            givens.update(squash(x) for x in g)
        return cls(splits, givens, surnames)

    def matches(self, given: list[str], last: str) -> bool:
        """True when (given, last) can be the owner (a whole name in one brace group too)."""
        s = squash(last)
        if not s:
            return False
        if not given and " " in last.strip() and self.matches_display(last):
            return True  # {M D Blackledge}, \textbf{Beck, E. D.}: a whole name in one group
        return self._core(given, s)

    def _core(self, given: list[str], s: str) -> bool:
        """Surname (squashed) equal and given names compatible, for some split."""
        return any(s == osur and given_compatible(given, og) for og, osur in self.splits)

    def swapped(self, given: list[str], last: str) -> bool:
        """The owner written the wrong way round: surname as given, given name as surname."""
        g = squash(" ".join(given))
        return bool(g) and any(
            g == osur and given_compatible([last], og[:1]) for og, osur in self.splits if og
        )

    def matches_display(self, text: str) -> bool:
        """A name as cvgen shows it: 'Given Surname', 'Surname, Given' or 'G. Surname'."""
        text = decode(text).strip(" ,.;*†‡")
        if "," in text:
            last, given = text.split(",", 1)
            g = given_tokens(given)
            return self._core(g, squash(last)) or self.swapped(g, last)
        toks = text.split()
        for i in range(len(toks)):
            if self._core(given_tokens(" ".join(toks[:i])), squash(" ".join(toks[i:]))):
                return True
        return len(toks) == 2 and self.swapped(given_tokens(toks[1]), toks[0])


def given_compatible(a: list[str], g: list[str]) -> bool:
    """Token-by-token: equal, initial vs name, or prefix (Alex/Alexander); extra tokens ok."""
    a = [squash(x) for x in a if squash(x)]
    g = [squash(x) for x in g if squash(x)]
    if not a or not g:
        return True
    for x, y in zip(a, g, strict=False):
        if x == y or ((x.startswith(y) or y.startswith(x)) and min(len(x), len(y)) >= 3):
            continue
        if (len(x) == 1 or len(y) == 1) and x[0] == y[0]:
            continue
        if min(len(x), len(y)) >= 4 and one_letter_dropped(x, y):
            continue  # Tom{\dbend}s -> Toms for Tomás: a broken accent ate a letter
        return False
    return True


def one_letter_dropped(x: str, y: str) -> bool:
    """True when the longer string is the shorter with one letter inserted."""
    if abs(len(x) - len(y)) != 1:
        return False
    short, long_ = sorted((x, y), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
