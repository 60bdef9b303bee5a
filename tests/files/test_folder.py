"""Folders written all or nothing (files/folder.py): a failed export changes nothing, and a
manifest never reaches outside its folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from cvgen.errors import CvgenError
from cvgen.files.folder import MANIFEST, write_folder
from tests.support.site_fixture import export


def test_a_failed_folder_export_changes_nothing(tmp_path: Path) -> None:
    export("hugo", tmp_path)
    folder = tmp_path / "content" / "publication"
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    blocked = {"zz-new/index.md": "new", "allan-2013-imaging/index.md": "changed"}
    (folder / "zz-new").write_text("a file where a bundle folder must go")
    with pytest.raises(CvgenError, match="the previous files are unchanged"):
        write_folder(folder, blocked, "test")
    after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert after == {**before, folder / "zz-new": b"a file where a bundle folder must go"}
    assert not [p for p in folder.rglob("*.tmp")]


def test_a_manifest_never_reaches_outside_its_folder(tmp_path: Path) -> None:
    outside = tmp_path / "precious.txt"
    outside.write_text("x")
    folder = tmp_path / "site"
    folder.mkdir()
    sha = hashlib.sha256(b"x").hexdigest()
    (folder / MANIFEST).write_text(json.dumps({"files": {"../precious.txt": sha, "/etc/x": sha}}))
    write_folder(folder, {"a.md": "a"}, "test")
    assert outside.read_text() == "x"
    assert json.loads((folder / MANIFEST).read_text())["files"] == {
        "a.md": hashlib.sha256(b"a").hexdigest()
    }
