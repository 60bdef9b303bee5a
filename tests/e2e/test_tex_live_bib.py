"""BibTeX from the wild: TeX Live's xampl.bib and biblatex-examples.bib load with a clear result
and, with --skip-bad-entries, render through every backend."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from cvgen.bio.english import count_words
from cvgen.bio.shortbio import generate
from cvgen.load.cv import load
from cvgen.load.sources import Sources
from cvgen.model import CV
from cvgen.writers.pdf.tex import run_tex
from tests.support.html_doc import parse
from tests.support.paths import DATA
from tests.support.rendering import listing, render

VALID_YAML = DATA / "bad" / "_valid.yaml"


def _kpsewhich(name: str) -> Path | None:
    if not shutil.which("kpsewhich"):
        return None
    found = subprocess.run(["kpsewhich", name], capture_output=True, text=True).stdout.strip()
    return Path(found) if found else None


# loaded, left out (crossref parents that are only containers are not publications)
FILES = {"xampl.bib": (26, 6), "biblatex-examples.bib": (88, 1)}


@pytest.fixture(scope="module", params=sorted(FILES))
def wild(request) -> tuple[str, CV]:
    path = _kpsewhich(request.param)
    if path is None:
        pytest.skip(f"{request.param} is not installed (Debian: texlive-bibtex-extra)")
    strict, problems = load(Sources(VALID_YAML, path, use_cache=False))
    assert strict is None and any(p.is_error for p in problems)
    assert all(p.line for p in problems if p.is_error)
    cv, problems = load(Sources(VALID_YAML, path, use_cache=False, skip_bad_entries=True))
    assert cv is not None and not any(p.is_error for p in problems)
    loaded, left_out = FILES[request.param]
    assert len(cv.publications) == loaded
    assert len({p.field.split(".")[0] for p in problems if "left out" in p.message}) == left_out
    return request.param, cv


def test_latex_compiles(wild) -> None:
    _, cv = wild
    assert run_tex(render(cv, "latex")).pdf.startswith(b"%PDF")


def test_html_parses_with_every_title(wild) -> None:
    _, cv = wild
    page = parse(render(cv, "html"))
    cited = " ".join(" ".join(li.text().split()) for li in page.iter("li"))
    assert all(" ".join(pub.title.split()) in cited for pub in cv.publications)


def test_listings_bio_and_export(wild) -> None:
    _, cv = wild
    for fmt in ("text", "markdown", "bibtex", "csl-json"):
        assert listing(cv, fmt, ["publications", "patents"]).strip()
    assert count_words(generate(cv, "third", 100)) <= 100
    export = yaml.safe_load(render(cv, "jekyll"))
    assert len(export) == len(cv.publications)


def test_weasyprint_prints(wild) -> None:
    _, cv = wild
    assert render(cv, "weasyprint").startswith(b"%PDF")
