"""The same inputs give byte-identical outputs, whatever folder they are built in and however
often: .tex, .html, Markdown, bio, the Jekyll export, Word files (the CV, a bio, a sketch), and
PDFs from pdflatex, lualatex and weasyprint. PDF and Word dates follow SOURCE_DATE_EPOCH
(reproducible-builds.org)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from cvgen.cli import main
from tests.support.paths import DATA

SMALL = DATA / "small"
EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC
COMMANDS = {
    "cv.tex": ["latex"],
    "cv.html": ["html"],
    "list.md": ["filter", "--format", "markdown"],
    "bio.txt": ["bio"],
    "publist.yml": ["export", "jekyll"],
    "tex.pdf": ["pdf"],  # pdflatex for the Latin CV, lualatex for the Greek one
    "weasyprint.pdf": ["pdf", "--engine", "weasyprint"],
    "cv.docx": ["docx"],
    "bio.docx": ["bio"],
    "sketch.docx": ["bio", "--format", "nih", "--truncate"],
}


def _build_all(folder: Path, greek: bool) -> dict[str, bytes]:
    """Copy the small researcher into `folder` and build every output there."""
    folder.mkdir()
    shutil.copy(SMALL / "cv.yaml", folder / "cv.yaml")
    bib = (SMALL / "publications.bib").read_text(encoding="utf-8")
    if greek:  # a Greek co-author sends the LaTeX CV to lualatex
        bib = bib.replace('M{\\"u}ller, Eva', "Παπαδόπουλος, Γιώργος")
    (folder / "publications.bib").write_text(bib, encoding="utf-8")
    runner = CliRunner()
    outputs = {}
    for name, command in COMMANDS.items():
        target = folder / "out" / name
        args = [*command, "--cv", str(folder / "cv.yaml"), "--no-cache", "-o", str(target)]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (name, result.output)
        if name == "tex.pdf":
            assert ("lualatex" if greek else "pdflatex") in result.output
        outputs[name] = target.read_bytes()
    return outputs


@pytest.mark.parametrize("greek", [False, True], ids=["latin", "greek"])
def test_same_inputs_give_identical_bytes(tmp_path: Path, monkeypatch, greek: bool) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = _build_all(tmp_path / "one", greek)
    second = _build_all(tmp_path / "second-folder", greek)
    assert [name for name in first if first[name] != second[name]] == []
    reader = pypdf.PdfReader(tmp_path / "one" / "out" / "tex.pdf")
    assert reader.metadata["/CreationDate"].startswith("D:20231114221320")
