"""Entry keys used twice. Crossref-style keys (`Moreau_2019`) repeat whenever an author
publishes twice in a year, and merged exports repeat whole entries.

Only entries that were read take part: one left out for its own errors never makes another
a duplicate. A second entry of the same paper is left out with a warning naming the first; a
different paper under a used key is kept under a new key (`Moreau_2019-2`), with a warning.
"""

from __future__ import annotations

from cvgen.errors import Problem, Severity
from cvgen.load.identity import same_entry
from cvgen.model import Publication


def distinct_keys(pubs: list[Publication], file: str) -> tuple[list[Publication], list[Problem]]:
    """The publications with every key used once, and a warning for each one changed."""
    kept: dict[str, list[Publication]] = {}  # by the key as written
    used = {pub.key.lower() for pub in pubs}
    problems: list[Problem] = []
    result: list[Publication] = []
    for pub in pubs:
        earlier = kept.setdefault(pub.key.lower(), [])
        if not earlier:
            earlier.append(pub)
            result.append(pub)
            continue
        same = next((first for first in earlier if same_entry(first, pub)), None)
        if same is not None:
            message = f"the key {pub.key} and this paper are already used ({_line(same)}); left out"
            problems.append(Problem(file, pub.line, pub.key, message, Severity.WARNING))
            continue
        key = _free_key(pub.key, used)
        used.add(key.lower())
        message = (
            f"the key {pub.key} is also used by another paper ({_line(earlier[0])}); this one is "
            f"read as {key}: give it a key of its own"
        )
        problems.append(Problem(file, pub.line, pub.key, message, Severity.WARNING))
        renamed = pub.model_copy(update={"key": key})
        earlier.append(renamed)
        result.append(renamed)
    return result, problems


def _line(pub: Publication) -> str:
    return f"line {pub.line}" if pub.line else "earlier"


def _free_key(key: str, used: set[str]) -> str:
    number = 2
    while f"{key}-{number}".lower() in used:
        number += 1
    return f"{key}-{number}"
