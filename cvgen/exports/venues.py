"""A venue's short name, for the badges and short venue lines of site themes (al-folio's
`abbr`, Hugo Blox's `publication_short`): the .bib's own, the acronym a venue ends with, or a
journal's initials."""

from __future__ import annotations

import re

from cvgen.model import PubKind, Publication

_ACRONYM = re.compile(r"\(([A-Z][\w&-]*[A-Z][\w&-]*(?: '?\d{2,4})?)\)\s*$")  # "... (NeurIPS)"
_MINOR_WORDS = frozenset("of on the and for in & de la der des für et".split())


def _journal_abbr(venue: str) -> str | None:
    """A journal's badge: its initials ('Journal of Machine Learning Research' -> 'JMLR',
    'IEEE Transactions on Signal Processing' -> 'IEEE TSP'), or a short name whole
    ('Nature'); none for a two-word name that initials would garble."""
    words = [w for w in re.findall(r"[\w'-]+", venue) if w.lower() not in _MINOR_WORDS]
    if len(words) == 1 and len(words[0]) <= 12:
        return words[0]
    if len(words) < 3:
        return None
    capitals = [w for w in words if w.isupper() and len(w) > 1]
    initials = "".join(w[0].upper() for w in words if w not in capitals)
    return " ".join([*capitals, initials]) if initials else None


def abbr(pub: Publication) -> str | None:
    """The venue badge: the .bib's shortjournal, the acronym a venue ends with ('(NeurIPS)'),
    or a journal's initials."""
    match = _ACRONYM.search(pub.venue or "")
    if pub.extra.get("shortjournal"):
        return pub.extra["shortjournal"]
    if match:
        return match.group(1)
    return _journal_abbr(pub.venue) if pub.kind is PubKind.JOURNAL and pub.venue else None
