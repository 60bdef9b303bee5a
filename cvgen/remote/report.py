"""What an import or a sync check says, line by line: plain text for the terminal."""

from __future__ import annotations

from cvgen.remote.dedup import Verdict
from cvgen.remote.importing import Addition, Survey
from cvgen.remote.works import Work


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def survey_line(survey: Survey, bib_name: str) -> str:
    """'DBLP 71/8342: 14 papers; 9 already in publications.bib, 1 preprint left out, 4 new'."""
    parts = [f"{len(survey.having(Verdict.DUPLICATE))} already in {bib_name}"]
    preprints = len(survey.having(Verdict.PREPRINT))
    ignored = len(survey.having(Verdict.IGNORED))
    if preprints:
        of = "of a published paper" if preprints == 1 else "of published papers"
        parts.append(f"{_count(preprints, 'preprint')} {of} left out")
    if ignored:
        parts.append(f"{ignored} on the ignore list")
    parts.append(f"{len(survey.having(Verdict.NEW))} new")
    return f"{survey.source.label}: {_count(len(survey.decisions), 'paper')}; " + ", ".join(parts)


def preprint_lines(survey: Survey) -> list[str]:
    return [
        f"  ~ {d.work.describe()}: a preprint of {d.match}; --include-preprints adds it"
        for d in survey.having(Verdict.PREPRINT)
    ]


def addition_lines(added: list[Addition]) -> list[str]:
    lines = []
    for addition in added:
        entry = Work.from_publication(addition.publication)
        lines.append(f"  + {addition.publication.key}  {entry.describe()}")
        if addition.decision.note:
            lines.append(f"      {addition.decision.note}")
    return lines


def missing_lines(surveys: list[Survey], bib_name: str) -> list[str]:
    """`cvgen sync --check`: the papers the sources know and the .bib lacks, by source."""
    missing = [(s, s.having(Verdict.NEW)) for s in surveys]
    total = sum(len(new) for _, new in missing)
    checked = ", ".join(s.source.label for s in surveys)
    if not total:
        return [f"{bib_name} has every paper that {checked} list."]
    lines = [f"{bib_name} lacks {_count(total, 'paper')} that {checked} list:"]
    for survey, new in missing:
        if new:
            lines.append(f"  {survey.source.label}:")
            lines += [f"    {d.work.describe()}" for d in new]
    lines.append(
        "Run `cvgen sync` to add them (or list them under publications: sources: ignore:)."
    )
    return lines
