"""The synthetic researcher's publications as a RenderCV input, to time RenderCV's render of
the same entries beside cvgen's (RenderCV typesets with Typst too).

    python -m benchmarks.rendercv OUTDIR 300     # writes OUTDIR/cv.yaml, OUTDIR/rendercv.yaml

RenderCV lives in its own venv (its dependencies pin other versions than cvgen's): set
RENDERCV=/path/to/venv/bin/rendercv for benchmarks/run to add its column. Its render is its
two steps, each a process as its CLI runs them: the YAML to a Typst file, then the Typst file
to a PDF (RenderCV's own `render_a_pdf_from_typst`). Its classic theme imports an icon package
from Typst's package server, which this machine cannot reach: that one import is replaced by
a stub that draws nothing (one icon per entry, about nothing of the time).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from benchmarks.synthetic import write_synthetic
from cvgen.load.cv import load_or_fail

RENDERCV_COLUMN = "RenderCV render"
_COMPILE = """
import pathlib, re
from rendercv.renderer.renderer import render_a_pdf_from_typst
typ = next(pathlib.Path("rendercv_output").glob("*.typ"))
stub = '#let fa-icon(name, size: 1em) = box(width: size)'
typ.write_text(re.sub(r'#import "@preview/fontawesome:[^"]*": fa-icon', stub, typ.read_text()))
render_a_pdf_from_typst(typ)
"""


def rendercv_commands(rendercv: str) -> list[list[str]]:
    """The processes of RenderCV's render of rendercv.yaml, run in its folder."""
    python = str(Path(rendercv).with_name("python"))
    skip = ["-nomd", "-nohtml", "-nopng", "-nopdf"]
    return [[rendercv, "render", "rendercv.yaml", *skip], [python, "-c", _COMPILE]]


def write_rendercv(folder: Path, publications: int) -> Path:
    """The synthetic researcher (cv.yaml, publications.bib) and rendercv.yaml beside them,
    with the same name and publications."""
    cv = load_or_fail(write_synthetic(folder, publications))[0]
    entries = []
    for pub in cv.publications:
        entry = {
            "title": pub.title,
            "authors": [author.display for author in pub.authors],
            "date": f"{pub.year}-{pub.month:02d}" if pub.month else str(pub.year),
        }
        if pub.venue:
            entry["journal"] = pub.venue
        if pub.links.doi:
            entry["doi"] = pub.links.doi
        entries.append(entry)
    data = {
        "cv": {"name": cv.data.person.name, "sections": {"publications": entries}},
        "design": {"theme": "classic"},
    }
    path = folder / "rendercv.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_rendercv(Path(sys.argv[1]), int(sys.argv[2])))
