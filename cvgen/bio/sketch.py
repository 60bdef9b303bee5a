"""A biosketch: the profile's sections filled from the CV, and every limit they break.

Products and outputs are picked, never refused: a section with more eligible than its form
allows takes the best (tagged `selected` first, see feeds._standing) and a note names those
left out. Other limits are checked on what the data and the user's selection feed each
section, before any truncation, so the message says what is really over ("Honors: 16
selected, NIH allows 15 — narrow with --since or --last"). With `truncate`, the first entries
(newest first) and whole sentences are kept instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from cvgen.bio.english import count_words
from cvgen.bio.feeds import FEEDS, Block, FeedContext, LeftOut
from cvgen.bio.profile import Limit, Profile, Section
from cvgen.compose import Settings
from cvgen.compose.marks import legend_for
from cvgen.document import Span
from cvgen.model import CV
from cvgen.model.marks import ORDER as MARK_SYMBOLS

DEFAULT_HINTS = {
    "publications": "pick with --tag or --selected",
    "contributions": "tag fewer groups in publications.bib",
    "research_statement": "shorten research_statement in cv.yaml",
    "bio": "lower the section's words",
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Sketch:
    profile: Profile
    name: str
    blocks: list[Block]
    legend: list[list[Span]]
    violations: list[str]
    notes: list[str]


def _hint(spec: Section) -> str:
    return spec.hint or DEFAULT_HINTS.get(spec.feed or "", "narrow with --since or --last")


def _over(spec: Section, block: Block, funder: str) -> list[str]:
    """One message per limit the block exceeds."""
    limit: Limit | None = spec.limit
    if limit is None:
        return []
    found = []
    if limit.items and block.units > limit.items:
        found.append(f"{block.units} selected, {funder} allows {limit.items}")
    if limit.characters and len(block.text) > limit.characters:
        found.append(f"{len(block.text):,} characters, {funder} allows {limit.characters:,}")
    if limit.words and count_words(block.text) > limit.words:
        found.append(f"{count_words(block.text)} words, {funder} allows {limit.words}")
    return [f"{spec.heading}: {what} — {_hint(spec)}" for what in found]


def _fit_text(paragraphs: list[str], limit: Limit) -> list[str]:
    """Drop whole sentences from the end until the text is within the limit."""
    sentences = [s for p in paragraphs for s in _SENTENCE_END.split(p.strip()) if s]

    def fits(text: str) -> bool:
        return (not limit.characters or len(text) <= limit.characters) and (
            not limit.words or count_words(text) <= limit.words
        )

    while sentences and not fits(" ".join(sentences)):
        sentences.pop()
    return [" ".join(sentences)] if sentences else []


def _truncate(block: Block, limit: Limit | None) -> Block:
    if limit is None:
        return block
    if block.paragraphs:
        block = replace(block, paragraphs=_fit_text(block.paragraphs, limit))
    if not limit.items:
        return block
    if block.groups:
        return replace(block, parts=block.parts[: limit.items])
    if block.entries:
        return replace(block, entries=block.entries[: limit.items])
    room, parts = limit.items, []
    for part in block.parts:
        kept = part.entries[:room]
        room -= len(kept)
        parts.append(replace(part, entries=kept))
    return replace(block, parts=parts)


def _fill(spec: Section, ctx: FeedContext, funder: str) -> tuple[Block, list[str]]:
    """The section's block (its parts filled in order) and the limits it breaks."""
    if spec.parts:
        filled = [_fill(part, ctx, funder) for part in spec.parts]
        block = Block(spec.heading, parts=[b for b, _ in filled], empty=spec.empty)
        problems = [p for _, found in filled for p in found]
    elif spec.feed:
        block, problems = FEEDS[spec.feed](spec, ctx), []
    else:
        block, problems = Block(spec.heading, empty=spec.empty), []
    return block, _over(spec, block, funder) + problems


def _cut(spec: Section, block: Block) -> Block:
    """Truncate the parts to their own limits, then the whole to the section's."""
    if spec.parts:
        block = replace(
            block, parts=[_cut(s, b) for s, b in zip(spec.parts, block.parts, strict=True)]
        )
    return _truncate(block, spec.limit)


def build_sketch(
    cv: CV,
    profile: Profile,
    related_tags: tuple[str, ...] = (),
    truncate: bool = False,
    today: dt.date | None = None,
    settings: Settings | None = None,
) -> Sketch:
    """Fill every section in the profile's order; `violations` lists each limit broken.
    `settings` are the CV's composition settings (its words, its citation style)."""
    ctx = FeedContext(
        cv, tuple(related_tags), today=today or dt.date.today(), settings=settings or Settings()
    )
    blocks, violations = [], []
    for spec in profile.sections:
        block, found = _fill(spec, ctx, profile.funder)
        blocks.append(_cut(spec, block) if truncate else block)
        violations += found
    symbols = set().union(*(_marks_shown(b) for b in blocks))
    legend = legend_for(symbols, ctx.settings.words, cv.data.publications.marks)
    notes = [
        spec.empty_note
        for spec, block in zip(profile.sections, blocks, strict=True)
        if spec.empty_note and not (block.units or block.paragraphs)
    ] + [left_out_note(gone, profile.funder) for gone in ctx.left_out]
    return Sketch(profile, cv.data.person.name, blocks, legend, violations, notes)


def left_out_note(gone: LeftOut, funder: str, shown: int = 8) -> str:
    """'Products: 5 picked of 25 eligible (NSF allows 5); left out: a, b, c, ... — tag the
    ones you want `selected`'."""
    keys = ", ".join(gone.keys[:shown]) + (", ..." if len(gone.keys) > shown else "")
    total = gone.room + len(gone.keys)
    return (
        f"{gone.heading}: {gone.room} picked of {total} eligible ({funder} allows {gone.room}: "
        f"tagged selected first, then related, awarded, published, newest); left out: {keys}"
    )


def _marks_shown(block: Block) -> set[str]:
    """The author marks (*, †) the shown entries (after any truncation) carry."""
    marks = {
        span.text
        for e in block.entries
        for span in e.title
        if span.superscript and span.text in MARK_SYMBOLS
    }
    return marks.union(*(_marks_shown(part) for part in block.parts))
