"""One file's figures for benchmarks/bib_corpus.py: what cvgen's outputs (the document trees,
the structured publications, the warnings) get right and wrong against the .bib as
bib_reading.py reads it and bib_expect.py expects it shown. cvgen is never imported: the
outputs come as JSON, from the command line or a test."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from benchmarks.bib_expect import (
    LEAK_RES,
    STATUS_GROUP_RE,
    WORDING_RE,
    category_of,
    entry_text,
    expected_category,
    only_status,
    self_spans,
    shown,
    tree_entries,
    venue_candidates,
    venue_of,
)
from benchmarks.bib_reading import BibEntry, Owner, count_entries, decode, parse_bib, squash, words

Json = dict[str, Any]


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


@dataclass
class Outputs:
    """What cvgen made of one file: the document trees (strict, and with --skip-bad-entries),
    the structured publications (`filter --format json`), the strict run's error lines, the
    warning lines and the tracebacks. The command line gives them (bib_corpus.run_cvgen); so
    may a test, in-process."""

    strict_doc: Any
    skip_doc: Any
    filter_doc: Any
    strict_errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    seconds: float = 0.0


def measure(rec: Json, text: str, out: Outputs) -> FileResult:
    """What cvgen's outputs for one file get right and wrong, against the .bib read here."""
    res = FileResult(rec["file"], rec.get("tool", ""), rec.get("field", ""))
    counted = count_entries(text)
    entries = parse_bib(text)
    res.in_file, res.checker_unparsed = len(counted), max(0, len(counted) - len(entries))
    res.tracebacks, res.seconds = list(out.tracebacks), out.seconds
    res.strict_rc = 0 if out.strict_doc is not None else 1
    res.strict_errors, res.warning_lines = out.strict_errors, list(out.warnings)
    res.warnings = len(out.warnings)
    tree = tree_entries(out.skip_doc) if out.skip_doc else []
    res.shown_strict = len(tree_entries(out.strict_doc)) if out.strict_doc else 0
    res.shown_skip = len(tree)
    if out.skip_doc is not None:
        res.unexplained = _unexplained(counted, entries, tree, out.warnings)
    owner = Owner.of([rec["owner"], *(rec.get("variants") or [])])
    authors_out: dict[str, list[list[Json]]] = {}
    for pub in out.filter_doc.get("publications", []) if isinstance(out.filter_doc, dict) else []:
        authors_out.setdefault(pub.get("key", ""), []).append(pub.get("authors") or [])
    by_key: dict[str, list[BibEntry]] = {}
    for entry in entries:
        by_key.setdefault(entry.key, []).append(entry)
    seen: Counter[str] = Counter()
    for shown_entry in tree:
        key = shown_entry["key"]
        found = by_key.get(key) or []
        entry = found[min(seen[key], len(found) - 1)] if found else None
        seen[key] += 1
        _text_checks(res, shown_entry, entry)
        if entry is not None:
            _entry_checks(res, shown_entry, entry, owner)
            if authors_out.get(key):
                check_names(res, key, entry, authors_out[key][0], owner)
    return res


def _unexplained(counted: list, entries: list[BibEntry], tree: list[Json], warns: list[str]):
    """Keys of entries absent from the tree that no warning names (counted per occurrence);
    a proceedings volume that only feeds its papers through DBLP's crossref excepted."""
    shown_keys = Counter(e["key"] for e in tree)
    containers = {e.fields.get("crossref", "").strip("{} ").lower() for e in entries} - {""}
    warn_text = "\n".join(warns)
    missing = []
    for key, count in Counter(k for _, k, _ in counted).items():
        if key.lower() in containers or count <= shown_keys.get(key, 0):
            continue
        if not re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", warn_text):
            missing.append(key)
    return missing


def _text_checks(res: FileResult, shown_entry: Json, entry: BibEntry | None) -> None:
    """Markup left in the shown text (an escaped brace the .bib asks for aside), odd wording."""
    key, text = shown_entry["key"], entry_text(shown_entry)
    escaped = entry is not None and re.search(r"\\[{}]|textbrace", entry.fields.get("title", ""))
    for name, pattern in LEAK_RES.items():
        found = pattern.search(text)
        if found and not (name == "brace" and escaped):
            res.leaks.append(f"{key}: {name} {found.group(0)[:40]!r}")
            break
    found = WORDING_RE.search(text)
    if found:
        res.wording.append(f"{key}: {text[max(0, found.start() - 30) : found.end() + 10]!r}")


def _entry_checks(res: FileResult, shown_entry: Json, entry: BibEntry, owner: Owner) -> None:
    """Owner recall and namesakes, the venue, the category, a collaboration list's length."""
    key, text = shown_entry["key"], entry_text(shown_entry)
    selfs = self_spans(shown_entry.get("title")) + self_spans(shown_entry.get("text"))
    _owner_checks(res, key, entry, owner, selfs)
    venue = venue_of(entry)
    if venue is not None:
        forms = venue_candidates(venue[1])
        comparable = forms and forms[0].strip() and not any(only_status(c) for c in forms)
        if comparable and not any(shown(form, text) for form in forms):
            res.venue_losses.append(f"{key}: {venue[0]}={forms[0][:60]!r}")
    expected = expected_category(entry)
    got = category_of(shown_entry["_section"], shown_entry["_group"])
    if expected and got != expected and not STATUS_GROUP_RE.search(shown_entry["_group"]):
        group = shown_entry["_group"].strip()
        res.miscat.append(f"{key}: @{entry.type} expected {expected}, in {group!r}")
    if len(entry.authors) > 30:  # the last author among the names (before the title)
        last = squash(entry.authors[-1][1])
        title = decode(entry.fields.get("title", ""))
        names = text.split(title)[0] if title and title in text else text
        if last and last in squash(names):
            res.collab_full += 1
        else:
            res.collab_capped += 1


def _owner_checks(res: FileResult, key: str, entry: BibEntry, owner: Owner, selfs: list[str]):
    is_owner = any(owner.matches(g, last) for g, last, _ in entry.authors + entry.editors)
    swapped = not is_owner and any(owner.swapped(g, last) for g, last, _ in entry.authors)
    if not is_owner and not swapped and entry.comma_list:
        is_owner = any(squash(last) in owner.surnames for _, last, _ in entry.authors)
    if is_owner or swapped:
        res.owner_entries += 1
        if swapped:
            res.swapped_owner.append(key)
        if selfs:
            res.owner_marked += 1
        else:
            res.owner_missed.append(key)
    namesake = next((s for s in selfs if not owner.matches_display(s)), None)
    if namesake is not None:
        res.namesakes.append(f"{key}: {namesake!r}")
    if len(selfs) > 1:
        res.multi_self.append(f"{key}: {selfs!r}")


_CORPORATE = re.compile(
    r"(?i)collaboration|consortium|group|team|network|committee|"
    r"society|institute|project|initiative|council|association"
)


def check_names(res: FileResult, key: str, entry: BibEntry, out: list[Json], owner: Owner):
    """Mangled names and first/last swaps in cvgen's structured author list."""
    field_words = _author_words(entry, owner)
    mangled = next((m for a in out if (m := _mangled(a, field_words))), None)
    if mangled:
        res.mangled.append(f"{key}: {mangled}")
    elif len(out) == len(entry.authors):
        _compare_splits(res, key, entry, out, owner)
    count = len(entry.authors)
    if count and len(out) != count and not (entry.others and len(out) >= count):
        res.author_count_diff.append(f"{key}: {count} in the .bib, {len(out)} shown")


def _author_words(entry: BibEntry, owner: Owner) -> set[str]:
    """The words a shown name may hold: the author and editor fields', decoded. Zotero's
    double escape Mar{\\textbackslash}'{\\i}a means María (an accent it could not write), and
    a person written as a macro ({\\psolymos}) that cvgen reads as the owner holds the owner's
    words: those readings are the field's too."""
    author = entry.fields.get("author", "")
    found = set(words(decode(author))) | set(words(decode(entry.fields.get("editor", ""))))
    found |= set(words(decode(author.replace("{\\textbackslash}", "\\"))))
    if re.search(r"(?:^|\sand\s)\s*\{?\s*\\[A-Za-z]+\s*\}?\s*(?:\sand\s|$)", author):
        found |= {w for g, s in owner.splits for w in [*map(squash, g), *words(s)]}
    return found


def _mangled(author: Json, field_words: set[str]) -> str | None:
    """Why a shown name is mangled: markup, a mark left in it, a list or 'Surname, I.' read
    as one surname, or words the author field does not hold; None when it is not."""
    parts = [str(author.get(k) or "") for k in ("first", "von", "last", "jr")]
    full = " ".join(p for p in parts if p)
    if " ".join(words(full)) in ("et al", "others", "and others"):
        return None
    if re.search(r"[{}\\$<>]|family=|given=", full):
        return f"{full!r} (markup)"
    if re.search(r"(^|\s)[*†‡§¶#^]|[*†‡§¶#^]$", full):
        return f"{full!r} (a mark left in the name)"
    last = str(author.get("last") or "")
    listed = re.search(r"\sand\s", last) or re.fullmatch(r"[^,]+,(\s*[A-Z]\.?-?)+", last)
    if listed and not _CORPORATE.search(last):
        return f"{full[:60]!r} (a name list or 'Surname, I.' read as one surname)"
    alien = [
        w for w in words(full) if w not in field_words and not any(w in f for f in field_words)
    ]
    return f"{full!r} (words {alien} not in the author field)" if alien else None


def _compare_splits(res: FileResult, key: str, entry: BibEntry, out: list[Json], owner: Owner):
    """Surnames split otherwise than BibTeX's rules (listed), and first and last swapped
    (mangled) unless it is the owner, written the wrong way round, turned right."""
    for author, (given, last, _raw) in zip(out, entry.authors, strict=True):
        shown_surname = squash(" ".join(str(author.get(k) or "") for k in ("von", "last")))
        surname = squash(last)
        related = surname.endswith(shown_surname) or shown_surname.endswith(surname)
        if shown_surname and surname and not related:
            res.surname_diff.append(
                f"{key}: .bib {last!r} / shown {author.get('first')!r} "
                f"{author.get('von')!r} {author.get('last')!r}"
            )
        first = squash(str(author.get("first") or ""))
        shown_name = " ".join(str(author.get(k) or "") for k in ("first", "von", "last"))
        swapped = shown_surname == squash(" ".join(given)) and first == surname
        turned = owner.matches_display(shown_name)  # the owner written wrongly, turned right
        if shown_surname and first and shown_surname != surname and swapped and not turned:
            res.mangled.append(
                f"{key}: {author.get('first')} / {author.get('last')} (first/last "
                f"swapped against {last}, {' '.join(given)})"
            )
            return
