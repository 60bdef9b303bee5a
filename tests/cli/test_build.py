"""`cvgen build` through the command line: its report, the design's theme and locale per
output, Word outputs, and a full disk named output by output."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from click.testing import CliRunner

from cvgen.build.outputs import MANIFEST
from cvgen.cli import main
from cvgen.load.sources import Sources
from tests.support.projects import SMALL, designed
from tests.support.word_doc import footer_text, read, reference_docx


def test_cli_reports_each_output_and_fails_when_one_fails(
    build_project: Sources, monkeypatch
) -> None:
    monkeypatch.chdir(build_project.cv.parent)
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "output/cv.pdf  2 pages" in result.output
    assert (build_project.cv.parent / "output" / MANIFEST).exists()
    again = runner.invoke(main, ["build"])
    assert again.output.count("up to date") == 5
    build_project.cv.write_text(
        build_project.cv.read_text().replace("engine: pdflatex", "engine: xelatex")
    )
    monkeypatch.setenv("PATH", "/nonexistent")
    failed = runner.invoke(main, ["build"])
    assert failed.exit_code == 1
    assert "output/cv.pdf  FAILED" in failed.output
    assert "previous versions were kept" in failed.output


def test_build_outputs_take_a_theme_and_a_locale(tmp_path: Path, small_sources) -> None:
    outputs = "outputs:\n  - {format: latex, theme: compact, locale: de, path: de.tex}\n"
    sources = designed(tmp_path, small_sources, outputs)
    args = ["build", "--cv", str(sources.cv), "--out-dir", str(tmp_path / "output")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    tex = (tmp_path / "output" / "de.tex").read_text(encoding="utf-8")
    assert r"{section.education}Ausbildung}" in tex and r"\usepackage{tgtermes}" in tex
    assert r"\babelprovide[import,main]{german}" in tex


def test_build_warns_of_an_emptied_selection_and_a_long_handwritten_bio(tmp_path, small_sources):
    outputs = (
        "variants:\n  future: {since: 2090}\n"
        "outputs:\n  - {format: markdown, variant: future}\n  - {format: bio, words: 5}\n"
        "bio: Jonas Åberg studies how rivers carry sediment to the sea.\n"
    )
    sources = designed(tmp_path, small_sources, outputs)
    args = ["build", "--cv", str(sources.cv), "--out-dir", str(tmp_path / "output")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "warning: nothing matches the selection (variant future, since 2090)" in result.output
    assert "the handwritten bio has 10 words, over the limit of 5" in result.output


def test_build_writes_word_outputs_and_rebuilds_when_the_reference_changes(tmp_path: Path):
    folder = tmp_path
    shutil.copy(SMALL / "publications.bib", folder / "publications.bib")
    reference_docx(folder / "template.docx")
    cv = folder / "cv.yaml"
    cv.write_text(
        (SMALL / "cv.yaml").read_text(encoding="utf-8")
        + "outputs:\n  - docx\n  - {format: bio, path: bio.docx}\n"
        + "  - {format: docx, path: inst.docx, reference_docx: template.docx}\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    args = ["build", "--cv", str(cv), "--out-dir", str(folder / "out")]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    inst = read((folder / "out" / "inst.docx").read_bytes())
    assert inst.sections[0].header.paragraphs[0].text == "Institute letterhead"
    assert round(inst.sections[0].page_width.inches, 1) == 8.5  # the reference's paper
    assert "up to date" in runner.invoke(main, args).output
    reference_docx(folder / "template.docx", footer="New footer")
    rebuilt = runner.invoke(main, args)
    assert "inst.docx  up to date" not in rebuilt.output, rebuilt.output
    assert "cv.docx  up to date" in rebuilt.output
    assert footer_text(read((folder / "out" / "inst.docx").read_bytes())) == "New footer"


def test_a_full_disk_names_every_output_that_failed(small_folder: Path, monkeypatch) -> None:
    (small_folder / "cv.yaml").write_text(
        (small_folder / "cv.yaml").read_text(encoding="utf-8") + "outputs: [html, bio, markdown]\n"
    )
    import os

    def full(fd, *args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("cvgen.files.atomic.os.fsync", full)
    result = CliRunner().invoke(main, ["build", "--no-cache"])
    assert result.exit_code == 1
    for name in ("cv.html", "bio.txt", "publications.md", ".cvgen-build.json"):
        assert f"output/{name}  FAILED" in result.output
        assert f"cannot write output/{name}: No space left on device" in result.output
    assert "previous versions were kept" in result.output
    assert not any((small_folder / "output").iterdir())  # no temporary file left behind
