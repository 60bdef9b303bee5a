"""Where a command writes its one file (build/targets.py): never over a file it reads, never
into an input folder or onto a folder, and a default path never out of the folder of cv.yaml
through a link; what the user typed is taken as typed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cvgen.build.request import Presentation, Request
from cvgen.build.targets import Target, read_files, refuse, write_target
from cvgen.files.project import ConfinementError
from cvgen.load.sources import Sources
from cvgen.model import CvData, Design, Person


@pytest.fixture
def sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sources:
    """A CV folder, the current folder, with a template, a style and a words file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cv.yaml").write_text("person: {name: Ada}\n")
    (tmp_path / "publications.bib").write_text("")
    (tmp_path / "templates" / "html").mkdir(parents=True)
    (tmp_path / "templates" / "html" / "page.html").write_text("{{ x }}")
    for name in ("my.csl", "words.yaml", "ref.docx"):
        (tmp_path / name).write_text("")
    return Sources(cv=Path("cv.yaml"))


DATA = CvData(person=Person(name="Ada"), design=Design(citation_style="my.csl"))


def refusal(target: Target, sources: Sources, data: CvData | None = DATA, **kw) -> str:
    with pytest.raises(ConfinementError) as refused:
        refuse(target, sources, data, **kw)
    return refused.value.message


def test_every_file_the_command_reads_is_named_with_its_role(sources: Sources) -> None:
    request = Request(presentation=Presentation(reference_docx=Path("ref.docx")))
    files = read_files(sources, DATA, request, extra=(Path("profile.yaml"),))
    assert files[:3] == [
        ("the CV data", Path("cv.yaml")),
        ("the publication list", Path("publications.bib")),
        ("the reference document", Path("ref.docx")),
    ]
    others = {path for role, path in files[3:] if role == "a file"}
    assert {Path("templates/html/page.html"), Path("my.csl"), Path("words.yaml")} <= others
    assert Path("profile.yaml") in others


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("cv.yaml", "cv.yaml would overwrite the CV data this command reads (cv.yaml); name "
         "the output otherwise; nothing was written"),
        ("publications.bib", "would overwrite the publication list this command reads"),
        ("my.csl", "my.csl would overwrite a file this command reads (my.csl)"),
        ("templates/html/new.html", "templates/html/new.html is inside templates, whose files "
         "this command reads; nothing was written"),
    ],
)  # fmt: skip
def test_an_input_is_never_a_target(sources: Sources, path: str, expected: str) -> None:
    assert expected in refusal(Target(Path(path)), sources)


def test_the_reference_document_is_no_target(sources: Sources) -> None:
    request = Request(presentation=Presentation(reference_docx=Path("ref.docx")))
    message = refusal(Target(Path("ref.docx")), sources, None, request=request)
    assert "would overwrite the reference document this command reads" in message


def test_a_folder_or_a_file_in_the_way_is_no_target(sources: Sources) -> None:
    Path("out").mkdir()
    assert (
        refusal(Target(Path("out")), sources)
        == "out is a folder; give a file name; nothing was written"
    )
    message = refusal(Target(Path("my.csl/cv.pdf")), sources)
    assert "cannot be written:" in message and "my.csl is a file, not a folder" in message


def test_a_default_path_stays_in_the_folder_of_cv_yaml(sources: Sources) -> None:
    Path("inner").mkdir()
    Path("inner/cv.yaml").write_text("person: {name: Ada}\n", encoding="utf-8")
    Path("inner/output").symlink_to("..")  # a cloned repository's link to its parent
    inner = Sources(cv=Path("inner/cv.yaml"))
    message = refusal(Target(Path("inner/output/cv.pdf"), typed=False), inner, None)
    assert message.startswith("inner/output/cv.pdf leads out of the folder of inner/cv.yaml")
    refuse(Target(Path("inner/output/cv.pdf"), typed=True), inner, None)  # typed: taken as typed


def test_a_target_that_is_allowed_is_written_atomically(sources: Sources) -> None:
    written = write_target(Target(Path("output/cv.html"), typed=False), "<p>", sources, DATA)
    assert written == Path("output/cv.html") and written.read_text() == "<p>"
    assert sorted(os.listdir("output")) == ["cv.html"]  # no temporary file left behind


def test_a_refused_target_is_not_written(sources: Sources) -> None:
    with pytest.raises(ConfinementError):
        write_target(Target(Path("cv.yaml")), "overwritten", sources, DATA)
    assert Path("cv.yaml").read_text() == "person: {name: Ada}\n"
