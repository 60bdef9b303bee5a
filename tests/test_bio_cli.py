"""`cvgen bio` end to end: formats, biosketch outputs, limit failures and warnings."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cvgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SMALL = ["--cv", str(DATA / "small" / "cv.yaml")]
EXAMPLE = ["--cv", str(ROOT / "cv.yaml")]
RECENT = sum(
    int(line.split("=")[1].strip(' {},"')) >= 2018
    for line in (ROOT / "publications.bib").read_text(encoding="utf-8").splitlines()
    if line.strip().startswith("year")
)


def run(*args: str):
    return CliRunner().invoke(main, ["bio", *args])


def test_bio_respects_the_word_limit_and_person():
    result = run(*SMALL, "--words", "40", "--person", "first")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("I am Professor of Physics & Data at Example University.")
    assert len(result.stdout.split()) <= 40


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "Jonas Åberg is Professor of Physics & Data"),
        ("markdown", r"Jonas Åberg is Professor of Physics \& Data"),
        ("latex", r"Jonas Åberg is Professor of Physics \& Data"),
        ("html", "<p>Jonas Åberg is Professor of Physics &amp; Data"),
    ],
)
def test_bio_formats_escape_through_the_backends(fmt, expected):
    result = run(*SMALL, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(expected)


def test_bio_writes_a_file(tmp_path):
    out = tmp_path / "bio.md"
    result = run(*SMALL, "-o", str(out), "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("Jonas Åberg is Professor")


def test_a_handwritten_bio_over_the_limit_is_used_with_a_warning(tmp_path):
    shutil.copy(DATA / "small" / "publications.bib", tmp_path)
    text = (DATA / "small" / "cv.yaml").read_text(encoding="utf-8")
    (tmp_path / "cv.yaml").write_text(text + "bio: Jonas writes his own bio, thanks.\n", "utf-8")
    result = run("--cv", str(tmp_path / "cv.yaml"), "--words", "3", "--no-cache")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Jonas writes his own bio, thanks.\n"
    assert "warning: the handwritten bio has 6 words, over the limit of 3" in result.stderr


def test_an_unknown_format_is_a_usage_error():
    result = run(*SMALL, "--format", "nfs")
    assert result.exit_code == 2
    assert "'nfs': use one of text, markdown, latex, html, erc, nih, nsf" in result.stderr


def test_a_sketch_over_its_limits_fails_with_every_message_and_writes_nothing(tmp_path):
    out = tmp_path / "sketch.pdf"
    result = run(*EXAMPLE, "--format", "nsf", "--since", "2018", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-3:] == [
        f"Error: Products: {RECENT} selected, NSF allows 10 — pick with --tag or --selected",
        "Other Significant Products, Whether or Not Related to the Proposed Project: "
        f"{RECENT - 5} selected, NSF allows 5 — pick with --tag or --selected",
        "2 limits of the NSF Biographical Sketch exceeded; nothing was written "
        "(--truncate keeps the first entries instead)",
    ]
    assert not out.exists()


def test_truncate_writes_with_warnings():
    result = run(*EXAMPLE, "--format", "erc", "--truncate")
    assert result.exit_code == 0, result.output
    assert "warning: truncated: Research Achievements: " in result.stderr
    assert " selected, ERC allows 10 — pick with --tag or --selected" in result.stderr
    assert "note: ERC allows 4 pages; write a PDF" in result.stderr
    assert result.stdout.count("\n[") == 10


def test_selection_options_pick_the_products():
    result = run(*EXAMPLE, "--format", "nsf", "--selected")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n[") == 6
    assert "note: NSF accepts only the biographical sketch PDF that SciENcv produces" in (
        result.stderr
    )


def test_a_sketch_as_pdf_follows_the_output_suffix(tmp_path):
    out = tmp_path / "sketch.pdf"
    result = run(*EXAMPLE, "--format", "erc", "--selected", "-o", str(out))
    assert result.exit_code == 0, result.output
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) <= 4
    assert "RESEARCH ACHIEVEMENTS" in text and "Miriam Adler-Katz" in text


def test_a_user_profile_by_path(tmp_path):
    profile = tmp_path / "funder.yaml"
    profile.write_text(
        "name: mine\nfunder: FUND\ntitle: Short CV\nsource: {document: Call text, version: '1'}\n"
        "sections:\n  - {heading: Interests, feed: research_interests}\n",
        encoding="utf-8",
    )
    result = run(*SMALL, "--format", str(profile), "-o", str(tmp_path / "out.md"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == (
        "# Short CV\n\nJonas Åberg\n\n## Interests\n\n"
        "Statistical physics and inference at 100% scale.\n"
    )
