"""Languages: every shipped words file complete and sound, each locale's CV free of English,
amounts and dates from the locale library, Hebrew right to left, a user's own language."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cvgen.cli import main
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
