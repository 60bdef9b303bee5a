"""`cvgen filter`: the right entries, formatted like the CV, in every output format."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cvgen.cli import main
from cvgen.load.bibtex.file import parse_bibtex
from cvgen.load.sources import Sources
from cvgen.model import CV
from tests.support.clinician import run_clinician
from tests.support.pdf_text import poppler_text
from tests.support.rendering import reference

_ENTRY = re.compile(r"^@(\w+)\s*\{\s*([^,\s]+)\s*,(.*?)^\}", re.M | re.S)
_YEAR = re.compile(r"^\s*year\s*=\s*[{\"]?(\d{4})", re.M | re.I)


def run(sources: Sources, *args: str) -> Result:
    files = ["--cv", str(sources.cv), "--bib", str(sources.bib)]
    return CliRunner().invoke(main, ["filter", *files, *args], catch_exceptions=False)


def bib_years(path: Path) -> dict[str, int]:
    """Entry key -> year, read from the .bib text directly rather than through cvgen."""
    text = path.read_text(encoding="utf-8")
    years = {}
    for entry_type, key, body in _ENTRY.findall(text):
        if entry_type.lower() in ("string", "comment", "preamble"):
            continue
        years[key] = int(_YEAR.search(body).group(1))  # type: ignore[union-attr]
    return years


def test_since_2017_prints_exactly_the_entries_of_2017_on(
    example_sources: Sources, example_cv: CV
) -> None:
    expected = {key for key, year in bib_years(example_sources.bib).items() if year >= 2017}
    assert 10 < len(expected) < len(example_cv.publications)  # a real cut, not everything
    listed = json.loads(run(example_sources, "--since", "2017", "--format", "json").stdout)
    assert {pub["key"] for section in listed.values() for pub in section} == expected

    text = run(example_sources, "--since", "2017").stdout
    entries = [line for line in text.splitlines() if re.match(r"\[\d+\] ", line)]
    assert len(entries) == len(expected)
    for pub in example_cv.publications:
        if pub.key in expected:
            assert reference(pub) in text
    assert "* Equal contribution" in text


def test_markdown_matches_golden(small_sources: Sources, golden) -> None:
    golden("filter_small.md", run(small_sources, "--format", "markdown").stdout)


def test_sections_numbering_and_reverse_match_golden(small_sources: Sources, golden) -> None:
    result = run(
        small_sources,
        "--format=markdown",
        "--sections=students,grants,publications,patents",
        "--since=2017",
        "--numbering=continuous",
        "--reverse",
    )
    golden("filter_small_sections.md", result.stdout)


def test_bibtex_reloads_to_the_same_entries(example_sources: Sources, example_cv: CV) -> None:
    text = run(example_sources, "--format", "bibtex").stdout
    reloaded, problems = parse_bibtex(text, "out.bib")
    assert not [p for p in problems if p.is_error]

    def comparable(pubs):
        roles = {"line": True, "authors": {"__all__": {"is_self", "is_student"}}}
        return sorted((pub.model_dump(exclude=roles) for pub in pubs), key=lambda d: d["key"])

    assert comparable(reloaded) == comparable(example_cv.publications)


def test_json_is_the_model(small_sources: Sources, small_cv: CV) -> None:
    result = run(small_sources, "--format", "json", "--sections", "grants,publications")
    listed = json.loads(result.stdout)
    assert list(listed) == ["grants", "publications"]
    assert listed["grants"] == [g.model_dump(mode="json") for g in small_cv.data.grants]
    assert [p["key"] for p in listed["publications"]] == [
        p.key for p in small_cv.publications if p.kind.value != "patent"
    ]


def test_csl_json_for_reference_managers(small_sources: Sources) -> None:
    items = json.loads(run(small_sources, "--format", "csl-json").stdout)
    by_id = {item["id"]: item for item in items}
    assert len(by_id) == 5
    paper = by_id["aberg2020learning"]
    assert paper["type"] == "article-journal"
    assert paper["container-title"] == "Physical Review Letters"
    assert paper["issued"] == {"date-parts": [[2017, 6]]}
    assert paper["author"][0] == {"family": "Åberg", "given": "Jonas"}
    assert paper["DOI"] == "10.1103/PhysRevLett.124.000001"
    assert by_id["aberg2009thesis"]["type"] == "thesis"
    assert by_id["aberg2009thesis"]["publisher"] == "Uppsala University"
    assert by_id["aberg2021patent"]["number"] == "US 11,000,001"


class _Items(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: list[str | None] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "li":
            self.values.append(dict(attrs).get("value"))


def test_html_keeps_numbers_and_marks(small_sources: Sources) -> None:
    html = run(small_sources, "--format", "html", "--numbering", "continuous", "--reverse").stdout
    parser = _Items()
    parser.feed(html)
    assert parser.values == ["5", "4", "3", "2", "1"]
    assert '<strong class="self">Jonas Åberg</strong>' in html
    assert '<u class="student">Lina Chen</u>' in html
    assert "Learning at 50% capacity" in html and "SGD &amp; friends" in html


def test_latex_uses_the_latex_backend_escaping(small_sources: Sources) -> None:
    latex = run(small_sources, "--format", "latex", "--numbering", "none").stdout
    assert r"\textbf{Jonas Åberg}\textsuperscript{*}" in latex
    assert r"\underline{Lina Chen}" in latex
    assert r"SGD \& friends" in latex and r"snake\_case" in latex
    assert latex.count(r"\item ") == 5 and r"\item[" not in latex
    assert latex.count("{") == latex.count("}")


def test_the_latex_fragment_typesets_in_a_plain_document(small_sources: Sources) -> None:
    """What a user pastes into their own document needs only hyperref: LaTeX's \\underline for
    students, \\mbox for page ranges, ties, no cvgen macro, no ulem."""
    from cvgen.writers.pdf.tex import run_tex

    latex = run(small_sources, "--format", "latex").stdout
    assert r"\mbox{1–10}" in latex and r"\uline" not in latex and r"\cv" not in latex
    preamble = r"\documentclass{article}\usepackage[T1]{fontenc}\usepackage{hyperref}"
    result = run_tex(f"{preamble}\n\\begin{{document}}\n{latex}\\end{{document}}\n", "pdflatex")
    assert "Lina Chen" in poppler_text(result.pdf)


def test_output_file_format_follows_its_suffix(small_sources: Sources, tmp_path: Path) -> None:
    target = tmp_path / "erc.bib"
    result = run(small_sources, "--tag", "erc", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert f"Wrote {target}" in result.stderr
    assert [p.key for p in parse_bibtex(target.read_text(), "erc.bib")[0]] == ["aberg2020learning"]


def test_empty_selection_warns_and_succeeds(small_sources: Sources) -> None:
    result = run(small_sources, "--since", "2030", "--tag", "erc")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "warning: nothing matches the selection (since 2030, tag erc)" in result.stderr


def test_unknown_variant_lists_the_known_ones(example_sources: Sources) -> None:
    result = run(example_sources, "--variant", "ecr")
    assert result.exit_code == 1
    assert "unknown variant 'ecr'; known variants: erc, recent" in result.stderr


def test_variant_from_cv_yaml_with_command_line_override(example_sources: Sources) -> None:
    erc = json.loads(run(example_sources, "--variant", "erc", "--format", "json").stdout)
    pubs = [p for section in erc.values() for p in section]
    assert pubs and all("erc" in p["tags"] and p["year"] >= 2019 for p in pubs)
    assert all(any(a["is_student"] for a in p["authors"]) for p in pubs)
    # A period on the command line replaces the variant's whole period; the rest still applies.
    until = run(example_sources, "--variant", "erc", "--until", "2021", "--format", "json")
    early = [p for section in json.loads(until.stdout).values() for p in section]
    assert early and all("erc" in p["tags"] and p["year"] <= 2021 for p in early)
    assert {p["key"] for p in early} < {p["key"] for p in pubs}


def test_last_n_years_as_of_a_date(small_sources: Sources) -> None:
    result = run(small_sources, "--last", "5", "--as-of", "2024-03", "--format", "json")
    listed = json.loads(result.stdout)
    assert [p["key"] for p in listed["publications"]] == ["aberg2024preprint"]
    assert [p["key"] for p in listed["patents"]] == ["aberg2021patent"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "June"], "expected a date such as 2019"),
        (["--type", "jornal"], "'jornal' is not one of"),
        (["--sections", "grant"], "unknown section 'grant'"),
        (["--since", "2020", "--until", "2010"], "is an empty period"),
    ],
)
def test_bad_options_say_what_is_wrong(small_sources: Sources, args, message) -> None:
    result = run(small_sources, *args)
    assert result.exit_code != 0
    assert message in result.stderr


def test_sections_option_orders_custom_sections_too() -> None:
    printed = run_clinician(
        "filter", "--sections", "languages,career_breaks,grants", "--format", "markdown"
    )
    assert re.findall(r"^# (.+)$", printed, re.M) == [
        "Languages",
        "Career Breaks",
        "Research Funding",
    ]


def _titles(markdown: str) -> list[str]:
    return re.findall(r"^- (?:\\\[\d+\\\] )?\*\*(.+?)\*\*", markdown, re.M)


@pytest.mark.parametrize(
    "tag, grants",
    [
        ("erc", ["ECHO-AI: Learning Heart Failure from Routine Echocardiograms",
                 "Compute for Cardiac MRI Segmentation"]),
        ("isf", ["Strain Imaging for Early Heart Failure"]),
        ("magnet", ["Cardio-AI: Decision Support for Emergency Cardiology"]),
    ],
)  # fmt: skip
def test_filter_tag_sections_grants_lists_exactly_the_tagged_grants(
    tag: str, grants: list[str]
) -> None:
    printed = run_clinician("filter", "--tag", tag, "--sections", "grants", "--format", "markdown")
    assert _titles(printed) == grants


def test_a_tag_leaves_sections_without_tags_whole() -> None:
    printed = run_clinician(
        "filter", "--tag", "erc", "--sections", "languages,students", "--format", "text"
    )
    assert "Hebrew" in printed and "Maya Levin" in printed and "Noam Friedman" in printed


def test_the_period_windows_custom_sections_like_any_dated_section() -> None:
    printed = run_clinician(
        "filter", "--since", "2022", "--sections", "career_breaks,languages,software"
    )
    assert "Reserve military service" in printed and "Parental leave" not in printed
    assert "HeartTrack triage app" in printed and "EchoSeg" not in printed  # dated 2021
    assert "German" in printed  # undated entries are never windowed out


def test_a_variant_tags_grants_talks_custom_entries_and_publications(clinician_cv: CV) -> None:
    printed = run_clinician("filter", "--variant", "erc", "--format", "markdown")
    assert re.findall(r"^# (.+)$", printed, re.M) == [
        "Research Funding",
        "Talks",
        "Software and Datasets",
        "Publications",
    ]
    titles = _titles(printed)
    assert "Strain Imaging for Early Heart Failure" not in titles  # tagged isf
    assert "Learning from Every Heartbeat" in titles  # a talk tagged erc
    assert "The Heart and the Algorithm" not in titles  # an untagged talk: talks use tags
    assert "HeartTrack triage app" not in titles  # tagged magnet
    assert "EchoSeg: open-source echocardiogram segmentation" in titles
    erc_papers = {p.key for p in clinician_cv.publications if "erc" in p.tags}
    assert printed.count("[DOI]") + printed.count("[arXiv]") >= len(erc_papers)
