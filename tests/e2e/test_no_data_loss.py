"""A failed build never damages a previous output, and concurrent builds leave valid files.

Each writing command is failed mid-way twice: once while rendering (a backend error) and once
while writing (the disk refuses the rename). Either way the previous file keeps its bytes,
no temporary file is left behind, and the user gets a message, not a traceback.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.errors import CvgenError
from tests.support.html_doc import parse
from tests.support.paths import DATA

SMALL = DATA / "small"
WRITERS = {
    "html": (["html"], "cv.html"),
    "latex": (["latex"], "cv.tex"),
    "pdf": (["pdf", "--engine", "pdflatex"], "cv.pdf"),
    "weasyprint": (["pdf", "--engine", "weasyprint"], "cv.pdf"),
    "bio": (["bio"], "bio.txt"),
    "filter": (["filter", "--format", "markdown"], "list.md"),
    "jekyll": (["export", "jekyll"], "publist.yml"),
}
# What each writer renders with; failing it fails the command after loading, mid-way.
RENDER_STEPS = {
    "html": "cvgen.writers.html.writer.HtmlWriter.write",
    "latex": "cvgen.writers.latex.writer.LatexWriter.write",
    "pdf": "cvgen.writers.pdf.writer.run_tex",
    "weasyprint": "cvgen.writers.pdf.weasy.html_to_pdf",
    "bio": "cvgen.bio.shortbio.compose",
    "filter": "cvgen.writers.lists.render",
    "jekyll": "cvgen.exports.jekyll.export",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    for name in ("cv.yaml", "publications.bib"):
        shutil.copy(SMALL / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _fail(*args, **kwargs):
    raise CvgenError("simulated failure half-way through")


def _run(writer: str, target: Path):
    args, _ = WRITERS[writer]
    return CliRunner().invoke(main, [*args, "-o", str(target)])


@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize("stage", ["render", "write"])
def test_a_failed_build_keeps_the_previous_output(project: Path, monkeypatch, writer, stage):
    target = project / "out" / WRITERS[writer][1]
    assert _run(writer, target).exit_code == 0
    previous = target.read_bytes()
    if stage == "render":
        monkeypatch.setattr(RENDER_STEPS[writer], _fail)
    else:
        monkeypatch.setattr("cvgen.files.atomic.os.replace", _disk_full)
    result = _run(writer, target)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "simulated failure" in result.output or "No space left" in result.output
    assert target.read_bytes() == previous
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary files


def _disk_full(source, destination):
    raise OSError(28, "No space left on device")


def test_concurrent_builds_into_one_folder_leave_valid_files(project: Path) -> None:
    text = (project / "cv.yaml").read_text(encoding="utf-8")
    outputs = "outputs: [html, latex, markdown, {format: bio, words: 80}]\n"
    (project / "cv.yaml").write_text(text + outputs, encoding="utf-8")
    cli = [sys.executable, "-c", "import sys; from cvgen.cli import main; sys.exit(main())"]
    jobs = [["build", "--force", "--no-cache"]] * 3 + [["html", "-o", "output/cv.html"]] * 2
    processes = [subprocess.Popen([*cli, *args], cwd=project) for args in jobs]
    assert [process.wait(timeout=120) for process in processes] == [0] * len(jobs)
    out = project / "output"
    assert sorted(p.name for p in out.iterdir()) == [
        ".cvgen-build.json",
        "bio.txt",
        "cv.html",
        "cv.tex",
        "publications.md",
    ]
    parse((out / "cv.html").read_text(encoding="utf-8"))
    assert (out / "cv.tex").read_text(encoding="utf-8").rstrip().endswith(r"\end{document}")
    assert json.loads((out / ".cvgen-build.json").read_text(encoding="utf-8"))["complete"]
    listing = (out / "publications.md").read_text(encoding="utf-8")
    assert listing.startswith("# Publications") and "\n# Patents\n" in listing  # whole
