"""metrics.yaml: the citation counts `cvgen metrics` fetched, read back when a CV shows them.

Counts are fetched once, dated and named by source, and never at render time: a build stays
offline and reproducible, and the CV says how old its numbers are. The file sits beside
cv.yaml; `publications: metrics: {header: true, per_paper: true}` in cv.yaml asks for them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cvgen.errors import Problem, Severity
from cvgen.files.project import ConfinementError, Project
from cvgen.load.text_file import read_text
from cvgen.load.validation import validate_model
from cvgen.model import CvData, Metrics
from cvgen.util.yaml_lines import parse_yaml

METRICS_FILE = "metrics.yaml"
STALE_DAYS = 366


def metrics_path(cv_path: Path) -> Path:
    return cv_path.parent / METRICS_FILE


def load_metrics(path: Path, today: date | None = None) -> tuple[Metrics | None, list[Problem]]:
    """The metrics in `path`, or None with every problem located (file:line: field)."""
    problems: list[Problem] = []
    text = read_text(path, problems)
    if text is None:
        return None, problems
    data, lines = parse_yaml(text, str(path), problems)
    if problems:
        return None, problems
    metrics, problems = validate_model(Metrics, data, str(path), lines)
    age = ((today or date.today()) - metrics.fetched).days if metrics else 0
    if age > STALE_DAYS:
        message = f"fetched {metrics.fetched.isoformat()}, over a year ago; run `cvgen metrics`"
        problems.append(
            Problem(str(path), lines.get(("fetched",)), "fetched", message, Severity.WARNING)
        )
    return metrics, problems


def metrics_for(cv_path: Path, data: CvData) -> tuple[Metrics | None, list[Problem]]:
    """The metrics a CV should show: None (and no problem) when cv.yaml asks for none.

    The composer words them (cvgen/compose/header.py and publications.py): a line under the
    header when `data.publications.metrics.header`, each paper's count when `per_paper`.
    """
    wanted = data.publications.metrics
    if not (wanted.header or wanted.per_paper):
        return None, []
    path = metrics_path(cv_path)
    try:
        Project.of(cv_path).confined(path, "the file")
    except ConfinementError as error:
        return None, [Problem(str(path), None, "", error.message)]
    if not path.exists():
        message = "cv.yaml asks for citation metrics, but there are none yet: run `cvgen metrics`"
        return None, [Problem(str(path), None, "", message, Severity.WARNING)]
    return load_metrics(path)
