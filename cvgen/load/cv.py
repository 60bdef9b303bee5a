"""The front of the pipeline: cv.yaml + publications.bib -> one validated CV, or every problem.

The BibTeX parser (bibtexparser, and name matching, which uses it) is imported only on a cache
miss: a command whose inputs are cached never pays for it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from cvgen.errors import Problem, Severity, fail_on_errors
from cvgen.files.reading import digest
from cvgen.load.bibtex.checks import suspicious_data
from cvgen.load.cache.store import input_key, read_cached, write_cached
from cvgen.load.collector import collector_paused
from cvgen.load.cv_yaml import load_cv_yaml
from cvgen.load.sources import Sources
from cvgen.load.text_file import read_bib_text
from cvgen.model import CV, CvData, Publication

if TYPE_CHECKING:
    from cvgen.load.bibtex.file import BibOptions

logger = logging.getLogger(__name__)


def authored_by(data: CvData) -> Callable[[Publication], bool]:
    """Whether the researcher is among a publication's authors (or editors, for a volume)."""
    from cvgen.load.people import NameKey, keys_for

    self_keys = keys_for(data.person.name, data.person.name_variants)

    def is_own(pub: Publication) -> bool:
        keys = (NameKey.from_parts(a.first, a.von, a.last) for a in pub.authors)
        return any(mine.matches(key) for key in keys for mine in self_keys)

    return is_own


def _bib_options(data: CvData):
    """What reading the .bib takes from cv.yaml: macros, the owner's names, mark meanings."""
    from cvgen.load.bibtex.reader import DEFAULT_MARKS, BibOptions

    star = data.publications.marks.get("*", DEFAULT_MARKS["*"])
    return BibOptions(
        macros=data.publications.macros,
        owner=data.person.name,
        owner_variants=tuple(data.person.name_variants),
        star_means_equal=star == DEFAULT_MARKS["*"],
    )


def resolve_people(data: CvData, publications: list[Publication]) -> list[Publication]:
    """Mark the researcher (bold) and their students at the time of each paper (underlined)."""
    from cvgen.load.people import RoleMarker, keys_for, student_windows

    self_keys = keys_for(data.person.name, data.person.name_variants)
    settings = data.publications
    students = student_windows(data.students, settings.student_grace_years)
    marker = RoleMarker(self_keys, students, every_match=settings.mark_every_match)
    return [marker.mark(pub) for pub in publications]


def _newest_first(publications: list[Publication]) -> list[Publication]:
    """Forthcoming work (in press, submitted, ...) first, then by date."""
    return sorted(
        publications,
        key=lambda p: (p.forthcoming, p.year, p.month or 0, p.title),
        reverse=True,
    )


def _left_out(problem: Problem) -> Problem:
    """An entry's error as a warning: with --skip-bad-entries the entry is simply not shown
    (an @string that cannot be read is no entry: the entries using it say so themselves)."""
    suffix = "" if problem.field.startswith("@") else "; entry left out"
    return replace(problem, severity=Severity.WARNING, message=problem.message + suffix)


def _load_bib(
    bib: Path, is_own: Callable[[Publication], bool] | None, options: BibOptions | None
) -> tuple[list[Publication], list[Problem], str | None]:
    """The publications, the problems, and the hash of the bytes parsed (None if the file was
    saved while it was read and parsed, as then which bytes were parsed is not known).

    The .bib's text is read, decoded and checked for control characters here, in one place,
    before the BibTeX parser sees it."""
    from cvgen.load.bibtex.file import parse_bibtex

    problems: list[Problem] = []
    before = digest(bib)
    text = read_bib_text(bib, problems)
    if text is None:
        return [], problems, None
    publications, parsed = parse_bibtex(text, str(bib), is_own, options)
    parsed_digest = before if digest(bib) == before else None
    return publications, sorted(problems + parsed, key=lambda p: p.line or 0), parsed_digest


def load(sources: Sources) -> tuple[CV | None, list[Problem]]:
    """Load and validate both files, collecting problems from each before giving up."""
    cv, problems, _ = _load(sources)
    return cv, problems


def _load(sources: Sources) -> tuple[CV | None, list[Problem], str | None]:
    """load(), and the hash of the .bib as parsed (see _load_bib), for the cache."""
    with collector_paused():
        return _load_all(sources)


def _load_all(sources: Sources) -> tuple[CV | None, list[Problem], str | None]:
    data, problems = load_cv_yaml(sources.cv)
    bib = sources.bib_path(data)
    options = _bib_options(data) if data else None
    own = authored_by(data) if data else None
    if _no_publications_yet(sources, data, bib):
        if data is not None:  # of a broken or missing cv.yaml, only its errors are news
            note = "no publications.bib beside cv.yaml, so the CV lists no publications"
            problems = [*problems, Problem(str(bib), None, "", note, Severity.WARNING)]
        publications, bib_problems, bib_digest = [], [], None
    else:
        publications, bib_problems, bib_digest = _load_bib(bib, own, options)
    if sources.skip_bad_entries:
        bib_problems = [_left_out(p) if p.is_error and p.field else p for p in bib_problems]
    problems = problems + bib_problems
    if data is None or any(p.is_error for p in problems):
        return None, problems, bib_digest
    from cvgen.load.authorship import authorship_warnings  # name matching: bibtexparser

    pubs = _newest_first(resolve_people(data, publications))
    warnings = problems + authorship_warnings(data, pubs, bib) + suspicious_data(data, pubs, bib)
    return CV(data=data, publications=pubs), warnings, bib_digest


def _no_publications_yet(sources: Sources, data: CvData | None, bib: Path) -> bool:
    """A student's first CV may have no .bib: only the default one may be absent (a --bib or
    a `publications: bib:` that names a missing file is an error)."""
    named = sources.bib is not None or (data is not None and data.publications.bib is not None)
    return not named and not bib.exists() and not bib.is_symlink()


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def load_or_fail(sources: Sources) -> tuple[CV, list[Problem]]:
    """Like load(), but raise one CvgenError listing every error; returns the warnings.

    Valid inputs are cached by content (load/cache.py), so an unchanged rebuild is near-instant.
    An input saved during the load leaves no entry: it would hold data older than its key.
    """
    started = time.perf_counter()
    key = input_key(sources) if sources.use_cache else None
    cached = read_cached(key) if key else None
    if cached is not None:
        logger.debug("%s: from the cache (%.0f ms)", sources.cv, _ms(started))
        return cached
    cv, problems, bib_digest = _load(sources)
    logger.debug(
        "%s and %s: read and validated (%.0f ms)",
        sources.cv,
        sources.bib_path(cv.data if cv else None),
        _ms(started),
    )
    fail_on_errors(problems)
    assert cv is not None
    if key is not None and bib_digest is not None and input_key(sources) == key:
        write_cached(key, sources.bib_path(cv.data), bib_digest, cv, problems)
    return cv, problems
