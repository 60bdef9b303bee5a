"""metrics.yaml read (load/metrics.py): its problems located, shown only when cv.yaml asks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cvgen.compose.header import metrics_phrase
from cvgen.load.cv_yaml import load_cv_yaml
from cvgen.load.metrics import load_metrics, metrics_for
from tests.support.rendering import WORDS


def test_metrics_file_problems_are_located(tmp_path: Path):
    path = tmp_path / "metrics.yaml"
    path.write_text(
        "source: OpenAlex\nfetched: 2026-12-01\ncitations: -3\nh_index: 45\npapers: {a: x}\n",
        encoding="utf-8",
    )
    metrics, problems = load_metrics(path)
    assert metrics is None
    assert [(p.line, p.field) for p in problems] == [(3, "citations"), (5, "papers.a")]
    path.write_text("source: OpenAlex\nfetched: 2024-01-05\ncitations: 10\nh_index: 2\n")
    metrics, problems = load_metrics(path, today=date(2026, 12, 1))
    assert metrics_phrase(metrics, WORDS) == "Citations 10 · h-index 2 — OpenAlex, January 2024"
    assert [(p.line, p.is_error) for p in problems] == [(2, False)]  # over a year old


def test_metrics_are_shown_only_when_cv_yaml_asks(tmp_path: Path):
    cv = tmp_path / "cv.yaml"
    cv.write_text("person: {name: A}\n", encoding="utf-8")
    data, _ = load_cv_yaml(cv)
    assert metrics_for(cv, data) == (None, [])
    cv.write_text("person: {name: A}\npublications: {metrics: {header: true}}\n")
    data, _ = load_cv_yaml(cv)
    metrics, problems = metrics_for(cv, data)
    assert metrics is None and "run `cvgen metrics`" in problems[0].message
