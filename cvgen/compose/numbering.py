"""Publication numbers as the CV prints them.

Numbers follow print order: the CV's section order, then the kind order within
"Publications" (journal articles, conference papers, ..., or the design's publication_order),
newest first within a kind (or oldest first, as the design's order says).
`per-type` restarts at 1 for each kind, `continuous` runs through every printed publication,
`none` numbers nothing. `reverse` counts down, so the newest entry gets the highest number
and old entries keep their numbers as the list grows, as many academic CVs do.
"""

from __future__ import annotations

from cvgen.compose.context import Settings
from cvgen.compose.order import section_kinds
from cvgen.model import CV, Numbering, PubKind, Publication


def _oldest_first(pubs: list[Publication]) -> list[Publication]:
    return sorted(pubs, key=lambda p: (p.year, p.month or 0, p.title))


def kind_groups(
    cv: CV, section: str, settings: Settings | None = None
) -> list[tuple[PubKind, list[Publication]]]:
    """The non-empty (kind, publications) groups that a publication section prints, in order
    (the CV's publications come newest first from the loader)."""
    settings = settings or Settings()
    groups = []
    for kind in section_kinds(section, settings.publication_order):
        pubs = [pub for pub in cv.publications if pub.kind is kind]
        if pubs:
            groups.append((kind, _oldest_first(pubs) if settings.order == "oldest-first" else pubs))
    return groups


def publication_numbers(
    cv: CV,
    numbering: Numbering = "per-type",
    reverse: bool = False,
    settings: Settings | None = None,
) -> dict[str, int]:
    """Publication key -> its number; empty for `none` and for sections the CV does not show.
    `settings` gives the print order (kinds, oldest or newest first)."""
    if numbering == "none":
        return {}
    runs: list[list[Publication]] = []
    for section in cv.data.section_order:
        for _, pubs in kind_groups(cv, section, settings):
            if numbering == "per-type" or not runs:
                runs.append([])
            runs[-1].extend(pubs)
    numbers: dict[str, int] = {}
    for run in runs:
        for index, pub in enumerate(run):
            numbers[pub.key] = len(run) - index if reverse else index + 1
    return numbers
