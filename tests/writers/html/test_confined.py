"""Templates the user's repository brings render in a confined child process (writers/html/
confined.py, child.py): jinja2's sandbox keeps them from Python's internals, the child keeps
them from taking more than 1 GB or running for ever. cvgen's own templates render in-process."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from cvgen.errors import CvgenError
from cvgen.themes import load_theme
from cvgen.writers import WriteOptions
from cvgen.writers.html import confined
from tests.support.paths import DATA
from tests.support.peak_memory import GB_IN_KB, run_measured
from tests.support.rendering import document, render

SMALL = DATA / "small"


def page(small_cv, folder: Path, legend: str) -> str:
    target = folder / "templates" / "html" / "legend.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(legend, encoding="utf-8")
    return render(small_cv, "html", source_dir=str(folder))


def test_a_users_template_renders_in_the_child(small_cv, tmp_path: Path) -> None:
    html = page(small_cv, tmp_path, '<p class="mine">{{ "legend"|upper }}</p>\n')
    assert '<p class="mine">LEGEND</p>' in html


@pytest.mark.parametrize(
    "legend",
    [
        '{{ "x".center(2000000000) }}',
        '{% set ns = namespace(s="x") %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}'
        "{% endfor %}{{ ns.s|length }}",
        '{{ ("x" * 1000000)|replace("x", "y" * 1000000) }}',
    ],
    ids=["one call", "doubling", "replace"],
)
def test_a_greedy_template_stops_at_its_memory(small_cv, tmp_path, legend, monkeypatch) -> None:
    monkeypatch.setattr(confined, "MAX_MEMORY", 400 << 20)  # the cap, smaller: a faster test
    with pytest.raises(CvgenError) as caught:
        page(small_cv, tmp_path, legend)
    assert "memory" in caught.value.message or "sandbox" in caught.value.message


def test_no_process_passes_1_gb_on_a_greedy_template(tmp_path: Path) -> None:
    shutil.copy(SMALL / "cv.yaml", tmp_path / "cv.yaml")
    shutil.copy(SMALL / "publications.bib", tmp_path / "publications.bib")
    legend = tmp_path / "templates" / "html" / "legend.html"
    legend.parent.mkdir(parents=True)
    legend.write_text(
        '{% set ns = namespace(s="x") %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}'
        "{% endfor %}{{ ns.s|length }}"
    )
    code, output, peak = run_measured(["html", "--no-cache", "-o", "out.html"], tmp_path)
    assert code == 1 and "more memory than cvgen gives it" in output, output
    assert peak < GB_IN_KB, f"{peak / 1024:.0f} MB"


def test_a_runaway_template_is_stopped(small_cv, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(confined, "TIMEOUT_SECONDS", 2)
    start = time.monotonic()
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    with pytest.raises(CvgenError, match=r"did not finish within 2 s|out of memory or time"):
        page(small_cv, tmp_path, loops)
    assert time.monotonic() - start < 10


def test_only_the_users_own_templates_leave_the_process(tmp_path: Path) -> None:
    assert not confined.users_templates(WriteOptions())
    assert not confined.users_templates(WriteOptions(source_dir=str(tmp_path)))
    (tmp_path / "templates").mkdir()
    assert confined.users_templates(WriteOptions(source_dir=str(tmp_path)))
    theme = tmp_path / "cv" / "themes" / "sly"
    theme.mkdir(parents=True)
    (theme / "theme.yaml").write_text("description: a stranger's look\n")
    own = WriteOptions(theme=load_theme("sly", tmp_path / "cv"))
    assert confined.users_templates(own)


def finished(monkeypatch, status: int, stdout: bytes = b"", stderr: bytes = b"") -> list:
    """The child's run replaced by one that ends with `status`; the commands it was given."""
    started = []

    def run(command, **kw):
        started.append((command, kw))
        return subprocess.CompletedProcess(command, status, stdout, stderr)

    monkeypatch.setattr(confined.subprocess, "run", run)
    return started


def test_the_child_is_confined_to_python_cvgen_and_the_project(monkeypatch, small_cv) -> None:
    started = finished(monkeypatch, 0, "<p>é</p>".encode())
    options = WriteOptions(source_dir="/work/cv")
    assert confined.render_confined(document(small_cv), options) == "<p>é</p>"
    [(command, kw)] = started
    reads = [command[i + 1] for i, arg in enumerate(command) if arg == "--read"]
    if reads:  # Landlock: the project, cvgen's own folder, Python
        assert "/work/cv" in reads and str(confined.PACKAGE) in reads
    assert command[-3:] == ["-I", "-m", confined.CHILD]
    assert kw["timeout"] == confined.TIMEOUT_SECONDS and "PYTHONPATH" not in kw["env"]


@pytest.mark.parametrize(
    ("status", "stderr", "expected"),
    [
        (3, b"legend.html:1: unexpected end\n", "legend.html:1: unexpected end"),
        (-9, b"", "the HTML templates were stopped (status -9): out of memory or time?"),
        (1, b"Traceback ...\nMemoryError", "the HTML templates were stopped (MemoryError): "
         "out of memory or time?"),
    ],
)  # fmt: skip
def test_the_childs_end_is_one_message(monkeypatch, small_cv, status, stderr, expected) -> None:
    finished(monkeypatch, status, stderr=stderr)
    with pytest.raises(CvgenError) as caught:
        confined.render_confined(document(small_cv), WriteOptions())
    assert caught.value.message == expected


def test_a_child_past_its_time_is_named(monkeypatch, small_cv) -> None:
    def run(command, **kw):
        raise subprocess.TimeoutExpired(command, kw["timeout"])

    monkeypatch.setattr(confined.subprocess, "run", run)
    with pytest.raises(CvgenError, match=r"did not finish within 120 s; nothing was written"):
        confined.render_confined(document(small_cv), WriteOptions())
