"""Is every output still current (build/freshness.py)? The report's lines, what counts as an
input, the fingerprint and the manifest; and a save made while a build loads its inputs is
never lost: the next build rebuilds, the cache keeps no entry older than its key, and
`cvgen watch` builds again at once (the save is injected by a hook inside the load)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.build.freshness import MANIFEST, Outcome, all_fresh, fingerprint, read_manifest
from cvgen.cli import main
from cvgen.load import cv_yaml
from cvgen.load.bibtex import file as bibtex
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from tests.support.paths import DATA
from tests.support.projects import copy_small

SMALL = DATA / "small"
OLD, NEW = "Method for sensing", "Method for seeing"


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("CVGEN_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copy(SMALL / "publications.bib", tmp_path / "publications.bib")
    text = (SMALL / "cv.yaml").read_text(encoding="utf-8") + "outputs: [html, bio]\n"
    (tmp_path / "cv.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _save_during(module, function: str, path: Path, old: str, new: str, monkeypatch) -> None:
    """Replace `old` by `new` in `path` right after `module.function` has run once: the file
    is saved after the loader read it and before the build finished."""
    real = getattr(module, function)

    def then_save(*args, **kwargs):
        result = real(*args, **kwargs)
        monkeypatch.setattr(module, function, real)
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        return result

    monkeypatch.setattr(module, function, then_save)


SAVES = {
    "bib": (bibtex, "parse_bibtex", "publications.bib", OLD, NEW),
    "cv.yaml": (cv_yaml, "parse_yaml", "cv.yaml", "Department of Physics", "Physics Department"),
}


@pytest.mark.parametrize("cache", ["--no-cache", "--cache"])
@pytest.mark.parametrize("saved", list(SAVES))
def test_a_save_during_the_load_is_built_next_time(project: Path, monkeypatch, saved, cache):
    module, function, name, old, new = SAVES[saved]
    args = ["build", *([cache] if cache == "--no-cache" else [])]
    runner = CliRunner()
    _save_during(module, function, project / name, old, new, monkeypatch)
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert old in (project / "output" / "cv.html").read_text()  # built from what was read
    second = runner.invoke(main, args)
    assert "up to date" not in second.output, second.output
    page = (project / "output" / "cv.html").read_text()
    assert new in page and old not in page
    assert runner.invoke(main, args).output.count("up to date") == 2


def test_the_cache_keeps_no_entry_older_than_the_file(project: Path, monkeypatch) -> None:
    sources = Sources(cv=project / "cv.yaml")
    _save_during(bibtex, "parse_bibtex", project / "publications.bib", OLD, NEW, monkeypatch)
    titles = [p.title for p in load_or_fail(sources)[0].publications]
    assert any(OLD in t for t in titles)
    titles = [p.title for p in load_or_fail(sources)[0].publications]
    assert any(NEW in t for t in titles) and not any(OLD in t for t in titles)


def test_watch_without_cache_builds_again_after_a_save_during_its_first_build(
    project: Path, monkeypatch
) -> None:
    from cvgen.build.watch import watch_and_build
    from cvgen.cli.build import run_build

    sources = Sources(cv=project / "cv.yaml", use_cache=False)
    stop = threading.Event()
    pages: list[str] = []

    def build() -> None:
        run_build(sources, project / "output", force=False)
        pages.append((project / "output" / "cv.html").read_text())
        if len(pages) == 2:
            stop.set()  # the watcher then ends at once, whatever it saw

    _save_during(bibtex, "parse_bibtex", project / "publications.bib", OLD, NEW, monkeypatch)
    thread = threading.Thread(
        target=watch_and_build, args=(sources, build, print, stop), daemon=True
    )
    thread.start()
    thread.join(timeout=25)
    assert not thread.is_alive()
    assert len(pages) == 2
    assert OLD in pages[0] and NEW in pages[1] and OLD not in pages[1]


def test_fetched_metrics_and_a_users_style_file_are_build_inputs(tmp_path, monkeypatch) -> None:
    """`cvgen metrics` or an edited .csl changes what the CV shows: not "up to date"."""
    from click.testing import CliRunner

    from cvgen.cli import main

    for name in ("cv.yaml", "publications.bib"):
        shutil.copy(SMALL / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cv.yaml").write_text(
        "outputs: [{format: markdown}]\n" + (tmp_path / "cv.yaml").read_text(encoding="utf-8")
    )
    build = ["build", "--cv", "cv.yaml"]
    assert CliRunner().invoke(main, build).exit_code == 0
    assert "up to date" in CliRunner().invoke(main, build).output
    (tmp_path / "metrics.yaml").write_text("source: OpenAlex\n", encoding="utf-8")
    assert "up to date" not in CliRunner().invoke(main, build).output
    assert "up to date" in CliRunner().invoke(main, build).output
    (tmp_path / "mine.csl").write_text("<style/>", encoding="utf-8")
    assert "up to date" not in CliRunner().invoke(main, build).output


def test_an_outcome_is_one_line_of_the_build_report() -> None:
    built = Outcome(Path("output/cv.pdf"), "built", seconds=3.21, pages=10, warnings=("w: x",))
    assert built.line() == "w: x\noutput/cv.pdf  10 pages  3.2 s"
    assert Outcome(Path("cv.html"), "unchanged").line() == "cv.html  up to date"
    assert Outcome(Path("cv.pdf"), "failed", error="TeX").line() == "cv.pdf  FAILED\nTeX"


def test_the_fingerprint_changes_with_any_input_and_fails_on_an_unreadable_one(
    tmp_path: Path,
) -> None:
    copy_small(tmp_path)
    sources = Sources(cv=tmp_path / "cv.yaml")
    bib = tmp_path / "publications.bib"
    first = fingerprint(sources, bib)
    assert first is not None and fingerprint(sources, bib) == first
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "de.yaml").write_text("x: y\n", encoding="utf-8")
    assert fingerprint(sources, bib) != first
    assert fingerprint(sources, tmp_path / "missing.bib") is None


def test_a_missing_or_damaged_manifest_means_everything_rebuilds(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) == {}
    for text in ("{not json", "[]", '{"outputs": 3}'):
        (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
        assert read_manifest(tmp_path) == {}
    assert all_fresh(Sources(cv=tmp_path / "cv.yaml"), tmp_path) is None
