"""A sentinel-marked string from the CSL engine back into styled Spans, with the CV's marks.

Each author's printed name is found from its runs (see sentinels.py): the family run holding
the author's id, plus the given run next to it — the one just before it when names are
printed given-first ("M. Adler-Katz"), or the one after it holding the author's particle id
when inverted ("Adler-Katz, M."). That holds through initialising, inverting, upper-casing and
any separator. The seams where sentinels sat get the punctuation clean-up citeproc-py would
have done there (".." -> "."), and a few it never does ("?." -> "?", American quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cvgen.citations import sentinels as s
from cvgen.citations.items import Marks
from cvgen.compose.citation import EQUAL_MARK
from cvgen.document import Span

BOLD, UNDERLINE, ITALIC, SUPERSCRIPT = 1, 2, 4, 8
SELF, STUDENT, EQUAL = 16, 32, 64  # the CV's marks (see Span.mark)
DOI, URL = 1, 2
_FLAGS = {
    s.ITALIC_OPEN: ("italic", 1),
    s.ITALIC_CLOSE: ("italic", -1),
    s.BOLD_OPEN: ("bold", 1),
    s.BOLD_CLOSE: ("bold", -1),
    s.UNDERLINE_OPEN: ("underline", 1),
    s.UNDERLINE_CLOSE: ("underline", -1),
    s.SUPERSCRIPT_OPEN: ("superscript", 1),
    s.SUPERSCRIPT_CLOSE: ("superscript", -1),
}
_SEAM_DUPLICATES = frozenset(".,;:!?")
_DOI_PREFIX = re.compile(r"(?:https?://)?(?:dx\.)?doi\.org/$", re.I)


@dataclass(frozen=True)
class Quotes:
    """American punctuation: a comma or period after a closing quote moves inside it."""

    opening: str
    closing: str


@dataclass
class _Run:
    kind: str  # "given" or "family"
    start: int
    end: int = -1
    ids: set[tuple[str, int]] = field(default_factory=set)


@dataclass
class _Text:
    """The decoded characters with one style word and one link per character."""

    chars: list[str] = field(default_factory=list)
    styles: list[int] = field(default_factory=list)
    links: list[int] = field(default_factory=list)
    seams: set[int] = field(default_factory=set)  # positions where a sentinel was removed
    runs: list[_Run] = field(default_factory=list)
    loose: list[tuple[int, int]] = field(default_factory=list)  # (position, author) of suffixes
    drops: list[tuple[int, str]] = field(default_factory=list)  # particle ids: (position, run)


def _read(raw: str) -> _Text:
    text = _Text()
    depth = dict.fromkeys(("italic", "bold", "underline", "superscript"), 0)
    link, run = 0, None
    for piece in s.SPLIT.split(raw):
        if not piece:
            continue
        position = len(text.chars)
        if len(piece) > 1 or not s.SENTINEL.match(piece):
            style = (
                (BOLD if depth["bold"] else 0)
                | (UNDERLINE if depth["underline"] else 0)
                | (ITALIC if depth["italic"] else 0)
                | (SUPERSCRIPT if depth["superscript"] else 0)
            )
            text.chars.extend(piece)
            text.styles.extend([style] * len(piece))
            text.links.extend([link] * len(piece))
            continue
        text.seams.add(position)
        if piece in _FLAGS:
            name, step = _FLAGS[piece]
            depth[name] = max(0, depth[name] + step)
        elif piece in (s.GIVEN_OPEN, s.FAMILY_OPEN):
            run = _Run("given" if piece == s.GIVEN_OPEN else "family", position)
        elif piece in (s.GIVEN_CLOSE, s.FAMILY_CLOSE):
            if run is not None:
                run.end = position
                text.runs.append(run)
            run = None
        elif piece in (s.DOI_OPEN, s.URL_OPEN):
            link = DOI if piece == s.DOI_OPEN else URL
        elif piece == s.LINK_CLOSE:
            link = 0
        elif (found := s.id_of(piece)) is not None:
            if run is not None:
                run.ids.add(found)
            elif found[0] == "family":
                text.loose.append((position, found[1]))
            if found[0] == "drop":
                text.drops.append((position, run.kind if run else ""))
    return text


def _drop_particle_spaces(text: _Text) -> set[int]:
    """The space ' '.join put beside each particle id: before it in a given run (inverted
    names end '... M. <id>'), after it in a family run ('<id> Adler-Katz')."""
    deleted = set()
    for position, kind in text.drops:
        after = position < len(text.chars) and text.chars[position] == " "
        before = position > 0 and text.chars[position - 1] == " "
        if before and (kind == "given" or not after):
            deleted.add(position - 1)
        elif after:
            deleted.add(position)
    return deleted


def _only_spaces(text: _Text, start: int, end: int, deleted: set[int]) -> bool:
    return all(text.chars[k].isspace() or k in deleted for k in range(start, end))


def _name_extents(text: _Text, author: int, deleted: set[int]) -> list[tuple[int, int]]:
    """[start, end) of each printed occurrence of one author's name."""
    extents = []
    runs = text.runs
    for index, run in enumerate(runs):
        if run.kind != "family" or ("family", author) not in run.ids:
            continue
        start, end = run.start, run.end
        before = runs[index - 1] if index else None
        after = runs[index + 1] if index + 1 < len(runs) else None
        if (
            before is not None
            and before.kind == "given"
            and not any(kind == "drop" for kind, _ in before.ids)
            and _only_spaces(text, before.end, start, deleted)
        ):
            start = before.start  # given-first: "M. Adler-Katz"
        inverted = after is not None and after.kind == "given" and ("drop", author) in after.ids
        if inverted:
            end = after.end  # "Adler-Katz, M."
        following = index + (2 if inverted else 1)
        limit = runs[following].start if following < len(runs) else len(text.chars)
        suffixes = [p for p, owner in text.loose if owner == author and end <= p <= limit]
        end = max([end, *suffixes])
        extents.append((start, end))
    return extents


def _apply_marks(text: _Text, marks: Marks, deleted: set[int]) -> dict[int, int]:
    """Bold/underline each marked author's name; returns {position: style} of the stars to
    insert before a position."""
    stars: dict[int, int] = {}
    for author, mark in enumerate(marks.authors):
        if not (mark.bold or mark.underline or mark.star):
            continue
        style = (BOLD | SELF if mark.bold else 0) | (UNDERLINE | STUDENT if mark.underline else 0)
        for start, end in _name_extents(text, author, deleted):
            kept = [k for k in range(start, end) if k not in deleted]
            while kept and text.chars[kept[0]].isspace():
                kept.pop(0)
            while kept and text.chars[kept[-1]].isspace():
                kept.pop()
            for k in kept:
                text.styles[k] |= style
            if mark.star and kept:
                plain = ~(BOLD | UNDERLINE | ITALIC | SELF | STUDENT)
                stars[kept[-1] + 1] = text.styles[kept[-1]] & plain | EQUAL
    return stars


@dataclass
class _Char:
    char: str
    style: int
    link: int
    seam: bool


def _assemble(text: _Text, deleted: set[int], stars: dict[int, int]) -> list[_Char]:
    out: list[_Char] = []
    seam = False
    for k in range(len(text.chars) + 1):
        seam = seam or k in text.seams
        if k in stars:
            out.append(_Char(EQUAL_MARK, stars[k] | SUPERSCRIPT, 0, seam))
            seam = False
        if k == len(text.chars):
            break
        if k in deleted:
            continue
        out.append(_Char(text.chars[k], text.styles[k], text.links[k], seam))
        seam = False
    return out


def _tidy(chars: list[_Char]) -> list[_Char]:
    """Collapse doubled spaces, doubled punctuation at seams, and a period after ? or !."""
    out: list[_Char] = []
    for char in chars:
        previous = out[-1] if out else None
        if char.char.isspace() and char.char != "\u00a0":
            char.char = " "
            if previous is None:
                continue
            if previous.char == " ":
                previous.style &= char.style
                continue
        if previous is not None and (
            (char.seam and char.char in _SEAM_DUPLICATES and char.char == previous.char)
            or (char.char == "." and previous.char in "?!")
        ):
            continue
        out.append(char)
    while out and out[-1].char == " ":
        out.pop()
    return out


def _american_quotes(chars: list[_Char], quotes: Quotes) -> list[_Char]:
    """'“Title”,' -> '“Title,”' (and no comma at all after '“Title?”')."""
    out: list[_Char] = []
    opened, just_closed = 0, False
    for char in chars:
        if char.char in ",." and just_closed:
            before = out[-2] if len(out) > 1 else None
            if before is None or before.char not in ".,?!":
                out.insert(len(out) - 1, _Char(char.char, before.style if before else 0, 0, False))
            continue
        just_closed = False
        if char.char == quotes.opening:
            opened += 1
        elif char.char == quotes.closing and opened:
            opened, just_closed = opened - 1, True
        out.append(char)
    return out


def _extend_doi_links(chars: list[_Char]) -> None:
    """Link the 'https://doi.org/' a style prints before the DOI along with the DOI."""
    for index, char in enumerate(chars):
        if char.link == DOI and (index == 0 or chars[index - 1].link != DOI):
            before = "".join(c.char for c in chars[max(0, index - 24) : index])
            match = _DOI_PREFIX.search(before)
            if match:
                for k in range(index - (len(before) - match.start()), index):
                    chars[k].link = DOI


def _mark(style: int) -> str | None:
    if style & SELF:
        return "self"
    if style & STUDENT:
        return "student"
    return "equal" if style & EQUAL else None


def _spans(chars: list[_Char], marks: Marks) -> list[Span]:
    hrefs = {0: None, DOI: marks.doi_href, URL: marks.url_href}
    spans: list[Span] = []
    run: list[str] = []
    key: tuple[int, int] | None = None
    for char in [*chars, None]:
        this = (char.style, char.link) if char else None
        if this != key and run and key is not None:
            style, link = key
            spans.append(
                Span(
                    "".join(run),
                    bold=bool(style & BOLD),
                    underline=bool(style & UNDERLINE),
                    italic=bool(style & ITALIC),
                    superscript=bool(style & SUPERSCRIPT),
                    href=hrefs[link],
                    mark=_mark(style),
                )
            )
            run = []
        if char is not None:
            run.append(char.char)
            key = this
    return spans


def decode(raw: str, marks: Marks, quotes: Quotes | None) -> list[Span]:
    text = _read(raw)
    deleted = _drop_particle_spaces(text)
    stars = _apply_marks(text, marks, deleted)
    chars = _tidy(_assemble(text, deleted, stars))
    if quotes is not None:
        chars = _american_quotes(chars, quotes)
    _extend_doi_links(chars)
    return _spans(chars, marks)
