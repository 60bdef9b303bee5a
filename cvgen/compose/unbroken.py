"""Where a line must not break in the CV's text, decided once for every writer.

- A number range ("pp. 1638–1642", "212(1–2)", "S12–S19"): Unicode's line-breaking rules, which
  Typst and browsers follow, allow a break after the dash ("212(1– / 2)"). The range becomes a
  Span marked `nobreak`, which each writer keeps on one line its own way (a box, a no-wrap
  span, \\mbox), so copied text stays exactly as written. A WORD JOINER after the dash would
  need no mark, but it copies as an invisible character from the web page, and Typst then maps
  every en dash of its font to "–" plus the joiner, which pypdf extracts. In right-to-left
  text, writers isolate such a range left to right, so it reads ascending ('עמ׳ 640–652').
- A title or an initial before the name it belongs to ("Prof. Eric Hartmann", "J. C. Okafor",
  "Dr. Anouk van der Berg"): the space after it becomes a no-break space (LaTeX's tie), which
  copies as a space.

`kept_together(document)` applies both to every run of text in the sections; the words table
already joins "vol.", "pp." and "no." to their value the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace

from cvgen.document import Document, Entry, Group, Section, Span

NO_BREAK_SPACE = "\u00a0"
# Two or more number-like words (each holding a digit) joined by dashes, standing alone: after a
# space or an opening bracket, before a space, a bracket or punctuation. So "212(1–2)" and
# "pp. 45–53," are ranges, while a URL's "/v1-2" or "TR-2021-07" are not cut into pieces.
_RANGE = re.compile(r"(?<![^\s(\[\u00a0])\w*\d\w*(?:[-‐‑‒–]\w*\d\w*)+(?=[\s,.;:)\]]|$)")
_DIGIT = re.compile(r"\d")
_LONGEST_RANGE = 24  # characters: a longer run (an identifier) may need to break
# Titles written before a name in the CV's languages (Prof., Dr., Dra., Dott., Ing., St.), or a
# capital initial; then a space and the name. A surname ending a sentence ("… Qiao. The") is
# neither, and keeps its break.
_TITLES = "Prof|Profs|Profa|Dr|Drs|Dra|Mr|Mrs|Ms|Mx|Sr|Sra|Dott|Ing|St"
_TITLE = re.compile(rf"(?<![^\W\d_])(?:{_TITLES}|(?P<initial>[^\W\d_]))\. (?=[^\W\d_])")


def tied(text: str) -> str:
    """The text with a no-break space after each title or initial that precedes a name."""
    if ". " not in text:
        return text
    return _TITLE.sub(_tie, text)


def _tie(match: re.Match[str]) -> str:
    """A tie after a title or a capital initial ('J. C. Okafor', 'Dr. van der Berg')."""
    initial = match.group("initial")
    if initial is None or initial.isupper():
        return match.group(0)[:-1] + NO_BREAK_SPACE
    return match.group(0)


def _split_ranges(span: Span) -> list[Span]:
    """The span, its number ranges as spans of their own marked `nobreak`."""
    if span.href or span.nobreak or not _DIGIT.search(span.text):
        return [span]
    pieces: list[Span] = []
    start = 0
    for match in _RANGE.finditer(span.text):
        if match.end() - match.start() > _LONGEST_RANGE:
            continue
        if match.start() > start:
            pieces.append(replace(span, text=span.text[start : match.start()]))
        pieces.append(replace(span, text=match.group(0), nobreak=True))
        start = match.end()
    if not pieces:
        return [span]
    if start < len(span.text):
        pieces.append(replace(span, text=span.text[start:]))
    return pieces


def kept_spans(spans: list[Span]) -> list[Span]:
    """Runs of text with their ranges kept whole and their titles tied to the names (the same
    list when nothing changes: most runs have neither, and copying 5000 entries costs)."""
    out: list[Span] = []
    changed = False
    for span in spans:
        text = tied(span.text)
        pieces = _split_ranges(span if text == span.text else replace(span, text=text))
        changed = changed or len(pieces) != 1 or pieces[0] is not span
        out += pieces
    return out if changed else spans


def _entry(entry: Entry) -> Entry:
    old = [entry.title, entry.qualifiers, entry.annotation, *entry.details, *entry.cells]
    new = [kept_spans(spans) for spans in old]
    if all(kept is spans for kept, spans in zip(new, old, strict=True)):
        return entry
    title, qualifiers, annotation, *rest = new
    details, cells = rest[: len(entry.details)], rest[len(entry.details) :]
    return replace(
        entry,
        title=title,
        qualifiers=qualifiers,
        annotation=annotation,
        details=details,
        cells=cells,
    )


def _group(group: Group) -> Group:
    entries = [_entry(entry) for entry in group.entries]
    return replace(group, entries=entries, groups=[_group(sub) for sub in group.groups])


def _section(section: Section) -> Section:
    legend = [kept_spans(line) for line in section.legend]
    return replace(section, groups=[_group(group) for group in section.groups], legend=legend)


def kept_together(document: Document) -> Document:
    """The document with every range and every title-and-name kept on one line."""
    return replace(document, sections=[_section(section) for section in document.sections])
