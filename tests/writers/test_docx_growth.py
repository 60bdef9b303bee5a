"""Word output grows linearly with the CV (writers/docx/body.py, runs.py): python-docx looks for
the body's end from its first paragraph on, each time, and its run objects look every property
up; cvgen builds paragraphs and runs as XML directly. Five times the publications must cost
about five times the processor time, not twenty-five (the measured figures, 5,000 to 50,000
publications, are in benchmarks/README.md)."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.synthetic import write_synthetic
from cvgen.build.plan import plan_for
from cvgen.build.request import Request
from cvgen.load.cv import load_or_fail
from cvgen.writers.docx.writer import cv_docx


def docx_seconds(folder: Path, publications: int) -> float:
    sources = write_synthetic(folder / str(publications), publications)
    cv, _ = load_or_fail(sources)
    plan = plan_for(cv, Request(), sources)
    document = plan.document()
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        cv_docx(document, plan.options)
        best = min(best, time.process_time() - start)
    return best


def test_word_output_grows_linearly(tmp_path: Path) -> None:
    small, large = docx_seconds(tmp_path, 200), docx_seconds(tmp_path, 1000)
    assert large / small < 8, f"200: {small:.2f} s, 1000: {large:.2f} s"
