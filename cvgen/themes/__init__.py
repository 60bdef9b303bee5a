"""Themes: how the CV looks, one folder each, read by every writer; the tree stays the same.

A theme is a folder `cvgen/themes/<name>/` (shipped) or `themes/<name>/` beside cv.yaml (the
user's, listed too and taking precedence over a shipped one of the same name) holding:

- `theme.yaml`: a one-line `description`, the print `colours`, the `fonts`, the default
  `font_size`, `settings` (design defaults the look implies, such as numbered sections) and a
  free section per writer (`latex`, `html`, `typst`, `word`) that only that writer reads;
- `latex.tex`: the LaTeX layout macros (\\cvsection, \\cvdated, cvpubs, ...), `cv.css`: the
  web page's styles, `html/...`: template overrides named as in classic's html/ folder, and whatever
  other writers read (`typst.typ`).

Every theme other than `classic` is laid over classic: a file it lacks is classic's, and its
theme.yaml only says what differs. So a user's theme may be one file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field

from cvgen.errors import CvgenError, fail_on_errors
from cvgen.files.project import ConfinementError, escape, real, within
from cvgen.files.reading import MAX_TEMPLATE, UnreadableFile, read_bytes
from cvgen.load.text_file import read_text
from cvgen.load.validation import validate_model
from cvgen.model import Strict
from cvgen.themes.colours import Colours
from cvgen.themes.typst_block import TypstBlock
from cvgen.themes.word_block import WordBlock
from cvgen.util.choices import unknown_choice
from cvgen.util.tables import merged_tables
from cvgen.util.yaml_lines import parse_yaml

THEMES_DIR = Path(__file__).resolve().parent
BASE = "classic"
CONFIG = "theme.yaml"


class Fonts(Strict):
    main: str = Field(description="The body font family (OpenType name, for LuaLaTeX/XeLaTeX).")
    small_caps: str | None = Field(default=None, description="Its small-caps family, if apart.")
    pdflatex: str = Field(description="The LaTeX lines that give pdflatex the same family.")
    greek: str = Field(default="NotoSerif-Regular.ttf", description="Greek and Cyrillic (file).")
    hebrew: str = Field(default="Noto Serif Hebrew", description="Hebrew, with a real bold.")
    arabic: str = Field(default="Noto Naskh Arabic", description="Arabic and Persian.")
    chinese: str = Field(default="Noto Serif CJK SC", description="Chinese (simplified).")
    japanese: str = Field(default="Noto Serif CJK JP", description="Japanese.")
    korean: str = Field(default="Noto Serif CJK KR", description="Korean.")


class ThemeSettings(Strict):
    """Design defaults of the look; cv.yaml's `design:` and the command line override them."""

    numbered_sections: bool | None = None


class ThemeConfig(Strict):
    description: Annotated[str, Field(min_length=1)]
    colours: Colours
    fonts: Fonts
    font_size: Literal[10, 11, 12] = 11
    settings: ThemeSettings = Field(default_factory=ThemeSettings)
    latex: dict[str, Any] = Field(default_factory=dict)
    html: dict[str, Any] = Field(default_factory=dict)
    typst: TypstBlock = Field(default_factory=TypstBlock)  # the Typst template's layout
    word: WordBlock = Field(default_factory=WordBlock)  # Word styles, checked with their lines


def confinement(folder: Path, root: Path | None) -> Path:
    """The folder a theme folder's files must stay in: cvgen's themes for a shipped theme,
    else the project (`root`, the folder of cv.yaml) of a user's."""
    return THEMES_DIR if root is None or within(real(folder), THEMES_DIR) else root


@dataclass(frozen=True)
class Theme:
    """A resolved theme: its folders (its own first, then classic's) and its merged settings.
    `root` is the project a user's theme belongs to (None: a shipped theme)."""

    name: str
    folders: tuple[Path, ...]
    config: ThemeConfig
    root: Path | None = None

    @property
    def description(self) -> str:
        return self.config.description

    @property
    def is_shipped(self) -> bool:
        """Whether every folder of the theme is cvgen's own (its TeX is then cvgen's)."""
        return all(within(real(folder), THEMES_DIR) for folder in self.folders)

    def file(self, name: str) -> Path:
        """`latex.tex`, `cv.css`, `html/header.html`, ...: the theme's own, else classic's. A
        file reached through a symbolic link out of the project (or, for a shipped theme, out
        of cvgen's themes), or a hidden one, is refused: a theme is data, and must not pull
        any other file of the disk into the CV."""
        for folder in self.folders:
            path = folder / name
            if os.path.lexists(path):
                reason = escape(path, folder) or escape(path, confinement(folder, self.root))
                if reason:
                    raise ConfinementError(f"theme {self.name!r}: {path} {reason}")
                if path.is_file():
                    return path
        raise CvgenError(f"theme {self.name!r} has no {name} (nor has {BASE!r})")

    def text(self, name: str) -> str:
        """A theme file's text, read as user templates are (a theme may be the user's own)."""
        path = self.file(name)
        try:
            return read_bytes(path, MAX_TEMPLATE).decode("utf-8")
        except (UnreadableFile, UnicodeDecodeError) as error:
            raise CvgenError(f"{path}: {error}") from None


def _folders(source_dir: str | Path | None) -> list[Path]:
    """Where themes live, the user's first."""
    user = [Path(source_dir) / "themes"] if source_dir else []
    return [*user, THEMES_DIR]


def available(source_dir: str | Path | None = None) -> dict[str, Path]:
    """Theme name -> its folder: the shipped ones and the user's (which win), sorted by name.
    A user's themes/ folder, theme folder or theme.yaml that leads out of the project (or is
    hidden) is refused."""
    found: dict[str, Path] = {}
    for root in reversed(_folders(source_dir)):
        if not root.is_dir():
            continue
        for config in root.glob(f"*/{CONFIG}"):
            if source_dir is not None and root != THEMES_DIR:
                reason = escape(config, source_dir)
                if reason:
                    raise ConfinementError(f"the theme {config.parent} {reason}")
            found[config.parent.name] = config.parent
    return dict(sorted(found.items()))


def _read_config(path: Path) -> dict[str, Any]:
    problems: list = []
    text = read_text(path, problems)
    data, _ = parse_yaml(text or "", str(path), problems)
    fail_on_errors(problems)
    if data is not None and not isinstance(data, dict):
        raise CvgenError(f"{path}: a theme.yaml must be a mapping (key: value)")
    return data or {}


@lru_cache(maxsize=32)
def _load(folders: tuple[Path, ...], stamps: tuple[int, ...]) -> ThemeConfig:
    """The theme.yaml files of `folders` merged (classic's first), validated with file and line.

    `stamps` (modification times) make an edited theme.yaml load afresh under `cvgen watch`."""
    merged: dict[str, Any] = {}
    for folder in reversed(folders):
        merged = merged_tables(merged, _read_config(folder / CONFIG))
    own = folders[0] / CONFIG
    _, lines = parse_yaml(own.read_text(encoding="utf-8"), str(own), [])
    config, problems = validate_model(ThemeConfig, merged, str(own), lines)
    fail_on_errors(problems)
    assert config is not None
    return config


def unknown_theme(name: str, source_dir: str | Path | None = None) -> str | None:
    """None when `name` is a theme, else the message with the choices and the nearest name."""
    themes = available(source_dir)
    return None if name in themes else unknown_choice("theme", name, themes)


def load_theme(name: str | None = None, source_dir: str | Path | None = None) -> Theme:
    """The theme called `name` (default classic), the user's folder first."""
    name = name or BASE
    themes = available(source_dir)
    if name not in themes:
        raise CvgenError(unknown_choice("theme", name, themes))
    unique = tuple(dict.fromkeys([themes[name], THEMES_DIR / BASE]))
    stamps = tuple((f / CONFIG).stat().st_mtime_ns for f in unique)
    root = Path(source_dir) if source_dir is not None else None
    return Theme(name, unique, _load(unique, stamps), root)


def listing(source_dir: str | Path | None = None) -> list[tuple[str, str]]:
    """(name, description) of every theme, for `cvgen themes`."""
    return [(name, load_theme(name, source_dir).description) for name in available(source_dir)]
