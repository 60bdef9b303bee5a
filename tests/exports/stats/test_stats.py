"""Per-year, per-type counts (exports/stats/) as a table and as an SVG chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

from cvgen.exports.stats import table, year_counts
from cvgen.exports.stats.plot import svg_chart
from cvgen.model import CV

SVG = "{http://www.w3.org/2000/svg}"


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


def test_svg_chart_has_a_bar_per_count(small_cv: CV) -> None:
    stats = year_counts(small_cv.publications)
    root = ET.fromstring(svg_chart(stats, "Publications per year — Jonas Åberg & co"))
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(bars) == len(small_cv.publications)  # one per (year, kind) here
    assert root.find(f"{SVG}title").text == "Publications per year — Jonas Åberg & co"  # type: ignore[union-attr]
    labels = {t.text for t in root.iter(f"{SVG}text")}
    assert {"2009", "2024", "journal (1)", "patent (1)"} <= labels
