"""A theme's Typst template compiles confined (writers/typst/writer.py, child.py): it sees a
private copy of its own folder and nothing else, downloads no package, and is stopped past its
time and memory; every failure is one message."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from cvgen.errors import CvgenError
from cvgen.themes import load_theme
from cvgen.writers import WriteOptions
from cvgen.writers.typst import writer as typst_writer
from cvgen.writers.typst.writer import typeset_typst
from tests.support.paths import DATA
from tests.support.peak_memory import GB_IN_KB, run_measured
from tests.support.rendering import document

SECRET = "SECRET-typst-51c2"
SMALL = DATA / "small"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A CV folder with a theme 'sly' of its own, and a secret beside the folder."""
    folder = tmp_path / "cv" / "themes" / "sly"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("description: a stranger's look\n")
    (tmp_path / "secret.txt").write_text(SECRET)
    return tmp_path / "cv"


def typeset(small_cv, project: Path, template: str) -> bytes:
    (project / "themes" / "sly" / "typst.typ").write_text(template)
    options = WriteOptions(theme=load_theme("sly", project), source_dir=str(project))
    return typeset_typst(document(small_cv), options)


def failure(small_cv, project: Path, template: str) -> str:
    with pytest.raises(CvgenError) as caught:
        typeset(small_cv, project, template)
    assert SECRET not in caught.value.message and "Traceback" not in caught.value.message
    return caught.value.message


def test_the_template_may_read_its_own_files(small_cv, project: Path) -> None:
    (project / "themes" / "sly" / "note.txt").write_text("a note of the theme")
    assert typeset(small_cv, project, '#read("note.txt")').startswith(b"%PDF")


@pytest.mark.parametrize(
    "template",
    ['#read("/etc/hostname")', '#read("../../secret.txt")', '#read("../secret.txt")',
     '#image("/etc/hostname")', '#read(".env")'],
)  # fmt: skip
def test_the_template_reads_nothing_outside_its_copy(small_cv, project: Path, template) -> None:
    (project / "themes" / "sly" / ".env").write_text(SECRET)  # hidden: never copied
    message = failure(small_cv, project, template)
    assert "Typst could not typeset the CV" in message


def test_a_link_out_of_the_theme_is_refused_before_typst_runs(small_cv, project: Path) -> None:
    (project / "themes" / "sly" / "data.txt").symlink_to(project.parent / "secret.txt")
    message = failure(small_cv, project, '#read("data.txt")')
    assert "data.txt leads out of" in message


def test_no_package_is_downloaded(small_cv, project: Path) -> None:
    start = time.monotonic()
    for template in (
        '#import "@preview/cetz:0.2.2"',
        '#let p = "@pre" + "view/x:0.1.0"\n#import p',
    ):
        message = failure(small_cv, project, template)
        assert "failed to download package" in message or "not found" in message
    assert time.monotonic() - start < 20


def test_a_runaway_template_is_stopped(small_cv, project: Path, monkeypatch) -> None:
    monkeypatch.setattr(typst_writer, "TIMEOUT_SECONDS", 2)
    start = time.monotonic()
    loops = "#for i in range(100000) { for j in range(100000) { let k = i * j } }"
    message = failure(small_cv, project, loops)
    assert time.monotonic() - start < 10
    assert "did not finish within 2 s" in message or "ran out of the memory or time" in message


def test_a_greedy_template_is_stopped_at_its_memory(project: Path) -> None:
    shutil.copy(SMALL / "publications.bib", project / "publications.bib")
    cv = (SMALL / "cv.yaml").read_text(encoding="utf-8") + "design: {theme: sly}\n"
    (project / "cv.yaml").write_text(cv, encoding="utf-8")
    greedy = "#let a = range(1000000)\n#let b = (a,) * 400\n#let c = b.flatten()\n#c.len()"
    (project / "themes" / "sly" / "typst.typ").write_text(greedy)
    args = ["pdf", "--engine", "typst", "--no-cache", "-o", "out.pdf"]
    code, output, peak = run_measured(args, project)
    assert code == 1 and "Typst could not typeset the CV" in output, output
    assert peak < GB_IN_KB, f"{peak / 1024:.0f} MB"
