"""Publication numbers as the CV prints them.

Numbers follow print order: the CV's section order, then the kind order within
"Publications" (journal articles, conference papers, ...), newest first within a kind.
`per-type` restarts at 1 for each kind, `continuous` runs through every printed publication,
`none` numbers nothing. `reverse` counts down, so the newest entry gets the highest number
and old entries keep their numbers as the list grows, as many academic CVs do.
"""

from __future__ import annotations

from cvgen.compose.order import SECTION_KINDS
from cvgen.model import CV, Numbering, PubKind, Publication


def kind_groups(cv: CV, section: str) -> list[tuple[PubKind, list[Publication]]]:
    """The non-empty (kind, publications) groups that a publication section prints, in order."""
    groups = []
    for kind in SECTION_KINDS.get(section, ()):
        pubs = [pub for pub in cv.publications if pub.kind is kind]
        if pubs:
            groups.append((kind, pubs))
    return groups


def publication_numbers(
    cv: CV, numbering: Numbering = "per-type", reverse: bool = False
) -> dict[str, int]:
    """Publication key -> its number; empty for `none` and for sections the CV does not show."""
    if numbering == "none":
        return {}
    runs: list[list[Publication]] = []
    for section in cv.data.section_order:
        for _, pubs in kind_groups(cv, section):
            if numbering == "per-type" or not runs:
                runs.append([])
            runs[-1].extend(pubs)
    numbers: dict[str, int] = {}
    for run in runs:
        for index, pub in enumerate(run):
            numbers[pub.key] = len(run) - index if reverse else index + 1
    return numbers
