"""`cvgen watch` (build/watch.py): rebuilds on save, survives errors, follows every input;
which folders it (and `cvgen serve`) watches: each on its own, links never followed."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from cvgen.build.watch import Inputs, watched_folders
from cvgen.errors import CvgenError
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from tests.support.serving import example_project


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


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """The example's cv.yaml in a folder of its own."""
    return example_project(tmp_path / "project")


def test_the_project_folder_and_every_folder_of_its_themes_are_watched(example: Path) -> None:
    here = example.parent
    for folder in ("themes/mine/html", "templates/html", "words"):
        (here / folder).mkdir(parents=True)
    assert watched_folders(Inputs(Sources(cv=example))) == sorted(
        [
            here.resolve(),
            here / "templates",
            here / "templates" / "html",
            here / "themes",
            here / "themes" / "mine",
            here / "themes" / "mine" / "html",
            here / "words",
        ]
    )


def test_links_are_not_followed(example: Path, tmp_path: Path) -> None:
    here = example.parent
    (here / "everything").symlink_to("/")
    (here / "themes").mkdir()
    (here / "themes" / "root").symlink_to("/")
    (tmp_path / "elsewhere" / "deep").mkdir(parents=True)
    (here / "templates").symlink_to(tmp_path / "elsewhere")
    assert watched_folders(Inputs(Sources(cv=example))) == [here.resolve(), here / "themes"]


def test_the_folder_of_a_bib_elsewhere_is_watched(example: Path, tmp_path: Path) -> None:
    (tmp_path / "library").mkdir()
    sources = Sources(cv=example, bib=tmp_path / "library" / "all.bib")
    expected = sorted([example.parent.resolve(), tmp_path / "library"])
    assert watched_folders(Inputs(sources)) == expected
