"""`cvgen bio` end to end: formats, biosketch outputs, limit failures and warnings."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cvgen.cli import main
from tests.support.clinician import run_clinician
from tests.support.paths import DATA, ROOT
from tests.support.word_doc import heading_level, paragraphs, read, shown_numbers

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


def test_a_sketch_with_more_products_than_allowed_picks_them_and_names_the_rest(tmp_path):
    out = tmp_path / "sketch.md"
    result = run(*EXAMPLE, "--format", "nsf", "--since", "2018", "-o", str(out))
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if " picked of " in line]
    assert notes[0].startswith(
        "note: Products Most Closely Related to the Proposed Project: 5 picked of "
        f"{RECENT} eligible (NSF allows 5: tagged selected first, then related, awarded, "
        "published, newest); left out: "
    )
    assert len(notes) == 2 and out.exists()


def test_the_erc_sketch_takes_ten_outputs_without_truncating():
    result = run(*EXAMPLE, "--format", "erc")
    assert result.exit_code == 0, result.output
    assert "warning: truncated" not in result.stderr
    assert "note: Research Achievements: 10 picked of " in result.stderr
    assert "note: ERC allows 4 pages; write a PDF" in result.stderr
    assert result.stdout.count("\n[") == 10


def test_a_short_bio_skips_a_broken_bib_entry_with_a_warning(tmp_path):
    (tmp_path / "cv.yaml").write_text(
        "person: {name: Jane Doe, position: Professor, affiliation: Carmel University, "
        "email: j@example.org}\n"
    )
    (tmp_path / "publications.bib").write_text(
        "@article{good, title={X}, author={Doe, Jane}, year={2020}, journal={J}}\n"
        "@article{bad, title={Y}, author={Doe, Jane}, year={20x1}, journal={K}}\n"
    )
    result = run("--cv", str(tmp_path / "cv.yaml"), "--no-cache")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Jane Doe is Professor at Carmel University.\n"
    assert "bad.year: warning: expected a four-digit year, got '20x1'; entry left out" in (
        result.stderr
    )


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


@pytest.mark.parametrize(
    "args",
    [
        ["bio"],
        ["bio", "--words", "400"],
        ["bio", "--person", "first", "--format", "markdown"],
        ["bio", "--format", "nsf"],
        ["bio", "--format", "nih"],
        ["bio", "--format", "erc"],
    ],
)
def test_a_declined_award_is_never_in_a_bio_or_a_sketch(args: list[str], tmp_path: Path) -> None:
    printed = run_clinician(*args)
    assert "Alon Fellowship" not in printed and "declined" not in printed.lower()
    if args[-1] == "nih":  # the NIH sketch lists honors: the others are there
        assert "Fellow of the European Society of Cardiology" in printed


@pytest.mark.parametrize("written", ["raw", "escaped"])
def test_bio_never_prints_an_escape_sequence(project: Path, written: str) -> None:
    position = TITLE_ESCAPE if written == "raw" else json.dumps(TITLE_ESCAPE)
    (project / "cv.yaml").write_text(_cv(position), encoding="utf-8")
    result = CliRunner().invoke(main, ["bio", "--no-cache"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "cv.yaml:3: " in result.output and "ESC (U+001B)" in result.output


def test_a_profile_cannot_reach_the_terminal_either(project: Path) -> None:
    import yaml

    (project / "cv.yaml").write_text(_cv("Lecturer"), encoding="utf-8")
    profile = yaml.safe_load(PROFILE.read_text(encoding="utf-8"))
    profile["notice"] = "Read me" + TITLE_ESCAPE
    profile["sections"][0]["heading"] = "Identity" + TITLE_ESCAPE
    (project / "funder.yaml").write_text(yaml.safe_dump(profile), encoding="utf-8")
    result = CliRunner().invoke(main, ["bio", "--format", "funder.yaml", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "note: Read me" in result.output and "Identity" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_cvgen_bio_writes_word(small_sources, tmp_path: Path) -> None:
    out = tmp_path / "bio.docx"
    result = CliRunner().invoke(main, ["bio", "--cv", str(small_sources.cv), "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = read(out.read_bytes())
    body = [p.text for p in paragraphs(doc)]
    assert len(body) == 1 and body[0].startswith("Jonas Åberg")


@pytest.mark.parametrize("profile", ["nsf", "nih", "erc"])
def test_cvgen_bio_writes_word_sketches(example_sources, tmp_path: Path, profile: str) -> None:
    out = tmp_path / "sketch.docx"
    args = ["bio", "--cv", str(example_sources.cv), "--format", profile, "--truncate"]
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = read(out.read_bytes())
    levels = [heading_level(p) for p in paragraphs(doc)]
    assert levels[0] == 0 and levels.count(1) >= 3
    assert shown_numbers(doc) and shown_numbers(doc)[0][1] == 1
    assert doc.sections[0].page_width.mm == pytest.approx(215.9 if profile != "erc" else 210, 0.1)
    assert doc.styles["Normal"].font.name == "Arial"


BAD = DATA / "bad"
PROFILE = ROOT / "cvgen" / "bio" / "profiles" / "nsf.yaml"


TITLE_ESCAPE = "\x1b]0;pwned\x07"  # sets the terminal window's title


def _cv(position: str) -> str:
    return f"person:\n  name: Ada Example\n  position: {position}\n  email: ada@example.edu\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    shutil.copy(BAD / "_valid.bib", tmp_path / "publications.bib")
    monkeypatch.chdir(tmp_path)
    return tmp_path
