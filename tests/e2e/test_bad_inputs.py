"""Every bad input in tests/data/bad gives its exact located message, the right exit status,
and never a traceback. Each case folder holds cv.yaml and/or publications.bib (the missing one
is a valid default) and expected.txt: optional 'exit: N' and 'args: ...' header lines (default:
exit 1, `check --cv cv.yaml --bib publications.bib`), then the expected message lines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from tests.support.paths import DATA

BAD = DATA / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())


def _prepare(case: str, tmp_path: Path) -> tuple[list[str], int, list[str]]:
    source = BAD / case
    for item in source.iterdir():
        target = tmp_path / item.name
        if item.is_dir():
            shutil.copytree(item, target)
        else:
            shutil.copy(item, target)
    if not (tmp_path / "cv.yaml").exists():
        shutil.copy(BAD / "_valid.yaml", tmp_path / "cv.yaml")
    if not (tmp_path / "publications.bib").exists():
        shutil.copy(BAD / "_valid.bib", tmp_path / "publications.bib")
    lines = (source / "expected.txt").read_text(encoding="utf-8").splitlines()
    headers = {"exit": "1", "args": "--cv cv.yaml --bib publications.bib"}
    while lines and lines[0].split(":")[0] in headers:
        name, _, value = lines.pop(0).partition(":")
        headers[name] = value.strip()
    return lines, int(headers["exit"]), headers["args"].split()


def test_corpus_is_substantial() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_reported_exactly(case: str, tmp_path: Path, monkeypatch) -> None:
    expected, exit_code, args = _prepare(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", *args])
    output = result.output
    assert result.exit_code == exit_code, output
    assert "Traceback" not in output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    for line in expected:
        assert line in output, f"expected {line!r} in:\n{output}"
    if exit_code == 1:
        assert "in the CV data; no output was changed." in output
        _no_output_is_touched(args, bib_only=case.startswith("bib_"))


WRITERS = (
    ["html", "-o", "out/cv.html"],
    ["latex", "-o", "out/cv.tex"],
    ["pdf", "-o", "out/cv.pdf"],
    ["bio", "-o", "out/bio.txt"],
    ["build", "--out-dir", "out"],
)


def _no_output_is_touched(args: list[str], bib_only: bool) -> None:
    """Every writing command fails on the same input and leaves earlier outputs byte-identical;
    but a short bio, which uses no publication, is written despite a broken .bib entry (a
    warning names it)."""
    out = Path("out")
    out.mkdir()
    previous = {name: f"previous {name}".encode() for name in ("cv.html", "cv.tex", "cv.pdf")}
    previous["bio.txt"] = b"previous bio"
    for name, content in previous.items():
        (out / name).write_bytes(content)
    for writer in WRITERS:
        result = CliRunner().invoke(main, [*writer, *args])
        assert "Traceback" not in result.output
        if bib_only and writer[0] == "bio" and result.exit_code == 0:  # an entry, not the file
            assert "warning" in result.output, result.output
            previous["bio.txt"] = (out / "bio.txt").read_bytes()
            continue
        assert result.exit_code == 1, (writer, result.output)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == previous


def test_one_broken_entry_among_ten_thousand_is_found(tmp_path: Path, monkeypatch) -> None:
    entries = [
        f"@article{{k{i}, author = {{Example, Ada}}, title = {{Paper {i}}}, "
        f"journal = {{J}}, year = {{{2000 + i % 25}}}}}"
        for i in range(10_000)
    ]
    entries[7321] = "@article{k7321, author = {Example, Ada}, title = {Broken, year = {2001}}"
    (tmp_path / "publications.bib").write_text("\n".join(entries) + "\n", encoding="utf-8")
    shutil.copy(BAD / "_valid.yaml", tmp_path / "cv.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache"])
    assert result.exit_code == 1
    assert "publications.bib:7322: k7321: cannot parse this entry" in result.output
    assert "Traceback" not in result.output


def test_lone_surrogates_are_reported_whatever_the_yaml_loader() -> None:
    """libyaml refuses "\\ud800"; the pure-Python loader accepts it, so we check it ourselves."""
    import yaml

    from cvgen.util.yaml_lines import _Walk

    node = yaml.compose('person:\n  name: "Ada \\ud800"\n', Loader=yaml.SafeLoader)
    problems: list = []
    _Walk("cv.yaml", problems).node(node, ())
    assert [str(p) for p in problems] == [
        "cv.yaml:2: person.name: contains a lone surrogate escape (such as \\ud800), "
        "which no file can hold"
    ]
