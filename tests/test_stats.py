"""`cvgen stats`: per-year, per-type counts as a table and as a chart."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cvgen.cli import main
from cvgen.exports.stats import table, year_counts
from cvgen.exports.stats.plot import svg_chart
from cvgen.load.sources import Sources
from cvgen.model import CV

SVG = "{http://www.w3.org/2000/svg}"


def run(sources: Sources, *args: str) -> Result:
    files = ["--cv", str(sources.cv), "--bib", str(sources.bib)]
    return CliRunner().invoke(main, ["stats", *files, *args], catch_exceptions=False)


def test_table_counts_every_year_and_type(example_cv: CV) -> None:
    pubs = example_cv.publications
    lines = table(year_counts(pubs)).splitlines()
    header = lines[0].split()
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:-2]}
    years = [p.year for p in pubs]
    assert list(rows) == [str(y) for y in range(min(years), max(years) + 1)]  # gaps included
    by_year_kind = Counter((p.year, p.kind.value) for p in pubs)
    for year, cells in rows.items():
        for kind, cell in zip(header[1:-1], cells, strict=False):
            assert cell == (
                str(by_year_kind[(int(year), kind)]) if by_year_kind[(int(year), kind)] else "·"
            )
        assert cells[-1] == str(sum(p.year == int(year) for p in pubs))
    assert lines[-1].split()[-1] == str(len(pubs))


def test_stats_follows_the_selection(small_sources: Sources) -> None:
    result = run(small_sources, "--since", "2016", "--type", "journal", "--type", "conference")
    assert result.exit_code == 0
    assert "(since 2016, type journal or conference)" in result.stdout
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["year", "journal", "conference", "total"] in rows
    assert ["2016", "·", "1", "1"] in rows and ["2017", "1", "·", "1"] in rows
    assert ["total", "1", "1", "2"] in rows


def test_svg_chart_has_a_bar_per_count(small_cv: CV) -> None:
    stats = year_counts(small_cv.publications)
    root = ET.fromstring(svg_chart(stats, "Publications per year — Jonas Åberg & co"))
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(bars) == len(small_cv.publications)  # one per (year, kind) here
    assert root.find(f"{SVG}title").text == "Publications per year — Jonas Åberg & co"  # type: ignore[union-attr]
    labels = {t.text for t in root.iter(f"{SVG}text")}
    assert {"2009", "2024", "journal (1)", "patent (1)"} <= labels


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
