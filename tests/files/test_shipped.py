"""Where the files shipped with cvgen are found (files/shipped.py): in a source checkout, the
repository's own example researcher; the starter files inside the package. (The HTML
templates are the classic theme's, tests/themes/.)"""

from __future__ import annotations

from cvgen.files.shipped import example_dir, starter_dir
from tests.support.paths import ROOT


def test_a_checkout_uses_the_repositorys_example() -> None:
    assert example_dir() == ROOT
    assert (example_dir() / "cv.yaml").is_file() and (example_dir() / "publications.bib").is_file()


def test_the_starter_files_are_in_the_package() -> None:
    assert starter_dir() == ROOT / "cvgen" / "starter"
    assert sorted(p.name for p in starter_dir().iterdir()) == ["cv.yaml", "publications.bib"]
