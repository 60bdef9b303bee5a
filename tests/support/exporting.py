"""The small researcher and the Allan lab composed once, as every export receives them."""

from __future__ import annotations

from functools import cache

from cvgen.compose import Settings, compose
from cvgen.document import Document
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import CV
from tests.support.paths import DATA

SETTINGS = Settings()


@cache
def small() -> tuple[CV, Document]:
    folder = DATA / "small"
    cv = load_or_fail(Sources(cv=folder / "cv.yaml", bib=folder / "publications.bib"))[0]
    return cv, compose(cv, SETTINGS)


@cache
def lab() -> tuple[CV, Document]:
    """The Allan lab (tests/data/site/lab): a group with photos, alumni and talks."""
    site = DATA / "site"
    cv = load_or_fail(Sources(cv=site / "lab" / "cv.yaml", bib=site / "publications.bib"))[0]
    return cv, compose(cv, SETTINGS)
