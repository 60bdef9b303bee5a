"""`cvgen build` and `cvgen watch`: every output from one load, unchanged ones skipped,
failures reported without losing previous outputs."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.build.freshness import fingerprint_before_load
from cvgen.build.outputs import MANIFEST, build_all, plan
from cvgen.cli import main
from cvgen.errors import CvgenError
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import OutputSpec

SMALL = Path(__file__).parent / "data" / "small"
OUTPUTS = """
variants:
  recent: {since: 2016, types: [journal, conference]}
outputs:
  - html
  - {format: bio, words: 60}
  - {format: markdown, variant: recent}
  - {format: latex, path: source/cv.tex}
  - {format: pdf, engine: pdflatex}
"""


@pytest.fixture
def project(tmp_path: Path) -> Sources:
    shutil.copy(SMALL / "publications.bib", tmp_path / "publications.bib")
    text = (SMALL / "cv.yaml").read_text(encoding="utf-8") + OUTPUTS
    (tmp_path / "cv.yaml").write_text(text, encoding="utf-8")
    return Sources(cv=tmp_path / "cv.yaml", use_cache=False)


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


def test_cli_reports_each_output_and_fails_when_one_fails(project: Sources, monkeypatch) -> None:
    monkeypatch.chdir(project.cv.parent)
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "output/cv.pdf  2 pages" in result.output
    assert (project.cv.parent / "output" / MANIFEST).exists()
    again = runner.invoke(main, ["build"])
    assert again.output.count("up to date") == 5
    project.cv.write_text(project.cv.read_text().replace("engine: pdflatex", "engine: xelatex"))
    monkeypatch.setenv("PATH", "/nonexistent")
    failed = runner.invoke(main, ["build"])
    assert failed.exit_code == 1
    assert "output/cv.pdf  FAILED" in failed.output
    assert "previous versions were kept" in failed.output


def test_watch_rebuilds_on_save_and_survives_errors(project: Sources) -> None:
    from cvgen.build.watch import watch_and_build

    seen: list[str] = []  # each build's outcome: the person's name, or "error"
    errors: list[CvgenError] = []  # what the watch reported, and went on
    stop = threading.Event()

    def build() -> None:
        try:
            seen.append(load_or_fail(project)[0].data.person.name)
        except CvgenError:
            seen.append("error")
            raise

    thread = threading.Thread(
        target=watch_and_build, args=(project, build, errors.append, stop), daemon=True
    )
    thread.start()
    try:
        _wait_for(lambda: seen == ["Jonas Åberg"])
        time.sleep(0.3)  # let the watcher arm
        text = project.cv.read_text()
        project.cv.write_text(text.replace("person:\n", "person:\n  nmae: x\n", 1))
        _wait_for(lambda: seen[-1] == "error")  # the broken save was seen and survived
        project.cv.write_text(text.replace("Jonas Åberg", "Jonas Berg"))
        _wait_for(lambda: seen[-1] == "Jonas Berg")
        (project.cv.parent / "notes.txt").write_text("not an input")
        (project.cv.parent / "output").mkdir(exist_ok=True)
        (project.cv.parent / "output" / "cv.html").write_text("an output")
        time.sleep(1.0)  # an unwanted rebuild would have happened by now (debounce 0.3 s)
        assert seen == ["Jonas Åberg", "error", "Jonas Berg"]
        assert len(errors) == 1 and "nmae" in str(errors[0])
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def _wait_for(condition, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


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


def test_an_output_field_its_format_ignores_is_reported_with_its_line(project: Sources) -> None:
    text = project.cv.read_text(encoding="utf-8")
    project.cv.write_text(text.replace("- html\n", "- {format: html, engine: typst}\n"))
    result = CliRunner().invoke(main, ["check", "--cv", str(project.cv)])
    assert result.exit_code == 1
    assert "engine does not apply to a html output; engine is for pdf" in result.output
    assert "cv.yaml:" in result.output and "Traceback" not in result.output


def test_watch_follows_styles_words_and_reference_documents(project: Sources) -> None:
    from cvgen.build.watch import Inputs

    here = project.cv.parent
    project.cv.write_text(
        project.cv.read_text(encoding="utf-8")
        + "  - {format: docx, reference_docx: letterhead/ours.dotx}\n",
        encoding="utf-8",
    )
    inputs = Inputs(project)
    for watched in ("cv.yaml", "publications.bib", "mine.csl", "metrics.yaml",
                    "styles/apa-de.csl", "words/de.yaml", "themes/mine/cv.css",
                    "letterhead/ours.dotx"):  # fmt: skip
        assert str(here / watched) in inputs, watched
    for ignored in ("output/cv.pdf", "notes.txt", "letterhead/other.docx", "drafts/a.yaml"):
        assert str(here / ignored) not in inputs, ignored
