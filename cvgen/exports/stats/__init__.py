"""Publications per year and type: the counts, and the terminal table `cvgen stats` prints."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from cvgen.model import PubKind, Publication


@dataclass(frozen=True)
class YearCounts:
    """Counts per (year, kind) over every year from the first to the last, gaps included."""

    years: list[int]
    kinds: list[PubKind]  # only kinds that occur, in the model's order
    counts: Counter[tuple[int, PubKind]]

    def count(self, year: int, kind: PubKind) -> int:
        return self.counts[(year, kind)]

    def year_total(self, year: int) -> int:
        return sum(self.count(year, kind) for kind in self.kinds)

    def kind_total(self, kind: PubKind) -> int:
        return sum(self.count(year, kind) for year in self.years)


def year_counts(pubs: list[Publication]) -> YearCounts:
    """Per year of publication; a forthcoming paper the .bib gives no year has none to count."""
    pubs = [pub for pub in pubs if not pub.undated]
    counts = Counter((pub.year, pub.kind) for pub in pubs)
    years = [pub.year for pub in pubs]
    span = list(range(min(years), max(years) + 1)) if years else []
    present = {pub.kind for pub in pubs}
    return YearCounts(span, [kind for kind in PubKind if kind in present], counts)


def table(stats: YearCounts) -> str:
    """A right-aligned year x type table with totals; zeros shown as '·' so counts stand out."""
    header = ["year", *(kind.value for kind in stats.kinds), "total"]
    rows = [
        [str(year), *(str(stats.count(year, k) or "·") for k in stats.kinds), str(total)]
        for year in stats.years
        for total in [stats.year_total(year)]
    ]
    totals = [str(stats.kind_total(kind)) for kind in stats.kinds]
    rows.append(["total", *totals, str(sum(map(int, totals)))])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        )

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(header), rule, *map(line, rows[:-1]), rule, line(rows[-1])])
