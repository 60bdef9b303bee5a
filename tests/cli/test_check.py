"""`cvgen check`: the summary, and every problem of cv.yaml, its outputs, design and metrics
file with its line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cvgen.cli import main
from cvgen.load.sources import Sources
from tests.support.projects import designed
from tests.support.site_fixture import CV_ARGS


def test_an_output_field_its_format_ignores_is_reported_with_its_line(
    build_project: Sources,
) -> None:
    text = build_project.cv.read_text(encoding="utf-8")
    build_project.cv.write_text(text.replace("- html\n", "- {format: html, engine: typst}\n"))
    result = CliRunner().invoke(main, ["check", "--cv", str(build_project.cv)])
    assert result.exit_code == 1
    assert "engine does not apply to a html output; engine is for pdf" in result.output
    assert "cv.yaml:" in result.output and "Traceback" not in result.output


def test_check_prints_summary_of_example(example_sources) -> None:
    result = CliRunner().invoke(
        main, ["check", "--cv", str(example_sources.cv), "--bib", str(example_sources.bib)]
    )
    assert result.exit_code == 0, result.output
    assert "Miriam Adler-Katz" in result.output
    assert "Publications  56 (2006–2026)" in result.output
    assert "journal" in result.output and "conference" in result.output
    assert "OK:" in result.output


def test_check_reports_an_unusable_design_of_a_variant_or_an_output(tmp_path, small_sources):
    broken = (
        "variants:\n  de: {locale: deu}\n"
        "outputs:\n  - {format: html, theme: moden}\n  - {format: pdf, variant: de}\n"
    )
    sources = designed(tmp_path, small_sources, broken)
    result = CliRunner().invoke(main, ["check", "--cv", str(sources.cv)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "unknown theme 'moden'; did you mean 'modern'?" in result.output
    assert "deu" in result.output
    fixed = sources.cv.read_text(encoding="utf-8").replace("moden", "modern").replace("deu", "de")
    sources.cv.write_text(fixed, encoding="utf-8")
    assert CliRunner().invoke(main, ["check", "--cv", str(sources.cv)]).exit_code == 0


def test_check_reports_a_broken_metrics_file_with_its_line(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cv.yaml").write_text(
        "person: {name: Miriam Adler-Katz}\npublications: {metrics: {per_paper: true}}\n"
    )
    (tmp_path / "publications.bib").write_text(
        "@article{a, author={Adler-Katz, Miriam}, title={T}, journal={J}, year={2020}}\n"
    )
    (tmp_path / "metrics.yaml").write_text("source: OpenAlex\nfetched: 2026-12-01\nh_index: x\n")
    result = CliRunner().invoke(main, ["check", "--no-cache"])
    assert result.exit_code == 1
    assert "metrics.yaml:3: h_index: must be a valid integer" in result.output


def test_check_counts_tags_in_any_case_as_written(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", *CV_ARGS])
    assert result.exit_code == 0, result.output
    assert "tags: ERC (4), selected (2)" in result.output  # ERC, erc and Erc are one tag
