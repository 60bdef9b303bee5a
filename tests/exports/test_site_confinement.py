"""Site exports write, and remove, only inside the site folder: a page folder linked out of the
site, a manifest that lists files elsewhere (with their right hashes), a content folder that
cv.yaml puts outside or in a hidden folder, a named pipe where a page was: none of them lets
an export touch a file outside, or hang."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.files.folder import MANIFEST, write_folder
from tests.support.deadline import deadline
from tests.support.site_fixture import CV_ARGS, SITE

FOLDER = "content/publication"


def export_hugo(site: Path, *extra: str):
    return CliRunner().invoke(main, ["export", "hugo", str(site), *CV_ARGS, *extra])


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A file of the user's, outside the site, that an export must never touch."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.md").write_text("my notes\n")
    return home / "notes.md"


def test_a_manifest_naming_a_file_behind_a_linked_page_folder_removes_nothing(
    tmp_path: Path, victim: Path
) -> None:
    site = tmp_path / "site"
    pages = site / FOLDER
    pages.mkdir(parents=True)
    (pages / "old-paper").symlink_to(victim.parent, target_is_directory=True)
    data = victim.read_bytes()
    manifest = {"generator": "cvgen", "files": {"old-paper/notes.md": sha(data)}}
    (pages / MANIFEST).write_text(json.dumps(manifest))
    result = export_hugo(site)
    assert result.exit_code == 0, result.output
    assert victim.read_bytes() == data
    assert "removed" not in result.output


def test_a_page_folder_linked_out_is_never_written(tmp_path: Path, victim: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    first = export_hugo(site)
    assert first.exit_code == 0, first.output
    pages = sorted(p for p in (site / FOLDER).iterdir() if p.is_dir())
    shutil.rmtree(pages[0])
    pages[0].symlink_to(victim.parent, target_is_directory=True)
    before = sorted(victim.parent.iterdir())
    result = export_hugo(site)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "leads out of the export folder" in result.output
    assert sorted(victim.parent.iterdir()) == before and victim.read_text() == "my notes\n"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("../../home", "must be a folder inside"), (".git/hooks", "hidden")],
)
def test_the_content_folder_cv_yaml_names_stays_in_the_site(tmp_path: Path, name, expected):
    cv = (SITE / "cv.yaml").read_text(encoding="utf-8")
    project = tmp_path / "cv"
    project.mkdir()
    (project / "cv.yaml").write_text(cv.replace("  hugo:\n", f"  hugo:\n    folder: '{name}'\n"))
    site = tmp_path / "site"
    site.mkdir()
    result = CliRunner().invoke(
        main, ["export", "hugo", str(site), "--cv", str(project / "cv.yaml"),
               "--bib", str(SITE / "publications.bib")]
    )  # fmt: skip
    assert result.exit_code == 1 and expected in result.output, result.output
    assert list(site.iterdir()) == []


def test_manifest_names_are_not_trusted(tmp_path: Path, victim: Path) -> None:
    root = tmp_path / "site" / "pages"
    root.mkdir(parents=True)
    data = victim.read_bytes()
    evil = {"../../home/notes.md": sha(data), "/etc/hostname": "x", "a/../../notes": sha(data)}
    (root / MANIFEST).write_text(json.dumps({"files": evil}))
    result = write_folder(root, {"paper/index.md": "x"}, "test")
    assert result.removed == [] and victim.read_bytes() == data


def test_an_odd_manifest_or_a_pipe_where_a_page_was_does_not_hang(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    (root / "paper").mkdir(parents=True)
    os.mkfifo(root / "paper" / "index.md")
    os.mkfifo(root / MANIFEST)
    with deadline(10):
        result = write_folder(root, {"paper/index.md": "new"}, "test")
    assert (root / "paper" / "index.md").read_text() == "new"
    assert result.removed == []
    (root / MANIFEST).unlink()
    (root / MANIFEST).write_text("[" * 100_000)
    assert write_folder(root, {"paper/index.md": "new"}, "test").written
