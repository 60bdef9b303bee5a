"""Tab completion of --theme, --locale and --style (cli/completers.py): cvgen's own names and
the project's, beside the cv.yaml --cv names."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.cli.completers import complete_locale, complete_style, complete_theme


def _names(complete, incomplete: str, cv: Path | None = None) -> list[str]:
    ctx = click.Context(click.Command("x"))
    ctx.params["cv_path"] = str(cv) if cv else None
    return [item.value for item in complete(ctx, None, incomplete)]


def test_themes_and_locales_include_the_projects_own(tmp_path: Path) -> None:
    cv = tmp_path / "cv.yaml"
    cv.write_text("person: {name: Ada Example}\n", encoding="utf-8")
    (tmp_path / "themes" / "mine").mkdir(parents=True)
    (tmp_path / "themes" / "mine" / "theme.yaml").write_text("description: mine\n")
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "eo.yaml").write_text("language: eo\n")
    assert _names(complete_theme, "m", cv) == ["mine", "modern"]
    assert _names(complete_theme, "", cv)[:2] == ["classic", "compact"]
    assert "eo" in _names(complete_locale, "", cv) and "de" in _names(complete_locale, "", cv)
    assert _names(complete_locale, "h", cv) == ["he"]


def test_styles_offer_the_curated_list_then_every_name(tmp_path: Path) -> None:
    curated = _names(complete_style, "", tmp_path / "cv.yaml")
    assert "apa" in curated and len(curated) < 60
    typed = _names(complete_style, "chicago", tmp_path / "cv.yaml")
    assert typed and all(name.startswith("chicago") for name in typed)


def test_the_completion_command_prints_each_shells_script() -> None:
    for shell, marker in (("bash", "complete -o"), ("zsh", "compdef"), ("fish", "complete")):
        result = CliRunner().invoke(main, ["completion", shell])
        assert result.exit_code == 0, result.output
        assert marker in result.output and "_CVGEN_COMPLETE" in result.output
