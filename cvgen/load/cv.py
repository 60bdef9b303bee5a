"""The front of the pipeline: cv.yaml + publications.bib -> one validated CV, or every problem.

The parsers (bibtexparser, the YAML loader, name matching) are imported only on a cache miss:
a command whose inputs are cached never pays for them.
"""

from __future__ import annotations

from dataclasses import replace

from cvgen.errors import Problem, Severity, fail_on_errors
from cvgen.load.cache import input_key, read_cached, write_cached
from cvgen.model import CV, CvData, Publication
from cvgen.sources import Sources


def resolve_people(data: CvData, publications: list[Publication]) -> list[Publication]:
    """Mark the researcher (bold) and their students at the time of each paper (underlined)."""
    from cvgen.load.people import keys_for, mark_people, student_windows

    self_keys = keys_for(data.person.name, data.person.name_variants)
    windows = student_windows(data.students, data.publications.student_grace_years)
    return [mark_people(pub, self_keys, windows) for pub in publications]


def _newest_first(publications: list[Publication]) -> list[Publication]:
    return sorted(publications, key=lambda p: (p.year, p.month or 0, p.title), reverse=True)


def _left_out(problem: Problem) -> Problem:
    """An entry's error as a warning: with --skip-bad-entries the entry is simply not shown."""
    return replace(problem, severity=Severity.WARNING, message=problem.message + "; entry left out")


def load(sources: Sources) -> tuple[CV | None, list[Problem]]:
    """Load and validate both files, collecting problems from each before giving up."""
    from cvgen.load.bibtex import load_bibtex
    from cvgen.load.yaml_cv import load_cv_yaml

    data, problems = load_cv_yaml(sources.cv)
    bib = sources.bib_path(data)
    publications, bib_problems = load_bibtex(bib)
    if sources.skip_bad_entries:
        bib_problems = [_left_out(p) if p.is_error and p.field else p for p in bib_problems]
    problems = problems + bib_problems
    if data is None or any(p.is_error for p in problems):
        return None, problems
    pubs = _newest_first(resolve_people(data, publications))
    if not any(a.is_self for pub in pubs for a in pub.authors) and pubs:
        problems.append(
            Problem(
                str(bib),
                None,
                "author",
                f"{data.person.name!r} matches no author in any entry; add the spellings you "
                "publish under to person.name_variants",
                Severity.WARNING,
            )
        )
    return CV(data=data, publications=pubs), problems


def load_or_fail(sources: Sources) -> tuple[CV, list[Problem]]:
    """Like load(), but raise one CvgenError listing every error; returns the warnings.

    Valid inputs are cached by content (load/cache.py), so an unchanged rebuild is near-instant.
    """
    key = input_key(sources) if sources.use_cache else None
    cached = read_cached(key) if key else None
    if cached is not None:
        return cached
    cv, problems = load(sources)
    fail_on_errors(problems, f"{sources.cv.name} / {sources.bib_path(None).name}")
    assert cv is not None
    if key is not None:
        write_cached(key, sources.bib_path(cv.data), cv, problems)
    return cv, problems
