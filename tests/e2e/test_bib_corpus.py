"""The whole corpus of real researchers' .bib files (tests/data/realworld/bib/, 135 files of
113 researchers; manifest.yaml) through cvgen in-process, measured by the independent checker
of benchmarks/bib_corpus.py (bibtexparser and pylatexenc, its own name matching): what issue
27's "done" asks, on every file, strictly and with --skip-bad-entries.

The command-line run of the same checker (`python benchmarks/bib_corpus.py`) takes minutes;
this one reads each file once per mode and writes each output in-process, so it stays within
about a minute (marked slow; CI runs it)."""

from __future__ import annotations

import json
import traceback
from functools import cache
from pathlib import Path

import pytest
import yaml

from benchmarks.bib_corpus import CORPUS, project, totals
from benchmarks.bib_measure import FileResult, Outputs, measure
from cvgen.bio.shortbio import generate
from cvgen.build.plan import plan_for
from cvgen.build.request import Request
from cvgen.errors import Severity
from cvgen.load.cv import load
from cvgen.load.sources import Sources

pytestmark = pytest.mark.slow
MANIFEST = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
# Each output, written from the --skip-bad-entries CV: none may raise.
OUTPUTS = ("html", "latex", "typst-data", "markdown", "text", "bibtex", "jekyll", "bio")


def _render(plan, fmt: str) -> None:
    if fmt == "bio":
        generate(plan.cv, "third", 150)
    elif fmt in ("markdown", "text", "bibtex"):
        plan.listing(fmt)
    elif fmt == "typst-data":
        from cvgen.writers.typst.writer import template_data

        json.dumps(template_data(plan.document(), plan.options))
    else:
        plan.render(fmt)


def _run(rec: dict, text: str, folder: Path) -> Outputs:
    """What `cvgen export document` (strict, then lenient), `filter --format json` and the
    other outputs give, computed in-process; an exception anywhere is a traceback."""
    project(folder, rec, text)
    cv_file, bib = folder / "cv.yaml", folder / "pubs.bib"
    docs, tracebacks, warnings, errors = {}, [], [], []
    for lenient in (False, True):
        try:
            cv, problems = load(Sources(cv_file, bib, False, lenient))
        except Exception:  # any exception is what this test counts
            tracebacks.append(f"load: {traceback.format_exc(limit=-1)}")
            continue
        if cv is None:
            errors = [str(p) for p in problems if p.is_error]
            continue
        plan = plan_for(cv, Request(), Sources(cv_file, bib, False, lenient))
        docs[lenient] = json.loads(plan.render("document"))
        if lenient:
            warnings = [str(p) for p in problems if p.severity is Severity.WARNING]
            warnings = [w for w in warnings if not w.startswith(str(cv_file))]
            docs["filter"] = json.loads(plan.listing("json"))
            for fmt in OUTPUTS:
                try:
                    _render(plan, fmt)
                except Exception:  # likewise
                    tracebacks.append(f"{fmt}: {traceback.format_exc(limit=-1)}")
    skip = docs.get(True, docs.get(False))
    return Outputs(docs.get(False), skip, docs.get("filter"), errors, warnings, tracebacks)


@cache
def _results(folder: str) -> tuple[FileResult, ...]:
    results = []
    for rec in MANIFEST:
        text = (CORPUS / rec["file"]).read_text(encoding="utf-8")
        place = Path(folder) / rec["file"].removesuffix(".bib")
        place.mkdir()
        results.append(measure(rec, text, _run(rec, text, place)))
    return tuple(results)


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> tuple[FileResult, ...]:
    return _results(str(tmp_path_factory.mktemp("corpus")))


def _listed(results, name: str) -> list[str]:
    return [f"{r.file}: {item}" for r in results for item in getattr(r, name)]


def test_the_corpus_is_the_one_described() -> None:
    files = {rec["file"] for rec in MANIFEST}
    assert files == {path.name for path in CORPUS.glob("*.bib")} and len(files) >= 100
    assert len({rec["owner"] for rec in MANIFEST}) >= 80
    assert len({rec["tool"] for rec in MANIFEST}) >= 10
    assert len({rec["field"] for rec in MANIFEST}) >= 12


def test_no_traceback_in_any_output(results) -> None:
    assert _listed(results, "tracebacks") == []


def test_every_file_yields_all_its_well_formed_entries(results) -> None:
    assert [r.file for r in results if r.produced_nothing_skip] == []
    assert _listed(results, "unexplained") == []  # every entry left out is named in a warning


def test_the_owner_is_found_and_no_namesake_is(results) -> None:
    total = totals(list(results))
    assert total["owner_recall"] >= 0.995, _listed(results, "owner_missed")
    assert _listed(results, "namesakes") == []
    assert _listed(results, "multi_self") == []


def test_names_titles_and_venues_as_their_authors_meant(results) -> None:
    assert _listed(results, "mangled") == []
    assert _listed(results, "leaks") == []
    assert _listed(results, "venue_losses") == []
    assert _listed(results, "wording") == []
    assert _listed(results, "miscat") == []


def test_collaboration_papers_are_capped(results) -> None:
    assert totals(list(results))["collaboration_full"] == 0
