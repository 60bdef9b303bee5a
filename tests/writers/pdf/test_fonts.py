"""Co-authors and titles in other scripts reach the PDF on every engine, or the build stops
naming the characters and the package that has them (issue 18, item 7)."""

from __future__ import annotations

import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.synthetic import synthetic_yaml
from cvgen.cli import main
from cvgen.writers.pdf import fonts as font_coverage
from cvgen.writers.pdf.fonts import installed_coverage, parse_fc_list, tex_missing, uncovered

# (script, co-author, title): names and titles as a .bib of any researcher may hold them
SCRIPTS = [
    ("Chinese", "王小明", "深度学习的研究"),
    ("Japanese", "山田太郎", "機械学習とひらがなカタカナ"),
    ("Korean", "김민준", "한국어 제목"),
    ("Hindi", "राजेश कुमार", "मशीन लर्निंग"),
    ("Thai", "สมชาย ใจดี", "การเรียนรู้ของเครื่อง"),
    ("emoji", "Ada Lovelace", "Fun with 🎉 and 🧬"),
]
ENGINES = ["auto", "typst", "weasyprint"]
# weasyprint maps the glyphs of a Devanagari conjunct back to text in its own order (र्नि
# comes out as नर्नि): the characters are all there, drawn, and one is repeated.
REORDERED = {("weasyprint", "Hindi")}


def _fonts_for_every_script() -> bool:
    coverage = installed_coverage()
    return coverage is not None and not uncovered("".join(t for s in SCRIPTS for t in s[1:]),
                                                  coverage)  # fmt: skip


needs_fonts = pytest.mark.skipif(
    not _fonts_for_every_script(),
    reason="fonts-noto-core, fonts-noto-cjk and fonts-noto-color-emoji are not all installed "
    "(.ci/install-system)",
)


def _researcher(folder: Path, entries: list[tuple[str, str]]) -> Path:
    bib = "\n".join(
        f"@article{{e{i}, author = {{Adler-Katz, Miriam and {name}}}, title = {{{title}}}, "
        f"journal = {{J}}, year = 2020}}"
        for i, (name, title) in enumerate(entries)
    )
    # names as written: the given names' characters must reach the PDF too, not initials
    design = "design: {author_names: as-written}\n"
    (folder / "cv.yaml").write_text(synthetic_yaml() + design, "utf-8")
    (folder / "publications.bib").write_text(bib, "utf-8")
    return folder / "cv.yaml"


def _pdf(cv: Path, engine: str, *more: str) -> tuple[int, str, Path]:
    output = cv.parent / f"{engine}.pdf"
    result = CliRunner().invoke(
        main, ["pdf", "--cv", str(cv), "--engine", engine, "-o", str(output), *more]
    )
    return result.exit_code, result.output, output


def _flat(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module", params=ENGINES)
def typeset(request, tmp_path_factory) -> tuple[str, str]:
    """The engine and the text of its PDF of a CV with every script."""
    if not _fonts_for_every_script():
        pytest.skip("fonts for every script are not installed (.ci/install-system)")
    cv = _researcher(tmp_path_factory.mktemp(request.param), [s[1:] for s in SCRIPTS])
    code, output, pdf = _pdf(cv, request.param)
    assert code == 0, output
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True)
    return request.param, text.stdout


@needs_fonts
@pytest.mark.parametrize(("script", "name", "title"), SCRIPTS)
def test_every_script_reaches_the_pdf_text(typeset, script: str, name: str, title: str) -> None:
    engine, text = typeset
    for written in (name, title):
        if (engine, script) in REORDERED:
            assert not Counter(_flat(written)) - Counter(_flat(text)), written
        else:
            assert _flat(written) in _flat(text), f"{engine}: {written!r} is not in the PDF"


# U+2A6D6, a rare Chinese character (CJK Extension B), and Toto (Unicode 14): no Debian font
# package installed here has them.
NO_FONT = "𪛖 and 𞊐𞊑"


def _no_font_has_them() -> bool:
    coverage = installed_coverage()
    return coverage is not None and uncovered(NO_FONT, coverage) == ["𞊐", "𞊑", "𪛖"]


@pytest.mark.skipif(not _no_font_has_them(), reason="a font here has the test's characters")
@pytest.mark.parametrize("engine", ENGINES)
def test_characters_no_font_has_stop_the_build_with_the_package(tmp_path: Path, engine: str):
    cv = _researcher(tmp_path, [("Lovelace, Ada", f"Rare {NO_FONT} glyphs")])
    (tmp_path / f"{engine}.pdf").write_bytes(b"the previous PDF")
    code, output, pdf = _pdf(cv, engine)
    assert code == 1 and pdf.read_bytes() == b"the previous PDF"
    assert "no font for 3 characters" in output
    assert "𞊐 (U+1E290, in “" in output and "𪛖 (U+2A6D6, in “" in output
    assert "Rare 𪛖 and 𞊐𞊑 glyphs" in output  # where each one is
    assert "fonts-hanazono for rare CJK characters (Extension B and later): 𪛖" in output
    assert "--missing-characters warn" in output and "Traceback" not in output


@pytest.mark.skipif(not _no_font_has_them(), reason="a font here has the test's characters")
@pytest.mark.parametrize("how", ["option", "design"])
def test_asked_to_warn_the_pdf_is_written(tmp_path: Path, how: str) -> None:
    cv = _researcher(tmp_path, [("Lovelace, Ada", f"Rare {NO_FONT} glyphs")])
    if how == "design":
        text = cv.read_text("utf-8").replace("design: {", "design: {missing_characters: warn, ")
        cv.write_text(text, "utf-8")
    more = ("--missing-characters", "warn") if how == "option" else ()
    code, output, pdf = _pdf(cv, "typst", *more)
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
    assert "Warning: typst has no font for 3 characters" in output


def test_the_tex_log_names_what_lualatex_could_not_set() -> None:
    log = (
        "Missing character: There is no 𞊐 (U+1E290) in font NotoSerif:mode=node;script=latn!\n"
        "Missing character: There is no \u200d (U+200D) in font NotoSerif:mode=node!\n"
        "Missing character: There is no 𞊐 (U+1E290) in font NotoSerif-Bold:mode=node!\n"
    )
    assert tex_missing(log) == ["𞊐"]  # once, and a zero-width joiner needs no font


def test_fontconfig_charsets_are_read_as_ranges(monkeypatch) -> None:
    coverage = parse_fc_list("/f/A.ttf\t20-7e a0-ff\n/f/B.ttf\t100-17f 4e00\n/f/C.ttf\t\n")
    assert uncovered("aé Āĸ一文\u200d", coverage) == ["文"]  # 一 is U+4E00
    assert coverage.fonts_with(0x4E00) == ["B.ttf"]
    monkeypatch.setattr(font_coverage, "installed_coverage", lambda: coverage)
    message = font_coverage.missing_message(["文"], "typst", ["论文"])
    assert "fonts-noto-cjk for Chinese, Japanese and Korean: 文" in message


def test_a_file_whose_faces_overlap_covers_the_union_of_their_ranges() -> None:
    coverage = parse_fc_list("/f/A.ttc\t20-2ff\n/f/A.ttc\t41-5a 4e00\n")
    assert coverage.has(0x100) and coverage.has(0x4E00) and coverage.has(0x41)
    assert not coverage.has(0x300) and not coverage.has(0x10)
    assert coverage.fonts_with(0x100) == ["A.ttc"]
