"""A publication with every kind of author a reference marks, and the APA engine, for the tests
of the citation modules one at a time."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from cvgen.citations import catalog
from cvgen.citations.engine import Engine
from cvgen.model import Author, Links, PubKind, Publication

AUTHORS = [
    Author(first="Ada", last="Amos", is_self=True),
    Author(first="Bo", von="van", last="Lee", is_student=True, equal_contribution=True),
    Author(first="Cy", last="Kim", jr="Jr"),
]
PAPER = Publication(
    key="k", entry_type="article", kind=PubKind.JOURNAL, title="On Rivers", authors=AUTHORS,
    year=2020, venue="J. Rivers", volume="3", number="2", pages="1–9",
    links=Links(doi="10.1234/x"),
)  # fmt: skip
APA = "Amos, A., van Lee, B.*, & Kim, C., Jr. (2020). On Rivers. J. Rivers, 3(2), 1–9. "


@cache
def apa() -> Engine:
    style = catalog.resolve("apa", Path("."))
    assert style is not None
    return Engine(style, "--style")
