"""`cvgen stats`: the table follows the selection; charts as SVG or PNG."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cvgen.cli import main
from cvgen.load.sources import Sources

SVG = "{http://www.w3.org/2000/svg}"


def run(sources: Sources, *args: str) -> Result:
    files = ["--cv", str(sources.cv), "--bib", str(sources.bib)]
    return CliRunner().invoke(main, ["stats", *files, *args], catch_exceptions=False)


def test_stats_follows_the_selection(small_sources: Sources) -> None:
    result = run(small_sources, "--since", "2016", "--type", "journal", "--type", "conference")
    assert result.exit_code == 0
    assert "(since 2016, type journal or conference)" in result.stdout
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["year", "journal", "conference", "total"] in rows
    assert ["2016", "·", "1", "1"] in rows and ["2017", "1", "·", "1"] in rows
    assert ["total", "1", "1", "2"] in rows


def test_plot_svg_from_the_command_line(small_sources: Sources, tmp_path: Path) -> None:
    target = tmp_path / "chart.svg"
    result = run(small_sources, "--plot", str(target))
    assert result.exit_code == 0 and f"Wrote {target}" in result.stderr
    ET.parse(target)


def test_png_without_matplotlib_says_how_to_get_it(
    small_sources: Sources, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    result = run(small_sources, "--plot", str(tmp_path / "chart.png"))
    assert result.exit_code == 1
    assert "pip install 'cvgen[plot]'" in result.stderr and "--plot chart.svg" in result.stderr
    assert result.stdout == ""  # fails before printing half an answer
    assert not (tmp_path / "chart.png").exists()


def test_png_with_matplotlib(small_sources: Sources, tmp_path: Path) -> None:
    target = tmp_path / "chart.png"
    assert run(small_sources, "--plot", str(target)).exit_code == 0
    assert target.read_bytes().startswith(b"\x89PNG")


def test_plot_needs_a_known_suffix(small_sources: Sources, tmp_path: Path) -> None:
    result = run(small_sources, "--plot", str(tmp_path / "chart.pdf"))
    assert result.exit_code == 1 and "use a .svg or .png file name" in result.stderr


def test_empty_selection_warns(small_sources: Sources) -> None:
    result = run(small_sources, "--since", "2030")
    assert result.exit_code == 0 and result.stdout == ""
    assert "nothing matches the selection (since 2030)" in result.stderr
