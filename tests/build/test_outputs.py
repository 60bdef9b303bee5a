"""`cvgen build` (build/outputs.py): every output from one load, unchanged ones skipped,
failures reported without losing previous outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvgen.build.freshness import fingerprint_before_load
from cvgen.build.outputs import build_all, plan
from cvgen.errors import CvgenError
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import OutputSpec


def _build(sources: Sources, **kwargs):
    out = sources.cv.parent / "output"
    before = fingerprint_before_load(sources, out)
    cv, _ = load_or_fail(sources)
    outcomes = build_all(cv, sources, out, before=before, **kwargs)
    return {o.path.name: o for o in outcomes}


def test_default_plan_is_pdf_html_bio_and_a_pdf_per_variant(example_cv) -> None:
    names = [job.path.name for job in plan(example_cv.data, Path("output"))]
    assert names == ["cv.pdf", "cv.html", "bio.txt", "cv-erc.pdf", "cv-recent.pdf"]


def test_configured_plan_and_clashing_paths(project: Sources) -> None:
    cv, _ = load_or_fail(project)
    names = [str(job.path) for job in plan(cv.data, Path("out"))]
    assert names == [
        "out/cv.html",
        "out/bio.txt",
        "out/publications-recent.md",
        "out/source/cv.tex",
        "out/cv.pdf",
    ]
    html = OutputSpec(format="html")
    clash = cv.data.model_copy(update={"outputs": [html, html]})
    with pytest.raises(CvgenError, match=r"two outputs write out/cv\.html"):
        plan(clash, Path("out"))


def test_builds_everything_then_skips_what_did_not_change(project: Sources) -> None:
    first = _build(project)
    assert {o.status for o in first.values()} == {"built"}
    assert first["cv.pdf"].pages == 2
    out = project.cv.parent / "output"
    recent = (out / "publications-recent.md").read_text()
    assert recent.count("\\[1\\]") == 2  # one journal article, one conference paper
    assert len((out / "bio.txt").read_text().split()) <= 60
    second = _build(project)
    assert {o.status for o in second.values()} == {"unchanged"}
    assert second["cv.pdf"].pages == 2  # remembered, not re-read


def test_an_input_change_rebuilds_and_so_does_a_tampered_output(project: Sources) -> None:
    _build(project)
    out = project.cv.parent / "output"
    bib = project.cv.parent / "publications.bib"
    bib.write_text(bib.read_text().replace("Method for sensing", "Method for seeing"))
    again = _build(project)
    assert {o.status for o in again.values()} == {"built"}
    assert "Method for seeing" in (out / "cv.html").read_text()
    (out / "cv.html").write_text("edited by hand")
    (out / "bio.txt").unlink()
    third = _build(project)
    assert third["cv.html"].status == third["bio.txt"].status == "built"
    assert third["cv.pdf"].status == "unchanged"
    assert _build(project, force=True)["cv.pdf"].status == "built"


def test_a_failing_output_keeps_its_old_file_and_the_others_build(project: Sources, monkeypatch):
    _build(project)
    out = project.cv.parent / "output"
    old_pdf = (out / "cv.pdf").read_bytes()
    yaml_file = project.cv
    yaml_file.write_text(yaml_file.read_text().replace("engine: pdflatex", "engine: xelatex"))
    monkeypatch.setenv("PATH", "/nonexistent")  # no TeX engine at all
    outcomes = _build(project)
    assert outcomes["cv.pdf"].status == "failed"
    assert "xelatex" in outcomes["cv.pdf"].error
    assert (out / "cv.pdf").read_bytes() == old_pdf
    assert outcomes["cv.html"].status == "built"  # the yaml changed, so it was rebuilt


def test_an_unchanged_rebuild_never_loads_the_model(project: Sources) -> None:
    import subprocess
    import sys

    _build(project)
    code = (
        "import sys; from cvgen.cli import main\n"
        "main(['build'], standalone_mode=False)\n"
        "print('model loaded' if 'pydantic' in sys.modules else 'model not loaded')"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=project.cv.parent, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("up to date") == 5
    assert run.stdout.strip().endswith("model not loaded")


def test_a_failed_build_is_never_taken_as_fresh(project: Sources, monkeypatch) -> None:
    from cvgen.build.freshness import all_fresh

    out = project.cv.parent / "output"
    _build(project)
    assert all_fresh(project, out) is not None
    project.cv.write_text(project.cv.read_text().replace("engine: pdflatex", "engine: xelatex"))
    monkeypatch.setenv("PATH", "/nonexistent")
    _build(project)
    assert all_fresh(project, out) is None
