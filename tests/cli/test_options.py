"""The options shared by the commands (cli/options.py): selection, layout, design, paper and
output reach the command; bad values are usage errors; --locale names its choices."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from cvgen.build.request import Presentation, Request
from cvgen.cli import main
from cvgen.cli.options import (
    PAPER_OPTION,
    document_options,
    locale_option,
    output_option,
    presentation_options,
    selection_options,
)
from cvgen.model import PubKind
from cvgen.select import Selection
from tests.support.projects import small_project


def test_unknown_locale_names_the_choices(tmp_path: Path, small_sources) -> None:
    cv = small_project(tmp_path, small_sources, "design:\n  locale: dee\n")
    result = CliRunner().invoke(main, ["html", "--cv", str(cv), "-o", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert "cv.yaml:" in result.output and "design.locale: unknown locale 'dee'" in result.output
    assert "did you mean 'de'?" in result.output and "en-US" in result.output
    args = ["filter", "--cv", str(small_sources.cv), "--locale", "frr"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "unknown locale 'frr'; did you mean 'fr'?" in result.output


def test_locale_option_on_filter_and_export(small_sources, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["filter", "--cv", str(small_sources.cv), "--locale", "de", "--format", "markdown"]
    )
    assert result.exit_code == 0, result.output
    assert "## Zeitschriftenartikel" in result.output and "S. 1–10" in result.output
    out = tmp_path / "cv.json"
    args = ["export", "document", "--cv", str(small_sources.cv), "--locale", "fr", "-o", str(out)]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert '"heading": "Formation"' in out.read_text(encoding="utf-8")


@click.command()
@presentation_options
@document_options
@output_option("cv.tex", "Where.")
@PAPER_OPTION
def shown(sources, request, output) -> None:
    """A command that keeps what the shared options handed it."""
    SEEN.update(sources=sources, request=request, output=output)


SEEN: dict = {}


def test_the_options_reach_the_command_as_sources_and_a_request(small_sources) -> None:
    args = ["--cv", str(small_sources.cv), "--since", "2016", "--type", "journal", "--tag",
            "erc", "--sections", "grants,publications", "--numbering", "continuous",
            "--paper", "LETTER", "--theme", "modern", "--no-cache"]  # fmt: skip
    result = CliRunner().invoke(shown, args)
    assert result.exit_code == 0, result.output
    assert (SEEN["sources"].cv, SEEN["sources"].use_cache) == (small_sources.cv, False)
    assert SEEN["output"] is None  # the command puts it in output/ beside cv.yaml
    assert SEEN["request"] == Request(
        Selection(
            since=2016, types=(PubKind.JOURNAL,), tags=("erc",), sections=("grants", "publications")
        ),
        Presentation(numbering="continuous", theme="modern", paper="letter"),
    )


def test_bad_option_values_are_usage_errors() -> None:
    for args in (["--since", "1800"], ["--type", "novel"], ["--paper", "a5"]):
        result = CliRunner().invoke(shown, args)
        assert result.exit_code == 2, args


@click.command()
@selection_options
@locale_option
def listed(sources, request) -> None:
    click.echo(f"{sources.cv} {request.variant} {request.presentation.locale}")


def test_selection_options_alone_and_the_locale_option() -> None:
    result = CliRunner().invoke(listed, ["--cv", "x.yaml", "--variant", "erc", "--locale", "de"])
    assert result.output == "x.yaml erc de\n"
    assert CliRunner().invoke(listed, ["--sections", "grants"]).exit_code == 2  # a layout option
