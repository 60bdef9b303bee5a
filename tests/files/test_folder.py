"""The four site exports against the templates that read them, their cv.yaml settings, the
selection options, reproducibility, and folder exports written all or nothing.

Template files read (with the search tools) to decide the keys, cited per test:
- Hugo Blox's importer, github.com/GetRD/academic-file-converter: `academic/templates/
  publication.md` (the front matter), `academic/import_bibtex.py` (bundle names, cite.bib).
- al-folio, github.com/alshedivat/al-folio: `_layouts/bib.liquid` (the fields it reads) and
  `_config.yml` (`filtered_bibtex_keywords`, hidden from the Bib button).
- academicpages, github.com/academicpages/academicpages.github.io: `_publications/
  2009-10-01-paper-title-number-1.md`, `markdown_generator/publications.py` and
  `pubsFromBib.py` (names and front matter), `_includes/archive-single.html` (what lists read).
"""

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
