"""Which folders `cvgen watch` and `cvgen serve` watch: each on its own, links never followed."""

from __future__ import annotations

from pathlib import Path

import pytest
from serving import example_project

from cvgen.build.watch import Inputs, watched_folders
from cvgen.load.sources import Sources


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return example_project(tmp_path / "project")


def test_the_project_folder_and_every_folder_of_its_themes_are_watched(project: Path) -> None:
    here = project.parent
    for folder in ("themes/mine/html", "templates/html", "words"):
        (here / folder).mkdir(parents=True)
    assert watched_folders(Inputs(Sources(cv=project))) == sorted(
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


def test_links_are_not_followed(project: Path, tmp_path: Path) -> None:
    here = project.parent
    (here / "everything").symlink_to("/")
    (here / "themes").mkdir()
    (here / "themes" / "root").symlink_to("/")
    (tmp_path / "elsewhere" / "deep").mkdir(parents=True)
    (here / "templates").symlink_to(tmp_path / "elsewhere")
    assert watched_folders(Inputs(Sources(cv=project))) == [here.resolve(), here / "themes"]


def test_the_folder_of_a_bib_elsewhere_is_watched(project: Path, tmp_path: Path) -> None:
    (tmp_path / "library").mkdir()
    sources = Sources(cv=project, bib=tmp_path / "library" / "all.bib")
    expected = sorted([project.parent.resolve(), tmp_path / "library"])
    assert watched_folders(Inputs(sources)) == expected
