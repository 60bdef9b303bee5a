"""The small researcher composed once, as every export receives it."""

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
