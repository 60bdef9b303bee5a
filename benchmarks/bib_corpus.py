"""Run cvgen over the corpus of real researchers' .bib files and check what it shows.

Why: cvgen's users bring .bib files written by every exporter and by hand; this measures, file
by file, what cvgen does with them against facts computed here *independently* of cvgen (this
script never imports cvgen: it runs the `cvgen` command and reads its JSON and stderr).

For each file in tests/data/realworld/bib/manifest.yaml it makes a temporary project
(cv.yaml with `person: {name: OWNER, name_variants: VARIANTS}` and the .bib) and runs

- fast, used for the metrics: `cvgen export document` strict (when that fails, again with
  `--skip-bad-entries`) and `cvgen filter --format json --skip-bad-entries` (structured
  author names);
- slower, only to catch tracebacks: `cvgen check`, `cvgen html`, `cvgen filter --format
  text`, `cvgen bio`, `cvgen latex`, all with `--skip-bad-entries`. By default they run on
  batches of 12 files pasted into one .bib (one cvgen start per command and batch), and a
  batch that fails is rerun file by file to name the file; `--slow each` runs them on every
  file, `--fast` not at all.

The expected facts come from the .bib alone: bibtexparser 2 splits entries, pylatexenc
decodes LaTeX, and the name splitting and owner matching below are this script's own.

Metrics (per file and in total)
-------------------------------
tracebacks        commands whose stderr contains "Traceback" or whose exit status is not 0/1.
produced nothing  files with entries where cvgen shows no entry (strict, and with
                  --skip-bad-entries).
shown / in file   entries in cvgen's document tree / @-entries in the file (those not on a line
                  commented out with %; @string/@preamble/@comment excluded; a duplicate key
                  counts once per occurrence). Strict: 0 shown when the strict run stops.
unexplained       entries of the file absent from the --skip-bad-entries tree whose key no
                  warning line names.
owner recall      among shown entries where the owner is an author or editor by this
                  script's matching, the share with a span marked `self` in cvgen's tree.
                  Matching: surname (any split of the owner's name or a variant, particles
                  included or not) compared accent- and case-folded without spaces, hyphens,
                  dots or apostrophes; given names compatible token by token (equal, one an
                  initial of the other, or one a prefix of the other: Alex/Alexander), run-
                  together initials (`LF`, `Oo, MM`) expanded; a name written given-last-first
                  the wrong way round (`Ross, Dunne`) counts as the owner ("swapped").
namesakes         entries where a `self` span is not the owner by the matching above, and
                  entries with more than one `self` span.
mangled names     authors in cvgen's structured output (`filter --format json`) whose name
                  holds `{ } \\ $ < >`, `family=`/`given=`, a mark (`*Beck`), a whole name
                  list or a "Surname, I." read as one surname, or a word (letters, folded) not
                  found in the decoded author field, or that read first/last swapped relative to
                  the independent parse. Listed alongside, not counted: author-count
                  differences and surnames split differently from the independent parse.
odd wording       entries whose shown text has "and et al.", a doubled full stop, a stray
                  space before punctuation, a comma before punctuation or empty parentheses.
markup leaks      entries whose shown text (title, venue, names) holds a `\\command`, a brace, a
                  `$...$`, an HTML tag (<b>, <i>, <math, <ASTROBJ>, <br>, ...), an entity
                  (&amp;, &#58;) or a Markdown link.
venue losses      entries with a venue (journal/journaltitle; booktitle; school/institution for
                  theses and reports; publisher for books and @misc) that is non-empty once
                  decoded and not only a status word, whose shown text lacks it (folded; all its
                  words present also counts; AAS journal macros such as \\apj accepted as the
                  abbreviation or the full name).
miscategorised    entries whose section/group differs from the type's category: article ->
                  journal (preprint when the journal is only a preprint server, or when there is
                  no journal but an eprint, a preprint DOI prefix or a server's URL/publisher;
                  no expectation for an article with neither), inproceedings /
                  conference -> conference, book -> book, incollection / inbook -> chapter,
                  (phd|masters)thesis / thesis -> thesis, techreport / report -> report, patent
                  and @misc with publisher Google Patents or "patent" in note/howpublished ->
                  patent, unpublished -> preprint. Other types have no expectation. Entries
                  cvgen files under a status group (submitted, in press, ...) count as matching.
warnings          warning lines cvgen prints for the file (--skip-bad-entries run; cv.yaml
                  warnings about the minimal test cv.yaml itself excluded).
collaboration     entries with more than 30 authors: shown in full (last author's surname in
                  the text) or capped.

Entries that name only a collaboration or end in "and others" without the owner are not the
owner's by this matching; a name list wrapped in one pair of braces ({A and B}) is read as the
list it means. The JSON output keeps, per file, the keys and texts behind every count.

Usage:
    python benchmarks/bib_corpus.py --cvgen /work/baseline/.venv/bin/cvgen \\
        --markdown out.md --json out.json [--files a.bib,b.bib] [--fast]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bibtexparser
import yaml
from pylatexenc.latex2text import LatexNodes2Text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "realworld" / "bib"
L2T = LatexNodes2Text(math_mode="text", strict_latex_spaces=False)

STATUS_RE = re.compile(
    r"(?i)\b(in press|submitted|under review|under-review|accepted|in prep\w*|forthcoming|"
    r"to appear|manuscript|working paper|revise and resubmit|r&r|preprint|unpublished|"
    r"in revision|under revision|draft|prep|review|in progress|invited|proposal|tbd|"
    r"full submission|for publication|at)\b"
)
PREPRINT_RE = re.compile(
    r"(?i)arxiv|biorxiv|medrxiv|ssrn|chemrxiv|psyarxiv|socarxiv|osf|eartharxiv|techrxiv|"
    r"research ?square|authorea|preprints\.org|\bpreprint\b|corr\b|"
    r"electron(?:ic|\.) colloquium|\beccc\b|cryptology eprint|iacr"
)
AAS_MACROS = {
    "aj": ["AJ", "Astronomical Journal"],
    "apj": ["ApJ", "Astrophysical Journal"],
    "apjl": ["ApJL", "ApJ", "Astrophysical Journal Letters", "Astrophysical Journal"],
    "apjs": ["ApJS", "Astrophysical Journal Supplement"],
    "aap": ["A&A", "Astronomy and Astrophysics", "Astronomy & Astrophysics"],
    "mnras": ["MNRAS", "Monthly Notices of the Royal Astronomical"],
    "pasp": ["PASP", "Publications of the Astronomical Society of the Pacific"],
    "prd": ["PRD", "Phys. Rev. D", "Physical Review D"],
    "prl": ["PRL", "Phys. Rev. Lett", "Physical Review Letters"],
    "nat": ["Nature"],
    "araa": ["ARA&A", "Annual Review of Astronomy"],
    "icarus": ["Icarus"],
    "jcap": ["JCAP", "Journal of Cosmology and Astroparticle"],
    "aapr": ["A&A Rev", "Astronomy and Astrophysics Review"],
    "pasj": ["PASJ"],
    "aaps": ["A&AS", "Astronomy and Astrophysics Supplement"],
    "procspie": ["Proc. SPIE", "SPIE"],
    "psj": ["PSJ", "Planetary Science Journal"],
    "apss": ["Ap&SS", "Astrophysics and Space Sci"],
    "pasa": ["PASA", "Publications of the Astronomical Society of Australia"],
    "solphys": ["Sol. Phys", "Solar Physics"],
    "nar": ["NewAR", "New Astronomy Reviews"],
    "jgr": ["JGR", "Journal of Geophysical Research"],
    "grl": ["GRL", "Geophysical Research"],
    "planss": ["Planet. Space Sci", "Planetary and Space Science"],
    "physrep": ["Phys. Rep", "Physics Reports"],
    "qjras": ["QJRAS", "Quarterly Journal of the Royal Astronomical"],
}
PREPRINT_WORDS_RE = re.compile(
    r"(?i)arxiv|biorxiv|medrxiv|ssrn( electronic journal)?|chemrxiv|psyarxiv|socarxiv|"
    r"osf( preprints)?|eartharxiv|techrxiv|research ?square|authorea|preprints\.org|"
    r"e-?prints?|preprint|corr|abs|"
    r"electron(?:ic|\.) colloquium (?:on )?comput(?:ational|\.) complex(?:ity|\.)|eccc|"
    r"iacr cryptol(?:ogy|\.) eprint arch(?:ive|\.)|cryptology eprint archive|tr\d\d-\d+|"
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?|\([^()]*\)|"
    r"\b[a-z-]+(\.[a-z]{2})?/\d{7}\b|\b\d{4}\.\d{4,5}(v\d+)?\b"
)
EXPECTED = {
    "article": "journal",
    "inproceedings": "conference",
    "conference": "conference",
    "book": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "patent": "patent",
    "unpublished": "preprint",
}
STATUS_GROUP_RE = re.compile(
    r"(?i)submitted|under review|in press|accepted|in prep|preparation|forthcoming|in progress"
)
KIND_WORDS = [  # cvgen group id / heading words -> category
    ("journal", "journal"),
    ("article", "journal"),
    ("conference", "conference"),
    ("proceeding", "conference"),
    ("chapter", "chapter"),
    ("book", "book"),
    ("thes", "thesis"),
    ("dissertation", "thesis"),
    ("patent", "patent"),
    ("preprint", "preprint"),
    ("report", "report"),
    ("other", "other"),
]
LEAK_RES = {
    "command": re.compile(r"\\[A-Za-z]+"),
    "brace": re.compile(r"[{}]"),
    "math": re.compile(r"\$[^$\s][^$]{0,80}\$|\$\^|\$_|\^\{|_\{"),
    "html-tag": re.compile(
        r"</?(b|i|u|em|strong|sup|sub|br|span|div|p|a|math|mml:\w+|inline-formula|ASTROBJ|"
        r"scp|sc|it|tt|font|mi|mo|mn|mrow|msub|msup)\b[^>]*>",
        re.IGNORECASE,
    ),
    "entity": re.compile(r"&(amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-fA-F]+);"),
    "markdown-link": re.compile(r"\[[^\]]+\]\((https?://|www\.)"),
}
SELF_WARN_CV = re.compile(r"^cv\.yaml:")
WORDING_RE = re.compile(r"\band et al\b|(?<!\.)\.\.(?!\.)|\s[,.;:](?=\s|$)|,\s*[.,;]|\(\s*\)")


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


# ----------------------------------------------------------------------------- cvgen runs
@dataclass
class Run:
    """One cvgen invocation."""

    args: list[str]
    rc: int
    stderr: str
    seconds: float

    @property
    def traceback(self) -> bool:
        return "Traceback" in self.stderr or self.rc not in (0, 1)

    def exception(self) -> str:
        """The last line of a traceback, or the exit status."""
        if "Traceback" in self.stderr:
            lines = [ln for ln in self.stderr.strip().splitlines() if ln.strip()]
            return lines[-1][:200] if lines else "Traceback"
        return f"exit status {self.rc}"


def run(cvgen: str, args: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run cvgen; a timeout counts as a traceback-class failure (status 124)."""
    t0 = time.monotonic()
    try:
        p = subprocess.run(
            [cvgen, *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        return Run(args, p.returncode, p.stderr, time.monotonic() - t0)
    except subprocess.TimeoutExpired:
        return Run(args, 124, "timeout", time.monotonic() - t0)


def warning_lines(stderr: str) -> list[str]:
    """cvgen's warning lines about the .bib (not about the minimal test cv.yaml)."""
    return [ln for ln in stderr.splitlines() if ": warning:" in ln and not SELF_WARN_CV.match(ln)]


def tree_entries(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every entry with a key in the document tree, with its section/group names attached."""
    out = []
    for sec in doc.get("sections", []):
        groups = sec.get("groups") or [
            {"entries": sec.get("entries", []), "id": None, "heading": None}
        ]
        for g in groups:
            for e in g.get("entries", []) or []:
                if isinstance(e, dict) and e.get("key"):
                    out.append(
                        {
                            **e,
                            "_section": sec.get("name") or "",
                            "_group": f"{g.get('id') or ''} {g.get('heading') or ''}",
                        }
                    )
    return out


def span_text(spans: Any) -> str:
    """Concatenated text of a list of spans (or a string)."""
    if isinstance(spans, str):
        return spans
    if isinstance(spans, list):
        return "".join(span_text(s) for s in spans)
    if isinstance(spans, dict):
        return span_text(spans.get("text", "")) + span_text(spans.get("children", []))
    return ""


def self_spans(spans: Any) -> list[str]:
    """Texts of spans marked self."""
    out: list[str] = []
    if isinstance(spans, list):
        for s in spans:
            out.extend(self_spans(s))
    elif isinstance(spans, dict):
        if spans.get("mark") == "self":
            out.append(span_text(spans.get("text", "")))
        out.extend(self_spans(spans.get("children", [])))
    return out


def entry_text(e: dict[str, Any]) -> str:
    """All visible text of a tree entry (citation spans and any other text fields)."""
    parts = [span_text(e.get(k)) for k in ("title", "text", "body", "note", "venue")]
    return " ".join(p for p in parts if p)


def category_of(section: str, group: str) -> str:
    """cvgen's category from its section name / group id and heading."""
    label = f"{section} {group}".lower()
    if "patent" in label:
        return "patent"
    for word, cat in KIND_WORDS:
        if word in group.lower():
            return cat
    return "other" if section == "publications" else section


# ----------------------------------------------------------------------------- expectations
def expected_category(e: BibEntry) -> str | None:
    """The category the entry's type calls for (None: no expectation)."""
    t = e.type
    f = e.fields
    if t == "misc" and (
        re.search(r"(?i)google patents", f.get("publisher", ""))
        or re.search(r"(?i)patent", f.get("note", "") + " " + f.get("howpublished", ""))
    ):
        return "patent"
    cat = EXPECTED.get(t)
    if cat == "journal":
        venue = f.get("journal", "") or f.get("journaltitle", "")
        if not re.search(r"\w", venue):  # no journal: a preprint if it says so, else unknown
            return "preprint" if preprint_signal(f) else None
        if preprint_venue(venue):
            return "preprint"
    return cat


PREPRINT_DOI_RE = re.compile(
    r"10\.(48550|1101|2139|31234|31235|31219|31222|31223|21203|22541|26434|20944|36227|31730)/"
)


def preprint_signal(f: dict[str, str]) -> bool:
    """eprint/archiveprefix, a preprint server's DOI prefix, URL or publisher."""
    if f.get("eprint") or f.get("archiveprefix") or f.get("arxiv"):
        return True
    if PREPRINT_DOI_RE.search(f.get("doi", "") + " " + f.get("url", "")):
        return True
    where = " ".join(f.get(k, "") for k in ("url", "publisher", "howpublished", "note"))
    return bool(
        re.search(
            r"(?i)arxiv|biorxiv|medrxiv|ssrn|psyarxiv|osf\.io|authorea|"
            r"cold spring harbor|research ?square|chemrxiv",
            where,
        )
    )


def preprint_venue(raw: str) -> bool:
    """A venue that is only a preprint server (arXiv preprint arXiv:1704.02343, bioRxiv)."""
    venue = decode(raw)
    if not PREPRINT_RE.search(venue):
        return False
    rest = PREPRINT_WORDS_RE.sub(" ", venue)
    rest = STATUS_RE.sub(" ", rest)
    return not re.sub(r"[\W\d_]+", " ", rest).strip()


def venue_of(e: BibEntry) -> tuple[str, str] | None:
    """(field, raw value) of the venue the output must show, or None."""
    f = e.fields
    order = ["journal", "journaltitle", "booktitle"]
    if e.type in ("inproceedings", "conference", "incollection", "inbook"):
        order = ["booktitle", "journal", "journaltitle"]
    if e.type in ("phdthesis", "mastersthesis", "thesis"):
        order += ["school", "institution"]
    if e.type in ("techreport", "report"):
        order += ["institution"]
    if e.type in ("book", "misc", "online"):
        order += ["publisher"]
    for k in order:
        v = f.get(k, "").strip()
        if v:
            if k == "publisher" and re.search(r"(?i)google patents", v):
                return None
            return k, v
    return None


def venue_candidates(raw: str) -> list[str]:
    """Acceptable shown forms of a venue (decoded; AAS macros expanded)."""
    m = re.fullmatch(r"\s*\\([A-Za-z]+)\s*", raw)
    if m and m.group(1).lower() in AAS_MACROS:
        return AAS_MACROS[m.group(1).lower()]
    if m:  # another macro: its expansion is unknown here, so nothing to compare
        return []
    return [decode(raw)]


def only_status(venue: str) -> bool:
    """True when nothing but status words, years and punctuation remain."""
    rest = STATUS_RE.sub(" ", venue)
    rest = re.sub(r"\b(19|20)\d\d\b|[\W_]+", " ", rest)
    return not rest.strip()


def shown(venue: str, text: str) -> bool:
    """The venue appears in the text: folded substring, or all its words present (status words
    such as "to appear in" aside); a preprint server counts as shown when the text names it."""
    if preprint_venue(venue):
        return bool(PREPRINT_RE.search(text))
    venue = STATUS_RE.sub(" ", venue)
    if PREPRINT_RE.search(venue):  # "arXiv:2111.02002, accepted by J.": the id is a link
        venue = PREPRINT_WORDS_RE.sub(" ", venue)
    v, t = " ".join(words(venue)), " ".join(words(text))
    if not v or v in t:
        return True
    tw = set(words(text))
    vw = [w for w in words(venue) if len(w) > 2 or w.isdigit()]
    return bool(vw) and all(w in tw for w in vw)


# ----------------------------------------------------------------------------- per file
@dataclass
class FileResult:
    """Everything measured for one file."""

    file: str
    tool: str
    field: str
    in_file: int = 0
    shown_strict: int = 0
    shown_skip: int = 0
    strict_rc: int = 0
    unexplained: list[str] = field(default_factory=list)
    owner_entries: int = 0
    owner_marked: int = 0
    owner_missed: list[str] = field(default_factory=list)
    swapped_owner: list[str] = field(default_factory=list)
    namesakes: list[str] = field(default_factory=list)
    multi_self: list[str] = field(default_factory=list)
    mangled: list[str] = field(default_factory=list)
    author_count_diff: list[str] = field(default_factory=list)
    surname_diff: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    wording: list[str] = field(default_factory=list)
    venue_losses: list[str] = field(default_factory=list)
    miscat: list[str] = field(default_factory=list)
    warnings: int = 0
    collab_full: int = 0
    collab_capped: int = 0
    tracebacks: list[str] = field(default_factory=list)
    strict_errors: list[str] = field(default_factory=list)
    warning_lines: list[str] = field(default_factory=list)
    seconds: float = 0.0
    checker_unparsed: int = 0

    @property
    def produced_nothing_strict(self) -> bool:
        return self.in_file > 0 and self.shown_strict == 0

    @property
    def produced_nothing_skip(self) -> bool:
        return self.in_file > 0 and self.shown_skip == 0


SLOW_COMMANDS = (
    ["check"],
    ["html", "-o", "cv.html"],
    ["filter", "--format", "text"],
    ["bio"],
    ["latex", "-o", "cv.tex"],
)


def project(d: Path, rec: dict[str, Any], bib_text: str) -> list[str]:
    """Write cv.yaml (the owner) and pubs.bib into d; the common command-line arguments."""
    cv = {"person": {"name": rec["owner"], "name_variants": rec.get("variants") or []}}
    (d / "cv.yaml").write_text(yaml.safe_dump(cv, allow_unicode=True), encoding="utf-8")
    (d / "pubs.bib").write_text(bib_text, encoding="utf-8")
    return ["--cv", "cv.yaml", "--bib", "pubs.bib"]


def slow_batches(
    recs: list[dict[str, Any]], results: list[FileResult], cvgen: str, cache: Path, size: int
) -> list[str]:
    """Run the traceback-only commands on batches of files pasted together (one cvgen start
    per command and batch instead of per file); a batch that fails is rerun file by file so
    the traceback is attributed. Returns tracebacks seen only in a batch, not in its files."""
    env = dict(os.environ, CVGEN_CACHE_DIR=str(cache), NO_COLOR="1")
    batch_only: list[str] = []
    for start in range(0, len(recs), size):
        chunk = list(range(start, min(start + size, len(recs))))
        text = "\n\n".join(
            (CORPUS / recs[i]["file"]).read_text(encoding="utf-8").lstrip("\ufeff") for i in chunk
        )
        with tempfile.TemporaryDirectory(prefix="bibcorpus-batch-") as tmp:
            d = Path(tmp)
            common = project(d, recs[chunk[0]], text)
            for extra in SLOW_COMMANDS:
                r = run(cvgen, [*extra, *common, "--skip-bad-entries"], d, env)
                if not r.traceback:
                    continue
                found = False
                for i in chunk:
                    with tempfile.TemporaryDirectory(prefix="bibcorpus-one-") as tmp1:
                        d1 = Path(tmp1)
                        bib = (CORPUS / recs[i]["file"]).read_text(encoding="utf-8")
                        c1 = project(d1, recs[i], bib)
                        r1 = run(cvgen, [*extra, *c1, "--skip-bad-entries"], d1, env)
                    results[i].seconds += r1.seconds
                    if r1.traceback:
                        found = True
                        results[i].tracebacks.append(f"{' '.join(extra[:1])}: {r1.exception()}")
                if not found:
                    names = ", ".join(recs[i]["file"] for i in chunk)
                    batch_only.append(f"{extra[0]} on [{names}]: {r.exception()}")
    return batch_only


@dataclass
class Outputs:
    """What cvgen made of one file: the document trees (strict, and with --skip-bad-entries),
    the structured publications (`filter --format json`), the strict run's error lines, the
    warning lines and the tracebacks. The command line gives them (run_cvgen); so may a test,
    in-process."""

    strict_doc: Any
    skip_doc: Any
    filter_doc: Any
    strict_errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    seconds: float = 0.0


def run_cvgen(rec: dict[str, Any], text: str, cvgen: str, slow: str, cache: Path) -> Outputs:
    """The cvgen commands on one manifest record, in a temporary project."""
    env = dict(os.environ, CVGEN_CACHE_DIR=str(cache), NO_COLOR="1")
    with tempfile.TemporaryDirectory(prefix="bibcorpus-") as tmp:
        d = Path(tmp)
        common = project(d, rec, text)
        runs = []
        strict = run(cvgen, ["export", "document", *common, "-o", "strict.json"], d, env)
        runs.append(strict)
        strict_doc = load_json(d / "strict.json") if strict.rc == 0 else None
        if strict_doc is not None:
            skip, skip_doc = strict, strict_doc
        else:
            skip = run(
                cvgen,
                ["export", "document", *common, "--skip-bad-entries", "-o", "skip.json"],
                d,
                env,
            )
            runs.append(skip)
            skip_doc = load_json(d / "skip.json") if skip.rc == 0 else None
        filt = run(
            cvgen,
            ["filter", *common, "--skip-bad-entries", "--format", "json", "-o", "filter.json"],
            d,
            env,
        )
        runs.append(filt)
        filt_doc = load_json(d / "filter.json") if filt.rc == 0 else None
        if slow == "each":
            for extra in SLOW_COMMANDS:
                runs.append(run(cvgen, [*extra, *common, "--skip-bad-entries"], d, env))
    strict_errors = [
        ln
        for ln in strict.stderr.splitlines()
        if ln.strip() and not SELF_WARN_CV.match(ln) and ": warning:" not in ln
    ][:50]
    return Outputs(
        strict_doc,
        skip_doc,
        filt_doc,
        strict_errors if strict.rc != 0 else [],
        [w.replace(str(d), "") for w in warning_lines(skip.stderr)],
        [f"{' '.join(r.args[:2])}: {r.exception()}" for r in runs if r.traceback],
        sum(r.seconds for r in runs),
    )


def check_file(rec: dict[str, Any], cvgen: str, slow: str, cache: Path) -> FileResult:
    """Run cvgen on one manifest record and compare with the independent reading."""
    text = (CORPUS / rec["file"]).read_text(encoding="utf-8")
    return measure(rec, text, run_cvgen(rec, text, cvgen, slow, cache))


def measure(rec: dict[str, Any], text: str, out: Outputs) -> FileResult:
    """What cvgen's outputs for one file get right and wrong, against the .bib read here."""
    res = FileResult(rec["file"], rec.get("tool", ""), rec.get("field", ""))
    counted = count_entries(text)
    res.in_file = len(counted)
    entries = parse_bib(text)
    by_key: dict[str, list[BibEntry]] = {}
    for e in entries:
        by_key.setdefault(e.key, []).append(e)
    res.checker_unparsed = max(0, len(counted) - len(entries))
    owner = Owner.of([rec["owner"], *(rec.get("variants") or [])])
    strict_doc, skip_doc, filt_doc = out.strict_doc, out.skip_doc, out.filter_doc
    res.tracebacks, res.seconds = list(out.tracebacks), out.seconds
    res.strict_rc = 0 if strict_doc is not None else 1
    res.strict_errors = out.strict_errors
    warns = out.warnings
    res.warnings = len(warns)
    res.warning_lines = list(warns)

    strict_entries = tree_entries(strict_doc) if strict_doc else []
    tree = tree_entries(skip_doc) if skip_doc else []
    res.shown_strict = len(strict_entries)
    res.shown_skip = len(tree)

    # unexplained omissions (multiset of keys)
    shown_keys = Counter(e["key"] for e in tree)
    file_keys = Counter(k for _, k, _ in counted)
    containers = {e.fields.get("crossref", "").strip("{} ").lower() for e in entries} - {""}
    warn_text = "\n".join(warns)
    for k, n in file_keys.items() if skip_doc is not None else ():
        missing = n - shown_keys.get(k, 0)
        if k.lower() in containers:
            continue  # a proceedings volume that only feeds its papers (DBLP's crossref)
        if missing > 0 and not re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", warn_text):
            res.unexplained.append(k)

    authors_out: dict[str, list[list[dict[str, Any]]]] = {}
    for p in (filt_doc or {}).get("publications", []) if isinstance(filt_doc, dict) else []:
        authors_out.setdefault(p.get("key", ""), []).append(p.get("authors") or [])

    seen: Counter[str] = Counter()
    for te in tree:
        key = te["key"]
        cands = by_key.get(key) or []
        be = cands[min(seen[key], len(cands) - 1)] if cands else None
        seen[key] += 1
        text = entry_text(te)
        selfs = self_spans(te.get("title")) + self_spans(te.get("text"))
        tag = f"{key}"
        # markup leaks
        escaped = be is not None and re.search(r"\\[{}]|textbrace", be.fields.get("title", ""))
        for name, rx in LEAK_RES.items():
            m = rx.search(text)
            if m and not (name == "brace" and escaped):
                res.leaks.append(f"{tag}: {name} {m.group(0)[:40]!r}")
                break
        m = WORDING_RE.search(text)
        if m:
            res.wording.append(f"{tag}: {text[max(0, m.start() - 30) : m.end() + 10]!r}")
        if be is None:
            continue
        # owner recall / namesakes
        is_owner = any(owner.matches(g, last) for g, last, _ in be.authors + be.editors)
        swapped = not is_owner and any(owner.swapped(g, last) for g, last, _ in be.authors)
        if not is_owner and not swapped and be.comma_list:
            is_owner = any(squash(last) in owner.surnames for _, last, _ in be.authors)
        if is_owner or swapped:
            res.owner_entries += 1
            if swapped:
                res.swapped_owner.append(tag)
            if selfs:
                res.owner_marked += 1
            else:
                res.owner_missed.append(tag)
        for s in selfs:
            if not owner.matches_display(s):
                res.namesakes.append(f"{tag}: {s!r}")
                break
        if len(selfs) > 1:
            res.multi_self.append(f"{tag}: {selfs!r}")
        # venue
        v = venue_of(be)
        if v is not None:
            cands_v = venue_candidates(v[1])
            if (
                cands_v
                and not any(only_status(c) for c in cands_v)
                and cands_v[0].strip()
                and not any(shown(c, text) for c in cands_v)
            ):
                res.venue_losses.append(f"{tag}: {v[0]}={cands_v[0][:60]!r}")
        # category
        exp = expected_category(be)
        got = category_of(te["_section"], te["_group"])
        if exp and got != exp and not STATUS_GROUP_RE.search(te["_group"]):
            res.miscat.append(f"{tag}: @{be.type} expected {exp}, in {te['_group'].strip()!r}")
        # collaboration display
        if len(be.authors) > 30:  # the last author among the names (before the title)
            last = squash(be.authors[-1][1])
            title = decode(be.fields.get("title", ""))
            names = text.split(title)[0] if title and title in text else text
            if last and last in squash(names):
                res.collab_full += 1
            else:
                res.collab_capped += 1
        # names (structured output)
        outs = authors_out.get(key)
        if outs:
            check_names(res, tag, be, outs[0], owner)
    return res


def check_names(
    res: FileResult, tag: str, be: BibEntry, out_auth: list[dict[str, Any]], owner: Owner
) -> None:
    """Mangled names and first/last swaps in cvgen's structured author list."""
    field_words = set(words(decode(be.fields.get("author", ""))))
    field_words |= set(words(decode(be.fields.get("editor", ""))))
    # Zotero's double escape Mar{\\textbackslash}'{\\i}a means María (an accent it could not
    # write): that reading is the author field's too
    field_words |= set(
        words(decode(be.fields.get("author", "").replace("{\\textbackslash}", "\\")))
    )
    if re.search(
        r"(?:^|\sand\s)\s*\{?\s*\\[A-Za-z]+\s*\}?\s*(?:\sand\s|$)", be.fields.get("author", "")
    ):
        field_words |= {w for g, s in owner.splits for w in [*map(squash, g), *words(s)]}
    flagged = False
    for a in out_auth:
        parts = [str(a.get(k) or "") for k in ("first", "von", "last", "jr")]
        full = " ".join(p for p in parts if p)
        if " ".join(words(full)) in ("et al", "others", "and others"):
            continue
        if re.search(r"[{}\\$<>]|family=|given=", full):
            res.mangled.append(f"{tag}: {full!r} (markup)")
            flagged = True
            break
        if re.search(r"(^|\s)[*†‡§¶#^]|[*†‡§¶#^]$", full):
            res.mangled.append(f"{tag}: {full!r} (a mark left in the name)")
            flagged = True
            break
        last_out = str(a.get("last") or "")
        corporate = re.search(
            r"(?i)collaboration|consortium|group|team|network|committee|"
            r"society|institute|project|initiative|council|association",
            last_out,
        )
        if not corporate and (
            re.search(r"\sand\s", last_out) or re.fullmatch(r"[^,]+,(\s*[A-Z]\.?-?)+", last_out)
        ):
            res.mangled.append(
                f"{tag}: {full[:60]!r} (a name list or 'Surname, I.' read as one surname)"
            )
            flagged = True
            break
        alien = [
            w
            for w in words(full)
            if w not in field_words and not any(w in fw for fw in field_words)
        ]
        if alien:
            res.mangled.append(f"{tag}: {full!r} (words {alien} not in the author field)")
            flagged = True
            break
    if not flagged and len(out_auth) == len(be.authors):
        for a, (g, last, _raw) in zip(out_auth, be.authors, strict=True):
            o_sur = squash(" ".join(str(a.get(k) or "") for k in ("von", "last")))
            if (
                o_sur
                and squash(last)
                and o_sur != squash(last)
                and not (squash(last).endswith(o_sur) or o_sur.endswith(squash(last)))
            ):
                res.surname_diff.append(
                    f"{tag}: .bib {last!r} / shown {a.get('first')!r} "
                    f"{a.get('von')!r} {a.get('last')!r}"
                )
            o_last = squash(" ".join(str(a.get(k) or "") for k in ("von", "last")))
            o_first = squash(str(a.get("first") or ""))
            shown = f"{a.get('first') or ''} {a.get('von') or ''} {a.get('last') or ''}"
            if (
                o_last
                and o_first
                and o_last != squash(last)
                and o_last == squash(" ".join(g))
                and o_first == squash(last)
                and not owner.matches_display(shown)  # the owner turned the right way round
            ):
                res.mangled.append(
                    f"{tag}: {a.get('first')} / {a.get('last')} (first/last "
                    f"swapped against {last}, {' '.join(g)})"
                )
                break
    n_bib = len(be.authors)
    if n_bib and len(out_auth) != n_bib and not (be.others and len(out_auth) >= n_bib):
        res.author_count_diff.append(f"{tag}: {n_bib} in the .bib, {len(out_auth)} shown")


def load_json(path: Path) -> Any:
    """JSON file or None."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# ----------------------------------------------------------------------------- reporting
def totals(results: list[FileResult]) -> dict[str, Any]:
    """Corpus totals of every metric."""
    t: dict[str, Any] = {
        "files": len(results),
        "entries_in_files": sum(r.in_file for r in results),
        "shown_strict": sum(r.shown_strict for r in results),
        "shown_skip": sum(r.shown_skip for r in results),
        "files_with_tracebacks": sum(1 for r in results if r.tracebacks),
        "tracebacks": sum(len(r.tracebacks) for r in results),
        "produced_nothing_strict": sum(r.produced_nothing_strict for r in results),
        "produced_nothing_skip": sum(r.produced_nothing_skip for r in results),
        "unexplained_omissions": sum(len(r.unexplained) for r in results),
        "owner_entries": sum(r.owner_entries for r in results),
        "owner_marked": sum(r.owner_marked for r in results),
        "swapped_owner_entries": sum(len(r.swapped_owner) for r in results),
        "namesakes_marked": sum(len(r.namesakes) for r in results),
        "entries_with_several_self": sum(len(r.multi_self) for r in results),
        "mangled_names": sum(len(r.mangled) for r in results),
        "author_count_differences": sum(len(r.author_count_diff) for r in results),
        "surname_split_differences": sum(len(r.surname_diff) for r in results),
        "markup_leaks": sum(len(r.leaks) for r in results),
        "odd_wording": sum(len(r.wording) for r in results),
        "venue_losses": sum(len(r.venue_losses) for r in results),
        "miscategorised": sum(len(r.miscat) for r in results),
        "warnings": sum(r.warnings for r in results),
        "collaboration_full": sum(r.collab_full for r in results),
        "collaboration_capped": sum(r.collab_capped for r in results),
        "checker_unparsed_entries": sum(r.checker_unparsed for r in results),
        "seconds": round(sum(r.seconds for r in results), 1),
    }
    t["owner_recall"] = (
        round(t["owner_marked"] / t["owner_entries"], 3) if t["owner_entries"] else None
    )
    return t


def markdown(results: list[FileResult], tot: dict[str, Any]) -> str:
    """A table per file and the totals."""
    head = (
        "| file | tool | in file | strict | skip | unexpl. | owner | namesake/multi | mangled "
        "| leaks | venue | miscat | warn | collab full/capped | tracebacks |"
    )
    rows = [head, "|" + "---|" * 15]
    for r in results:
        rows.append(
            f"| {r.file} | {r.tool} | {r.in_file} | {r.shown_strict} | {r.shown_skip} | "
            f"{len(r.unexplained)} | {r.owner_marked}/{r.owner_entries} | "
            f"{len(r.namesakes)}/{len(r.multi_self)} | {len(r.mangled)} | {len(r.leaks)} | "
            f"{len(r.venue_losses)} | {len(r.miscat)} | {r.warnings} | "
            f"{r.collab_full}/{r.collab_capped} | {len(r.tracebacks)} |"
        )
    lines = ["## Per file", "", *rows, "", "## Totals", ""]
    lines += [f"- {k}: {v}" for k, v in tot.items()]
    tb = Counter(t.split(": ", 1)[1] for r in results for t in r.tracebacks)
    if tb:
        lines += ["", "## Tracebacks by exception", ""]
        lines += [f"- {n} x {exc}" for exc, n in tb.most_common()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cvgen", default=shutil.which("cvgen") or "cvgen", help="cvgen executable")
    ap.add_argument("--files", default="", help="comma-separated file names from the manifest")
    ap.add_argument(
        "--markdown", metavar="FILE", help="write the Markdown report here ('-': stdout)"
    )
    ap.add_argument("--json", metavar="FILE", help="write the JSON summary (with details) here")
    ap.add_argument(
        "--slow",
        choices=["batch", "each", "none"],
        default="batch",
        help="traceback-only commands (check, html, filter text, bio, latex): on "
        "batches of files pasted together, reruning a failing batch file by file "
        "(default); on each file; or not at all",
    )
    ap.add_argument("--fast", action="store_true", help="same as --slow none")
    ap.add_argument("--batch", type=int, default=12, help="files per batch for --slow batch")
    a = ap.parse_args(argv)
    manifest = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    wanted = {f.strip() for f in a.files.split(",") if f.strip()}
    recs = [r for r in manifest if not wanted or r["file"] in wanted]
    if wanted - {r["file"] for r in recs}:
        print(f"not in the manifest: {sorted(wanted - {r['file'] for r in recs})}", file=sys.stderr)
        return 2
    results = []
    t_start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bibcorpus-cache-") as cache:
        for i, rec in enumerate(recs, 1):
            r = check_file(rec, a.cvgen, "none" if a.fast else a.slow, Path(cache))
            results.append(r)
            print(
                f"[{i}/{len(recs)}] {r.file}: shown {r.shown_skip}/{r.in_file}, "
                f"owner {r.owner_marked}/{r.owner_entries}, tracebacks {len(r.tracebacks)}",
                file=sys.stderr,
            )
        slow = "none" if a.fast else a.slow
        batch_only = (
            slow_batches(recs, results, a.cvgen, Path(cache), a.batch) if slow == "batch" else []
        )
    tot = totals(results)
    tot["batch_only_tracebacks"] = batch_only
    tot["wall_seconds"] = round(time.monotonic() - t_start, 1)
    tot["slow_commands"] = slow
    md = markdown(results, tot)
    if a.markdown == "-" or not (a.markdown or a.json):
        print(md)
    elif a.markdown:
        Path(a.markdown).write_text(md, encoding="utf-8")
    if a.json:
        data = {
            "cvgen": a.cvgen,
            "totals": tot,
            "files": [
                {
                    **r.__dict__,
                    "produced_nothing_strict": r.produced_nothing_strict,
                    "produced_nothing_skip": r.produced_nothing_skip,
                }
                for r in results
            ],
        }
        Path(a.json).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
