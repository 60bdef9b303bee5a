"""Citation styles through the commands: `--style` on pdf, html and filter, cv.yaml's
`design: citation_style`, and the CV's own annotations and links after a styled reference."""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
from pathlib import Path

import pypdf
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.compose import compose
from cvgen.load.sources import Sources
from cvgen.model import CV
from tests.support.html_doc import parse, visible_text


def squeeze(text: str) -> str:
    """Letters and digits only, lower case: styles change case, quotes and line breaks."""
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\W_]+", "", text)


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_pdf_in_ieee_shows_every_title(example_sources: Sources, example_cv: CV, tmp_path):
    out = tmp_path / "cv.pdf"
    run("pdf", "--cv", str(example_sources.cv), "--style", "ieee", "-o", str(out))
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    text = squeeze("".join(page.extract_text() for page in reader.pages))
    assert [p.title for p in example_cv.publications if squeeze(p.title) not in text] == []


def test_html_in_apa_keeps_marks_annotations_and_one_link_each(
    example_sources: Sources, example_cv: CV, tmp_path: Path
) -> None:
    out = tmp_path / "cv.html"
    run("html", "--cv", str(example_sources.cv), "--style", "apa", "-o", str(out))
    page = parse(out.read_text(encoding="utf-8"))
    text = squeeze(visible_text(page))
    assert [p.title for p in example_cv.publications if squeeze(p.title) not in text] == []
    items = {item.get("id"): item for item in page.iter("li") if item.get("id")}
    by_key = {e.key: items[e.id] for e in compose(example_cv).all_entries() if e.key}
    for pub in example_cv.publications:
        item = by_key[pub.key]
        strong = [s.text() for s in item.iter("strong", "self")]
        assert len(strong) == sum(a.is_self for a in pub.authors), pub.key
        hrefs = [a.get("href") for a in item.iter("a")]
        assert len(hrefs) == len(set(hrefs)), pub.key  # a DOI the style prints is not repeated
    annotated = next(p for p in example_cv.publications if p.acceptance_rate)
    note = by_key[annotated.key].find("span", "note").text()
    assert f"{annotated.acceptance_rate} acceptance" in note


def test_design_citation_style_applies_and_the_option_overrides_it(
    small_sources: Sources, tmp_path: Path
) -> None:
    for source in (small_sources.cv, small_sources.bib):
        shutil.copy(source, tmp_path / source.name)
    cv_yaml = tmp_path / "cv.yaml"
    cv_yaml.write_text(cv_yaml.read_text() + "design: {citation_style: apa}\n", encoding="utf-8")
    apa = run("filter", "--cv", str(cv_yaml)).stdout
    assert "Åberg, J.*, Chen, L.*, & Müller, E. (2017). Learning at 50% capacity" in apa
    assert "https://doi.org/10.1103/PhysRevLett.124.000001 Impact factor 8.1." in apa
    own = run("filter", "--cv", str(cv_yaml), "--style", "cvgen").stdout
    assert "Jonas Åberg*, Lina Chen*, and Eva Müller. Learning at 50% capacity" in own


def test_an_unknown_style_names_the_nearest(small_sources: Sources) -> None:
    result = CliRunner().invoke(main, ["filter", "--cv", str(small_sources.cv), "--style", "iee"])
    assert result.exit_code == 1
    assert "--style: no citation style named 'iee'" in result.output
    assert "Traceback" not in result.output


def test_cvgen_styles_lists_name_two_spaces_title() -> None:
    result = CliRunner().invoke(main, ["styles"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "cvgen  cvgen's own CV style (the default)"
    assert "apa  APA Style 7th edition" in lines
    assert all("  " in line and line.split("  ", 1)[1] for line in lines)
    everything = CliRunner().invoke(main, ["styles", "--all"]).output.splitlines()
    assert len(everything) > 10000 and "nature  Nature" in everything
