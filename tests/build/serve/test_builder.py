"""The preview follows the files as an editor saves them: every save shown, mistakes with their
line over the last good preview, however the file is saved and however fast."""

from __future__ import annotations

import io
import os
import random
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from cvgen.build.serve import builder
from cvgen.build.serve.choice import Choice
from cvgen.build.serve.server import Preview
from tests.support.serving import (
    BAD_LINE,
    BAD_MONTH,
    ROOT,
    example_project,
    previewing,
    settled,
    wait_until,
)

POSITION = "position: Associate Professor of Computer Science"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return example_project(tmp_path / "project")


@pytest.fixture
def preview(project: Path):
    with previewing(project) as running:
        yield running


def with_position(cv: Path, title: str) -> str:
    """The example's cv.yaml with another position (whatever `cv` holds now)."""
    return (ROOT / "cv.yaml").read_text(encoding="utf-8").replace(POSITION, f"position: {title}")


def html_of(preview: Preview) -> str:
    html = preview.channel.state.html
    return html.data.decode() if html else ""


def pdf_text(preview: Preview) -> str:
    pdf = preview.channel.state.pdf
    assert pdf is not None
    return PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()


def shows(preview: Preview, text: str) -> bool:
    """The web page and the PDF show `text`, with no problem listed."""
    state = preview.channel.state
    return (
        settled(preview)
        and not state.problems
        and text in html_of(preview)
        and (text in pdf_text(preview))
    )


def errors_of(preview: Preview) -> list[dict]:
    return [p for p in preview.channel.state.problems if p["severity"] == "error"]


def test_a_save_updates_the_web_page_and_the_pdf(preview: Preview, project: Path) -> None:
    pages = preview.channel.state.pages
    project.write_text(with_position(project, "Reader in Optimisation"), encoding="utf-8")
    wait_until(lambda: shows(preview, "Reader in Optimisation"))
    assert preview.channel.state.pages[0] != pages[0]  # the first page redrawn
    assert preview.channel.state.pages[-1] == pages[-1]  # the last unchanged: same address


def test_an_error_is_shown_with_its_line_over_the_last_good_preview(
    preview: Preview, project: Path
) -> None:
    good = project.read_text(encoding="utf-8")
    html, pdf = preview.channel.state.html, preview.channel.state.pdf
    project.write_text(good.replace(*BAD_MONTH), encoding="utf-8")
    [error] = wait_until(lambda: settled(preview) and errors_of(preview))
    line = BAD_LINE
    where = (error["file"], error["line"], error["field"])
    assert where == (str(project), line, "education[0].start")
    assert error["message"] == "month 13 is not between 1 and 12 in '2006-13'"
    assert {"number": line, "text": "    start: 2006-13", "here": True} in error["quote"]
    assert (preview.channel.state.html, preview.channel.state.pdf) == (html, pdf)  # kept
    project.write_text(good, encoding="utf-8")
    wait_until(lambda: settled(preview) and not preview.channel.state.problems)
    assert preview.channel.state.html == html  # the same file again: the same page


def test_yaml_broken_mid_edit_is_an_error_with_its_line(preview: Preview, project: Path) -> None:
    good = project.read_text(encoding="utf-8")
    project.write_text(good.replace("  email: m.adler", "  email: [m.adler"), encoding="utf-8")
    [error] = wait_until(lambda: settled(preview) and errors_of(preview))
    assert error["message"].startswith("YAML syntax error")
    email = good.splitlines().index("  email: m.adler-katz@nbit.ac.uk") + 1
    assert error["line"] == email + 1  # where the parser found the list unclosed
    quoted = {"number": email, "text": "  email: [m.adler-katz@nbit.ac.uk", "here": False}
    assert quoted in error["quote"]
    assert preview.channel.state.html is not None
    project.write_text(good[: len(good) // 2], encoding="utf-8")  # half the file, saved
    wait_until(lambda: settled(preview) and errors_of(preview) != [error])
    project.write_text(good, encoding="utf-8")
    wait_until(lambda: settled(preview) and not preview.channel.state.problems)


def atomic_save(cv: Path, text: str) -> None:
    """As most editors save: a new file beside, renamed over the old one."""
    temporary = cv.with_name(f".{cv.name}.tmp{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, cv)


def vim_save(cv: Path, text: str) -> None:
    """As vim saves by default: a swap file, the old file renamed to a backup, a new file
    written, the backup deleted."""
    swap = cv.with_name(f".{cv.name}.swp")
    swap.write_bytes(b"b0VIM 9.0")
    backup = cv.with_name(cv.name + "~")
    os.rename(cv, backup)
    cv.write_text(text, encoding="utf-8")
    backup.unlink()
    swap.unlink()


@pytest.mark.parametrize("save", [atomic_save, vim_save])
def test_editors_that_replace_the_file(preview: Preview, project: Path, save) -> None:
    for title in ("Reader in Optimisation", "Professor of Learning Theory"):
        save(project, with_position(project, title))
        wait_until(lambda title=title: shows(preview, title))


def test_an_editor_s_own_files_build_nothing(preview: Preview, project: Path) -> None:
    version = preview.channel.state.version
    for name in (".cv.yaml.swp", "cv.yaml~", "4913", ".cv.yaml.tmp123", "notes.txt"):
        (project.parent / name).write_text("scratch", encoding="utf-8")
    time.sleep(1.0)
    assert preview.channel.state.version == version


def test_the_bib_deleted_and_restored(preview: Preview, project: Path) -> None:
    bib = project.parent / "publications.bib"
    kept, html = bib.read_bytes(), preview.channel.state.html
    bib.unlink()
    [error] = wait_until(lambda: settled(preview) and errors_of(preview))
    assert (error["file"], error["message"]) == (str(bib), "file not found")
    assert preview.channel.state.html == html
    bib.write_bytes(kept)
    wait_until(lambda: settled(preview) and not preview.channel.state.problems)
    assert preview.channel.state.html == html


BROKEN = [
    lambda text: text.replace(*BAD_MONTH),  # invalid data
    lambda text: text.replace("  email: m.adler", "  email: [m.adler"),  # invalid YAML
    lambda text: text[: len(text) // 3],  # saved mid-edit
    lambda text: "",  # emptied
]


def rapid_saves(cv: Path, seconds: float, per_second: int, seed: int) -> str:
    """Saves of valid and invalid content, `per_second` of them; the last valid title."""
    good, chooser = cv.read_text(encoding="utf-8"), random.Random(seed)
    last = ""
    for n in range(int(seconds * per_second)):
        if chooser.random() < 0.5:
            last = f"Professor No. {n}"
            text = good.replace(POSITION, f"position: {last}")
        else:
            text = chooser.choice(BROKEN)(good)
        save = chooser.choice([lambda p, t: p.write_text(t, encoding="utf-8"), atomic_save])
        save(cv, text)
        time.sleep(1 / per_second)
    return last


def test_fifty_saves_a_second_end_on_the_last_file(preview: Preview, project: Path) -> None:
    rapid_saves(project, seconds=2, per_second=50, seed=1)
    project.write_text(with_position(project, "The Final Title"), encoding="utf-8")
    wait_until(lambda: shows(preview, "The Final Title"))


def test_fifty_saves_a_second_ending_broken_show_its_error(preview: Preview, project: Path) -> None:
    good = project.read_text(encoding="utf-8")
    rapid_saves(project, seconds=2, per_second=50, seed=2)
    project.write_text(good.replace(*BAD_MONTH), encoding="utf-8")

    def final_error() -> list[dict]:
        errors = errors_of(preview) if settled(preview) else []
        return [e for e in errors if (e["line"], e["field"]) == (BAD_LINE, "education[0].start")]

    assert len(wait_until(final_error)) == len(errors_of(preview)) == 1
    assert "Professor No. " in html_of(preview)  # kept: a valid save's (one the builder read)


def test_a_words_file_in_a_new_folder_is_watched(preview: Preview, project: Path) -> None:
    words = project.parent / "words"
    words.mkdir()
    time.sleep(0.5)  # the new folder is watched from its creation
    (words / "en.yaml").write_text("sections:\n  education: Schooling\n", encoding="utf-8")
    wait_until(lambda: settled(preview) and ">Schooling<" in html_of(preview))


def test_a_link_to_the_root_in_the_project_is_not_walked(project: Path) -> None:
    (project.parent / "everything").symlink_to("/")
    with previewing(project) as preview:
        project.write_text(with_position(project, "Reader in Optimisation"), encoding="utf-8")
        wait_until(lambda: shows(preview, "Reader in Optimisation"))


def test_the_bio_and_a_biosketch_are_shown_as_text(preview: Preview) -> None:
    assert preview.builder.choose(Choice(view="bio")) is None
    text = wait_until(lambda: settled(preview) and preview.channel.state.text)
    assert text.startswith("Dr Miriam Adler-Katz, FIMA, is an Associate Professor")
    assert preview.builder.choose(Choice(view="nsf")) is None
    wait_until(lambda: settled(preview) and "Products" in (preview.channel.state.text or ""))
    assert (preview.channel.state.text or "").startswith("Biographical Sketch\n")
    notes = [p["message"] for p in preview.channel.state.problems]  # the products picked
    related = "Products Most Closely Related to the Proposed Project: 5 picked of 56 eligible"
    assert any(note.startswith(f"{related} (NSF allows 5: ") for note in notes)


def test_a_bug_is_shown_and_the_preview_goes_on(
    preview: Preview, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    real = builder.web_page
    monkeypatch.setattr(builder, "web_page", broken)
    project.write_text(with_position(project, "Reader in Optimisation"), encoding="utf-8")
    [error] = wait_until(lambda: settled(preview) and errors_of(preview))
    assert error["message"] == "cvgen failed (RuntimeError: a bug); please report this"
    monkeypatch.setattr(builder, "web_page", real)
    project.write_text(with_position(project, "Professor of Learning Theory"), encoding="utf-8")
    wait_until(lambda: shows(preview, "Professor of Learning Theory"))
