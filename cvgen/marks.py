"""The key to the marks after author names (* equal contribution, † corresponding author, ...).

Writers print the lines legend_lines() gives for the publications they show; what each mark
means comes from cv.yaml (`publications: marks:`) over the defaults.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from cvgen.model import Publication

EQUAL_MARK = "*"
DEFAULT_MEANINGS = {"*": "Equal contribution", "†": "Corresponding author"}
ORDER = ("*", "†", "‡", "§", "¶", "#")
UNEXPLAINED = "Marked so in the publication"


def meanings(configured: Mapping[str, str] | None = None) -> dict[str, str]:
    return {**DEFAULT_MEANINGS, **(configured or {})}


def symbols_used(pubs: Iterable[Publication]) -> set[str]:
    used: set[str] = set()
    for pub in pubs:
        for author in pub.authors:
            if author.equal_contribution:
                used.add(EQUAL_MARK)
            used.update(author.marks)
    return used


def legend_for(symbols: Iterable[str], configured: Mapping[str, str] | None = None) -> list[str]:
    """'* Equal contribution.' and the like, for the given symbols, in a fixed order."""
    table = meanings(configured)
    present = set(symbols)
    ordered = [s for s in ORDER if s in present] + sorted(present - set(ORDER))
    return [f"{s} {table.get(s, UNEXPLAINED).rstrip('.')}." for s in ordered]


def legend_lines(
    pubs: Iterable[Publication], configured: Mapping[str, str] | None = None
) -> list[str]:
    """The legend lines for the marks these publications use."""
    return legend_for(symbols_used(pubs), configured)
