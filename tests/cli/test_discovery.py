"""Which cv.yaml a command reads and where it writes: the nearest cv.yaml up the tree (as git
finds .git), outputs beside it, and the embedded example only where there is none, announced
before anything else and carried by the document itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.load.sources import EXAMPLE_NOTICE, find_cv
from tests.support.paths import DATA

SMALL = DATA / "small"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A CV project with a subfolder, its own name in its cv.yaml."""
    folder = tmp_path / "mycv"
    shutil.copytree(SMALL, folder)
    (folder / "notes" / "drafts").mkdir(parents=True)
    return folder


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_find_cv_looks_up_and_stops_at_a_repository_or_home(tmp_path: Path) -> None:
    (tmp_path / "cv.yaml").write_text("person: {name: A}\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_cv(deep, home=tmp_path.parent) == Path("../../cv.yaml")
    assert find_cv(tmp_path, home=tmp_path.parent) == Path("cv.yaml")
    (tmp_path / "a" / ".git").mkdir()  # a repository inside: its root ends the search
    assert find_cv(deep, home=tmp_path.parent) is None
    assert find_cv(tmp_path / "a" / "b", home=tmp_path / "a") is None


def test_a_subfolder_uses_the_project_and_writes_beside_its_cv(project, monkeypatch) -> None:
    monkeypatch.chdir(project / "notes" / "drafts")
    name = "Jonas Åberg"  # tests/data/small's researcher, not the example's
    check = run("check")
    assert check.exit_code == 0, check.output
    assert "Example CV" not in check.output and name in check.output
    html = run("html")
    assert html.exit_code == 0, html.output
    assert (project / "output" / "cv.html").is_file()
    assert not Path("output").exists()
    assert html.stderr.splitlines()[-1] == "Wrote ../../output/cv.html"
    bio = run("bio", "--words", "40")
    assert bio.stdout.startswith("Jonas"), bio.output


def test_named_cv_writes_beside_it(project, tmp_path, monkeypatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run("html", "--cv", "../mycv/cv.yaml")
    assert result.exit_code == 0, result.output
    assert (project / "output" / "cv.html").is_file()
    assert "Created folder ../mycv/output" in result.stderr
    assert not (elsewhere / "output").exists()
    built = run("build", "--cv", "../mycv/cv.yaml")
    assert built.exit_code == 0, built.output
    assert (project / "output" / "bio.txt").is_file()


def test_an_empty_folder_announces_the_example_first(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (["check"], ["html"], ["bio"], ["filter"]):
        result = run(*args)
        assert result.exit_code == 0, result.output
        first = result.output.splitlines()[0]
        assert first.startswith(EXAMPLE_NOTICE), (args, first)
    page = (tmp_path / "output" / "cv.html").read_text(encoding="utf-8")
    assert f'<meta name="description" content="{EXAMPLE_NOTICE}.' in page.replace("&#96;", "`")
    assert page.replace("&#96;", "`").count(EXAMPLE_NOTICE) >= 2  # metadata and the page itself
    bio = run("bio", "--words", "40")
    assert bio.stdout.splitlines()[0] == f"{EXAMPLE_NOTICE}."


def test_the_example_pdf_says_so_in_its_footer_and_metadata(tmp_path, monkeypatch) -> None:
    from pypdf import PdfReader

    monkeypatch.chdir(tmp_path)
    result = run("pdf", "--engine", "typst")
    assert result.exit_code == 0, result.output
    reader = PdfReader(tmp_path / "output" / "cv.pdf")
    assert EXAMPLE_NOTICE in reader.pages[0].extract_text()
    assert EXAMPLE_NOTICE in (reader.metadata.subject or "")


def test_a_project_above_is_never_shadowed_by_the_example(project, monkeypatch) -> None:
    monkeypatch.chdir(project / "notes")
    result = run("filter", "--format", "bibtex")
    assert result.exit_code == 0, result.output
    assert "Example CV" not in result.output


def test_bib_alone_without_cv_names_the_missing_cv(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SMALL / "publications.bib", tmp_path)
    result = run("check", "--bib", "publications.bib")
    assert result.exit_code == 1
    assert "Example CV" not in result.output
    expected = "cv.yaml: no such file: give --cv the path of your cv.yaml, or run `cvgen init`"
    assert expected in result.output
