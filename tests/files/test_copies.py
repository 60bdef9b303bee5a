"""The private copy of a theme's folder a Typst child compiles on (files/copies.py): regular
files only, hidden ones left out, links that lead out refused, the whole bounded in size."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cvgen.files.copies import copy_folder
from cvgen.files.project import ConfinementError
from cvgen.files.reading import Limit


@pytest.fixture
def theme(tmp_path: Path) -> Path:
    folder = tmp_path / "project" / "themes" / "sly"
    (folder / "img").mkdir(parents=True)
    (folder / "typst.typ").write_text("#let x = 1")
    (folder / "img" / "logo.svg").write_text("<svg/>")
    return folder


def copied(target: Path) -> dict[str, str]:
    return {str(p.relative_to(target)): p.read_text() for p in target.rglob("*") if p.is_file()}


def test_the_files_are_copied_private_and_hidden_ones_left_out(theme: Path, tmp_path) -> None:
    (theme / ".env").write_text("TOKEN=x")
    (theme / ".git").mkdir()
    (theme / ".git" / "config").write_text("[core]")
    target = copy_folder(theme, tmp_path / "copy", theme.parents[1])
    assert target == tmp_path / "copy"
    assert copied(target) == {"typst.typ": "#let x = 1", "img/logo.svg": "<svg/>"}
    assert stat.S_IMODE(os.stat(target / "typst.typ").st_mode) == 0o600


def test_a_link_inside_the_folder_is_copied_as_a_file(theme: Path, tmp_path) -> None:
    (theme / "same.typ").symlink_to(theme / "typst.typ")
    target = copy_folder(theme, tmp_path / "copy", theme.parents[1])
    assert not (target / "same.typ").is_symlink()
    assert (target / "same.typ").read_text() == "#let x = 1"


def test_a_link_out_of_the_folder_is_refused(theme: Path, tmp_path) -> None:
    (tmp_path / "secret.txt").write_text("SECRET")
    (theme / "data.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(ConfinementError) as refused:
        copy_folder(theme, tmp_path / "copy", theme.parents[1])
    message = refused.value.message
    assert message.startswith(f"{theme / 'data.txt'} leads out of {theme} through a symbolic")
    assert message.endswith("; cvgen does not use it") and "SECRET" not in message


def test_a_named_pipe_is_not_copied(theme: Path, tmp_path) -> None:
    os.mkfifo(theme / "pipe")
    target = copy_folder(theme, tmp_path / "copy", theme.parents[1])  # never blocks on it
    assert "pipe" not in copied(target)


def test_the_copy_is_bounded_in_size(theme: Path, tmp_path) -> None:
    (theme / "big.png").write_bytes(bytes(100))
    limit = Limit(90, "a theme is small")
    with pytest.raises(ConfinementError) as refused:
        copy_folder(theme, tmp_path / "copy", theme.parents[1], limit)
    assert str(theme / "big.png") in refused.value.message
    assert "a theme is small" in refused.value.message
