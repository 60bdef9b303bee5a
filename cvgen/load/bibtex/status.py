"""Publication status from the ways people write it: `year = {in press}`, biblatex `pubstate`,
"(under review)" in the journal field, "Submitted, July 2025" in the note.

Statuses are cvgen's FORTHCOMING words (model/publications.py); a patent's status
("granted", "pending") is its own and is read as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

_STATUS_WORDS = (
    ("in press", r"\bin[\s-]+press\b"),
    ("accepted", r"\baccepted\b|\bto appear\b|\bforthcoming\b"),
    (
        "under review",
        r"\b(under|in)\s+(review|revision|consideration)\b|\brevise and resubmit\b"
        r"|\b(major|minor) revisions?\b",
    ),
    ("submitted", r"\bsubmitted\b"),
    ("in preparation", r"\bin\s+prep(\.|aration\b|\b)|\bwip\b|\bwork\s+in\s+progress\b"),
)
_ANY_STATUS = re.compile(
    "|".join(f"(?P<s{i}>{pattern})" for i, (_, pattern) in enumerate(_STATUS_WORDS)), re.I
)
_PUBSTATE = {
    "inpress": "in press",
    "forthcoming": "accepted",
    "accepted": "accepted",
    "toappear": "accepted",
    "submitted": "submitted",
    "underreview": "under review",
    "inreview": "under review",
    "inpreparation": "in preparation",
    "inprep": "in preparation",
    "prepublished": "in press",
}
# "Submitted to X", "Accepted for publication in X", "X (under review)", "X, in press",
# "arXiv:2111.02002, accepted by X"
_VENUE_STATUS_PATTERN = (
    r"^\s*(?:arxiv\s*:?\s*[\w./-]*\d|preprint)\s*[,;]?\s*(?=(?:accepted|to\s+appear)\b)"
    r"|^\s*(?:submitted|accepted(?:\s+for\s+publication)?|in\s+press|(?:under|in)\s+review|"
    r"to\s+appear|in\s+revision|in\s+prep(?:aration|\.)?)\s*(?:to|in|at|for|with|by)?\s*[:,.]?\s*"
    r"|\s*[(\[]\s*(?:[^()\[\]]*?)\s*[)\]]\s*$"
    r"|\s*[,;.]?\s*(?:submitted|accepted|in\s+press|under\s+review|to\s+appear)\.?\s*$"
)


@lru_cache(maxsize=4096)
def status_in(text: str | None) -> str | None:
    """The status a free text states, if any (venues and notes recur: each is read once)."""
    if not text:
        return None
    found = {
        int(name[1:]) for m in _ANY_STATUS.finditer(text) for name, v in m.groupdict().items() if v
    }
    return _STATUS_WORDS[min(found)][0] if found else None


def pubstate(value: str | None) -> str | None:
    """biblatex's pubstate keys (inpress, forthcoming, submitted, ...) or words meaning one."""
    if not value:
        return None
    return _PUBSTATE.get(re.sub(r"[^a-z]", "", value.lower())) or status_in(value)


def venue_without_status(venue: str) -> str | None:
    """'Nature (under review)' -> 'Nature'; 'Submitted to PNAS' -> 'PNAS'; 'Submitted' -> None."""
    pattern = re.compile(_VENUE_STATUS_PATTERN, re.I)  # rare: re caches it after the first
    previous = None
    while previous != venue:
        previous = venue
        match = pattern.search(venue)
        if match and (match.start() == 0 or status_in(match.group(0))):
            venue = (venue[: match.start()] + venue[match.end() :]).strip(" ,;:.")
    return venue or None


_BRACKETED = re.compile(r"^\s*[\[(]([^\[\]()]{2,40})[\])]\s*|\s*[\[(]([^\[\]()]{2,40})[\])]\s*$")


def title_status(title: str) -> tuple[str, str | None]:
    """A status written in brackets at either end of a title ('[Under Review] Deep nets',
    'Deep nets (WIP)'): the title without it, and the status."""
    match = _BRACKETED.search(title)
    status = status_in(match.group(1) or match.group(2)) if match else None
    if not match or not status:
        return title, None
    rest = (title[: match.start()] + " " + title[match.end() :]).strip()
    return (rest or title), status


def stated_alone(text: str | None) -> str | None:
    """The status a text states when it states nothing else ('accepted', 'In press.')."""
    status = status_in(text)
    return status if status and venue_without_status(text) is None else None  # type: ignore[arg-type]
