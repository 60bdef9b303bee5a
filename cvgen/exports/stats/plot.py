"""A stacked bar chart of publications per year and type: SVG by hand, PNG via matplotlib.

The SVG needs no dependency and is what most people want (it scales, and browsers and
word processors open it); PNG is there for tools that only take bitmaps.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from cvgen.errors import CvgenError
from cvgen.exports.stats import YearCounts
from cvgen.model import PubKind

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
COLOURS: dict[PubKind, str] = {
    PubKind.JOURNAL: "#0072B2",
    PubKind.CONFERENCE: "#E69F00",
    PubKind.BOOK: "#009E73",
    PubKind.CHAPTER: "#56B4E9",
    PubKind.THESIS: "#CC79A7",
    PubKind.PATENT: "#D55E00",
    PubKind.PREPRINT: "#F0E442",
    PubKind.REPORT: "#999999",
    PubKind.OTHER: "#000000",
}
_BAR, _GAP, _LEFT, _TOP, _PLOT_HEIGHT, _LEGEND = 22, 8, 48, 40, 240, 130


def _tick_step(peak: int) -> int:
    """1, 2, 5, 10, 20, ... so that the axis has at most about six ticks."""
    step, factors = 1, (2, 2.5, 2)
    index = 0
    while peak / step > 6:
        step = int(step * factors[index % 3])
        index += 1
    return step


def svg_chart(stats: YearCounts, title: str) -> str:
    peak = max((stats.year_total(year) for year in stats.years), default=0) or 1
    step = _tick_step(peak)
    top_value = -(-peak // step) * step
    scale = _PLOT_HEIGHT / top_value
    plot_width = len(stats.years) * (_BAR + _GAP) + _GAP
    width, height = _LEFT + plot_width + _LEGEND, _TOP + _PLOT_HEIGHT + 50
    base = _TOP + _PLOT_HEIGHT
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" '
        'font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{_LEFT}" y="22" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for value in range(0, top_value + 1, step):
        y = base - value * scale
        out.append(
            f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{_LEFT + plot_width}" y2="{y:.1f}" '
            'stroke="#dddddd"/>'
        )
        out.append(f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value}</text>')
    for index, year in enumerate(stats.years):
        x = _LEFT + _GAP + index * (_BAR + _GAP)
        y = float(base)
        for kind in stats.kinds:
            count = stats.count(year, kind)
            if count:
                h = count * scale
                y -= h
                out.append(
                    f'<rect x="{x}" y="{y:.1f}" width="{_BAR}" height="{h:.1f}" '
                    f'fill="{COLOURS[kind]}"><title>{year}: {count} {kind.value}</title></rect>'
                )
        label_y = base + 14
        out.append(
            f'<text x="{x + _BAR / 2}" y="{label_y}" text-anchor="end" '
            f'transform="rotate(-45 {x + _BAR / 2} {label_y})">{year}</text>'
        )
    out.append(
        f'<line x1="{_LEFT}" y1="{base}" x2="{_LEFT + plot_width}" y2="{base}" stroke="#333333"/>'
    )
    legend_x = _LEFT + plot_width + 16
    for index, kind in enumerate(reversed(stats.kinds)):
        y = _TOP + index * 18
        out.append(f'<rect x="{legend_x}" y="{y}" width="12" height="12" fill="{COLOURS[kind]}"/>')
        out.append(
            f'<text x="{legend_x + 18}" y="{y + 10}">{kind.value} ({stats.kind_total(kind)})</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def png_chart(stats: YearCounts, title: str) -> bytes:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise CvgenError(
            "PNG charts need matplotlib: pip install 'cvgen[plot]' "
            "(or write an SVG, which needs nothing: --plot chart.svg)"
        ) from None
    import io

    figure, axes = plt.subplots(figsize=(max(6, len(stats.years) * 0.35 + 2), 4), dpi=150)
    bottom = [0] * len(stats.years)
    for kind in stats.kinds:
        heights = [stats.count(year, kind) for year in stats.years]
        axes.bar(stats.years, heights, bottom=bottom, color=COLOURS[kind], label=kind.value)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_title(title)
    axes.set_ylabel("publications")
    axes.yaxis.get_major_locator().set_params(integer=True)
    handles, labels = axes.get_legend_handles_labels()  # top of the stack first, as in the SVG
    axes.legend(handles[::-1], labels[::-1], frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()


def chart(stats: YearCounts, title: str, path: Path) -> str | bytes:
    """The chart in the format the file name asks for."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return svg_chart(stats, title)
    if suffix == ".png":
        return png_chart(stats, title)
    raise CvgenError(f"--plot {path}: use a .svg or .png file name")
