"""A CV repository cloned from a stranger cannot lead cvgen's reads or writes out of the project
or the output folder (links, `..`, hidden folders), and no command writes over its own
inputs, whatever `-o` says. Each refusal is one message, exit status 1, nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cvgen.bio.profile import PROFILE_DIR
from cvgen.citations.catalog import _packaged_file
from cvgen.cli import main
from tests.support.file_tree import snapshot

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
CV = "person:\n  name: Ada Example\n  email: ada@example.edu\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stranger's CV repository in ~/cv, with the user's secrets in ~ beside it."""
    home = tmp_path / "home"
    project = home / "cv"
    (project / "words").mkdir(parents=True)
    (project / "words" / "de.yaml").write_text("language: de\n")
    (project / "templates" / "html").mkdir(parents=True)
    (project / "templates" / "html" / "legend.html").write_text("<p>legend</p>\n")
    (project / "styles").mkdir()
    shutil.copy(BAD / "_valid.bib", project / "publications.bib")
    (project / "cv.yaml").write_text(CV)
    (project / "mine.csl").write_text("<style/>\n")
    shutil.copy(PROFILE_DIR / "nsf.yaml", project / "profile.yaml")
    shutil.copy(_packaged_file("apa"), project / "apa.csl")
    (project / "metrics.yaml").write_text("source: OpenAlex\n")
    (home / ".bashrc").write_text("export PATH=$PATH\n")
    (home / ".ssh").mkdir()
    (home / ".ssh" / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    monkeypatch.chdir(project)
    return project


def cvgen(*args: str) -> Result:
    return CliRunner().invoke(main, [*args], catch_exceptions=False)


def refused(repo: Path, args: list[str], expected: str) -> str:
    home = repo.parent
    before = snapshot(home)
    result = cvgen(*args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "BEGIN OPENSSH" not in result.output
    assert expected in result.output.replace(str(repo) + "/", "")
    assert snapshot(home) == before
    return result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["filter", "--format", "bibtex", "-o", "publications.bib"], "the publication list"),
        (["filter", "-o", "cv.yaml"], "would overwrite the CV data this command reads"),
        (["html", "-o", "cv.yaml"], "would overwrite the CV data"),
        (["html", "-o", "templates/html/legend.html"], "would overwrite a file this command"),
        (["latex", "-o", "templates/html/new.tex"], "is inside templates, whose files"),
        (["pdf", "--engine", "typst", "-o", "cv.yaml"], "would overwrite the CV data"),
        (["docx", "-o", "publications.bib"], "the publication list"),
        (["bio", "-o", "words/de.yaml"], "would overwrite a file this command reads"),
        (["bio", "--format", "profile.yaml", "-o", "profile.yaml"], "would overwrite a file"),
        (["export", "jekyll", "-o", "cv.yaml"], "would overwrite the CV data"),
        (["export", "al-folio", "-o", "mine.csl"], "would overwrite a file"),
        (["export", "document", "-o", "metrics.yaml"], "would overwrite a file"),
        (["stats", "--plot", "styles/chart.svg"], "is inside styles, whose files"),
        (["html", "--style", "apa.csl", "-o", "apa.csl"], "would overwrite a file"),
    ],
)
def test_no_command_writes_over_its_inputs(repo: Path, args: list[str], expected: str) -> None:
    output = refused(repo, args, expected)
    assert "nothing was written" in output


def test_a_reference_document_is_never_its_own_output(repo: Path) -> None:
    import docx

    docx.Document().save(repo / "ref.docx")
    refused(repo, ["docx", "--reference-docx", "ref.docx", "-o", "ref.docx"], "reference document")


@pytest.mark.parametrize("command", [["build"], ["html"], ["pdf", "--engine", "typst"], ["docx"]])
def test_an_output_folder_linked_out_is_refused(repo: Path, command: list[str]) -> None:
    (repo / "output").symlink_to(repo.parent, target_is_directory=True)
    (repo / "cv.yaml").write_text(CV + "outputs:\n  - {format: bio, path: .bashrc}\n")
    refused(repo, command, "leads out of")
    assert ".bashrc" not in snapshot(repo)


def test_hidden_outputs_are_refused_even_inside(repo: Path) -> None:
    (repo / "cv.yaml").write_text(CV + "outputs:\n  - {format: bio, path: .git/hooks/pre-commit}\n")
    refused(repo, ["build", "--out-dir", "."], "hidden")


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("publications: {bib: ../.bashrc}", "publications: bib: in cv.yaml,"),
        ("publications: {bib: ../.ssh/id_rsa}", "leads out of"),
        ("publications: {bib: .git/config}", "hidden"),
        ("design: {words: ../.bashrc}", "design.words: the words file"),
        ("design: {citation_style: ../x.csl}", "design.citation_style:"),
        ("outputs:\n  - {format: docx, reference_docx: ../private.docx}", "reference_docx:"),
    ],
)
def test_paths_cv_yaml_names_stay_in_the_project(repo: Path, setting: str, expected: str) -> None:
    (repo.parent / "private.docx").write_bytes(b"secret")
    (repo.parent / "x.csl").write_text("<style/>")
    (repo / "cv.yaml").write_text(CV + setting + "\n")
    command = ["build"] if "outputs" in setting else ["html", "-o", "out.html"]
    refused(repo, command, expected)


@pytest.mark.parametrize("command", [["import", "doi", "10.1000/x"], ["sync"], ["metrics"]])
def test_imports_never_append_to_a_file_out_of_the_project(repo: Path, command) -> None:
    (repo / "cv.yaml").write_text(
        CV + "  orcid: 0000-0002-7134-5861\npublications:\n  bib: ../.bashrc\n"
        "  sources: {dblp: 71/8342}\n"
    )
    refused(repo, command, "leads out of")


def test_the_bib_may_be_typed_anywhere(repo: Path, tmp_path: Path) -> None:
    shared = tmp_path / "lab" / "papers.bib"
    shared.parent.mkdir()
    shutil.copy(BAD / "_valid.bib", shared)
    (repo / "cv.yaml").write_text(CV + "publications: {bib: ../.bashrc}\n")
    result = cvgen("html", "--bib", str(shared), "-o", "out.html")
    assert result.exit_code == 0, result.output


def test_a_default_cv_yaml_linked_out_is_refused(repo: Path) -> None:
    (repo / "cv.yaml").unlink()
    (repo / "cv.yaml").symlink_to(repo.parent / ".bashrc")
    refused(repo, ["check"], "./cv.yaml")


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ("templates -> ..", "the templates folder"),
        ("themes -> ..", "leads out of"),
        ("themes/sly -> ~/sly", "leads out of"),
        ("words -> ~/.ssh", "the words folder"),
    ],
)
def test_folders_beside_cv_yaml_linked_out_are_refused(repo: Path, layout: str, expected) -> None:
    page = repo.parent.parent / "page.html"  # outside the folders the links lead to
    name, _, target = layout.partition(" -> ")
    where = repo / name
    if where.exists():
        shutil.rmtree(where)
    where.parent.mkdir(parents=True, exist_ok=True)
    home = repo.parent
    where.symlink_to(
        {"..": home, "~/sly": home / "sly", "~/.ssh": home / ".ssh"}[target],
        target_is_directory=True,
    )
    (home / "theme.yaml").write_text("description: a stranger's look\n")
    (home / "sly").mkdir()
    (home / "sly" / "theme.yaml").write_text("description: a stranger's look\n")
    theme = "design: {theme: sly, locale: de}\n" if "themes" in name else "design: {locale: de}\n"
    (repo / "cv.yaml").write_text(CV + theme)
    (home / ".ssh" / "de.yaml").write_text("language: de\n")
    refused(repo, ["html", "-o", str(page)], expected)


def test_a_template_cannot_include_a_hidden_file_of_the_project(repo: Path) -> None:
    (repo / ".env").write_text("TOKEN=abc\n")
    (repo / "templates" / "html" / "legend.html").write_text('{% include "../.env" %}\n')
    (repo / "templates" / "html" / "header.html").write_text("{% include 'x/../.env' %}\n")
    result = cvgen("html", "-o", "out.html")
    assert result.exit_code == 1 and "TOKEN" not in result.output
    assert not (repo / "out.html").exists()
