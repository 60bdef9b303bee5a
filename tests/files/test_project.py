"""The confinement layer (cvgen/files/project.py) over layouts of links made at random: links in
and out of the project, chains, loops, dangling links and hidden folders. Whatever the layout,
a path it lets through resolves inside the project and touches no hidden file; a plain file
inside is always let through."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cvgen.files.project import (
    ConfinementError,
    Project,
    default_path,
    escape,
    leaves_folder,
    not_a_file,
    real,
)

EXAMPLES = int(os.environ.get("CVGEN_FUZZ_EXAMPLES", "100"))
NAMES = ["a", "b", "c", "sub", ".git", ".ssh", "x.bib"]
TARGETS = st.sampled_from(
    ["inside-file", "inside-dir", "outside-file", "outside-dir", "parent", "root", "self",
     "missing", "hidden", "link"]
)  # fmt: skip
LAYOUT = st.lists(
    st.tuples(st.sampled_from(NAMES), st.sampled_from(["file", "dir", "link"]), TARGETS),
    min_size=1,
    max_size=8,
)


def _build(root: Path, outside: Path, layout) -> list[Path]:
    """Make the layout under root/project; every path it holds, for the checks."""
    project = root / "project"
    (project / "sub").mkdir(parents=True, exist_ok=True)
    (project / "sub" / "inner.txt").write_text("inner")
    (project / ".git").mkdir(exist_ok=True)
    (project / ".git" / "config").write_text("token")
    (outside / "secret").write_text("secret")
    targets = {
        "inside-file": project / "sub" / "inner.txt",
        "inside-dir": project / "sub",
        "outside-file": outside / "secret",
        "outside-dir": outside,
        "parent": project.parent,
        "root": project,
        "missing": project / "nowhere",
        "hidden": project / ".git" / "config",
    }
    made = []
    for index, (name, kind, target) in enumerate(layout):
        path = project / "sub" / f"{name}{index}" if name == "sub" else project / f"{name}{index}"
        if kind == "file":
            path.write_text("data")
        elif kind == "dir":
            path.mkdir()
            (path / "f").write_text("f")
            made.append(path / "f")
        else:
            pointed = path if target == "self" else targets.get(target)
            if target == "link":
                pointed = made[-1] if made else path
            path.symlink_to(pointed)
        made.append(path)
        for child in ("f", "inner.txt", "config", "secret"):
            made.append(path / child)
    return made


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(layout=LAYOUT)
def test_what_the_project_lets_through_stays_inside_and_unhidden(layout) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        outside = root / "home"
        outside.mkdir()
        paths = _build(root, outside, layout)
        project = Project.of(root / "project" / "cv.yaml")
        inside = real(root / "project")
        for path in paths:
            try:
                project.confined(path, "a test path")
            except ConfinementError as error:
                assert "cvgen does not use it" in error.message
                continue
            resolved = real(path)
            assert resolved == inside or inside in resolved.parents, path
            assert not any(part.startswith(".") for part in resolved.relative_to(inside).parts)
            assert not any(part.startswith(".") for part in path.relative_to(root).parts)


def test_plain_files_inside_pass_and_links_out_do_not(tmp_path: Path) -> None:
    project = tmp_path / "cv"
    (project / "words").mkdir(parents=True)
    (project / "words" / "de.yaml").write_text("x")
    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text("x")
    (project / "templates").symlink_to("..")
    (project / "bib.bib").symlink_to(home / ".bashrc")
    mine = Project.of(project / "cv.yaml")
    assert mine.path("words/de.yaml", "x") == project / "words" / "de.yaml"
    with pytest.raises(ConfinementError, match=r"leads out of .* through a symbolic link"):
        mine.path("templates/home/.bashrc", "a template")
    with pytest.raises(ConfinementError, match=r"publications: bib: .*bib\.bib leads out"):
        mine.path("bib.bib", "publications: bib:")
    with pytest.raises(ConfinementError, match=r"hidden .*\(\.git\)"):
        mine.path(".git/config", "a file")
    with pytest.raises(ConfinementError, match="leads out of"):
        mine.path("../home/x", "a file")


def test_a_typed_path_is_taken_as_typed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "shared" / "lab.bib"
    elsewhere.parent.mkdir()
    elsewhere.write_text("@misc{a, title={x}}")
    project = Project.of(tmp_path / "cv" / "cv.yaml", elsewhere)
    assert project.confined(elsewhere, "--bib") == elsewhere
    with pytest.raises(ConfinementError):
        Project.of(tmp_path / "cv" / "cv.yaml").confined(elsewhere, "publications: bib:")


def test_where_cvgen_writes_its_own_files(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "up").mkdir()
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "output").symlink_to(tmp_path / "up")
    (tmp_path / "work" / "taken").mkdir()
    out = tmp_path / "work"
    assert leaves_folder(out / "output" / ".bashrc", out, "the output folder")
    assert "hidden" in leaves_folder(out / ".bashrc", out)
    assert "hidden" in leaves_folder(out / ".git" / "hooks" / "pre-commit", out)
    assert leaves_folder(out / "cv.pdf", out) is None
    assert not_a_file(out / "taken") == "is a folder; give a file name"
    monkeypatch.chdir(out)
    with pytest.raises(ConfinementError, match="the output folder output leads out"):
        default_path(Path("output"), "the output folder")
    assert escape(Path("cv.pdf"), Path(".")) is None


def test_what_beside_cv_yaml_counts_as_an_input(tmp_path: Path) -> None:
    for name in ("cv.yaml", "metrics.yaml", "mine.csl", "notes.txt", "templates/html/x.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    cv = tmp_path / "cv.yaml"
    assert [p.relative_to(tmp_path).as_posix() for p in Project.of(cv).input_files(cv)] == [
        "cv.yaml",
        "templates/html/x.html",
        "cv.yaml",
        "metrics.yaml",
        "mine.csl",
    ]  # fmt: skip  (cv.yaml first, as the command names it, then as a YAML file beside it)
