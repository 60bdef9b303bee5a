"""A build never writes over its own inputs or out of its output folder: each such output path
is refused, with cv.yaml's line, before anything is written (output_paths.py, model/design.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cvgen.cli import main
from tests.support.paths import DATA

BAD = DATA / "bad"
EXAMPLES = int(os.environ.get("CVGEN_FUZZ_EXAMPLES", "100"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    shutil.copy(BAD / "_valid.bib", tmp_path / "publications.bib")
    (tmp_path / "templates" / "html").mkdir(parents=True)
    (tmp_path / "templates" / "html" / "legend.html").write_text("<p>legend</p>\n")
    (tmp_path / "mine.csl").write_text("<style/>\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def _build(project: Path, outputs: str, *args: str) -> str:
    (project / "cv.yaml").write_text(
        "person:\n  name: Ada Example\n  email: ada@example.edu\noutputs:\n" + outputs
    )
    before = _snapshot(project)
    result = CliRunner().invoke(main, ["build", "--no-cache", *args])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert _snapshot(project) == before  # nothing written, no input replaced
    return result.output


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("publications.bib", "would overwrite the publication list this build reads"),
        ("cv.yaml", "would overwrite the CV data this build reads (cv.yaml)"),
        ("templates/html/legend.html", "would overwrite a file this build reads (templates/"),
        ("templates/html/new.html", "is inside templates, whose files this build reads"),
        ("templates", "is inside templates, whose files this build reads"),
        ("words/de.yaml", "is inside words, whose files this build reads"),
        ("styles/mine.csl", "is inside styles, whose files this build reads"),
        ("mine.csl", "would overwrite a file this build reads (mine.csl)"),
    ],
)
def test_an_output_over_an_input_is_refused(project: Path, path: str, expected: str) -> None:
    output = _build(project, f"  - html\n  - {{format: bio, path: {path}}}\n", "--out-dir", ".")
    output = output.replace(str(project) + "/", "")
    assert f"cv.yaml:6: outputs[1].path: {path}: {expected}" in output
    assert "1 output must not be written there; nothing was written." in output


def test_a_hard_link_to_an_input_is_refused(project: Path) -> None:
    (project / "out").mkdir()
    os.link(project / "publications.bib", project / "out" / "bio.txt")
    output = _build(project, "  - {format: bio, path: bio.txt}\n", "--out-dir", "out")
    assert "outputs[0].path: out/bio.txt: would overwrite the publication list" in output


def test_a_symbolic_link_out_of_the_output_folder_is_refused(project: Path, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / "out").mkdir()
    (project / "out" / "site").symlink_to(elsewhere, target_is_directory=True)
    output = _build(project, "  - {format: html, path: site/cv.html}\n", "--out-dir", "out")
    assert (
        "cv.yaml:5: outputs[0].path: out/site/cv.html: leads out of the output folder out" in output
    )
    assert list(elsewhere.iterdir()) == []


def test_folders_and_files_in_the_way_are_refused(project: Path) -> None:
    (project / "out" / "taken").mkdir(parents=True)
    (project / "out" / "cv.pdf").write_text("a file")
    outputs = "  - {format: html, path: taken}\n  - {format: bio, path: cv.pdf/bio.txt}\n"
    output = _build(project, outputs, "--out-dir", "out")
    assert "cv.yaml:5: outputs[0].path: out/taken: is a folder; give a file name" in output
    assert "cv.yaml:6: outputs[1].path: out/cv.pdf/bio.txt: cannot be written: " in output
    assert "cv.pdf is a file, not a folder" in output
    assert "2 outputs must not be written there" in output


def test_outputs_into_the_templates_folder_are_refused(project: Path) -> None:
    output = _build(project, "  - html\n", "--out-dir", "templates")
    assert "cv.yaml:5: outputs[0]: templates/cv.html: is inside " in output
    (project / "cv.yaml").write_text("person:\n  name: Ada Example\n  email: ada@example.edu\n")
    result = CliRunner().invoke(main, ["build", "--no-cache", "--out-dir", "templates"])
    assert result.exit_code == 1
    assert "cv.yaml: templates/cv.pdf (a default output) is inside " in result.output
    assert "3 outputs must not be written there" in result.output


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (".", "'.' names a folder; give a file name, such as 'cv.pdf'"),
        ("sub/", "'sub/' names a folder; give a file name"),
        ("sub/.", "'sub/.' names a folder"),
        (".cvgen-build.json", "'.cvgen-build.json': names starting with '.cvgen' are cvgen's own"),
        ("x/.cvgen-tmp", "'x/.cvgen-tmp': names starting with '.cvgen' are cvgen's own files"),
    ],
)
def test_check_refuses_folder_and_reserved_names_with_their_line(project: Path, path, expected):
    (project / "cv.yaml").write_text(
        f"person:\n  name: Ada Example\n  email: ada@example.edu\noutputs:\n"
        f"  - {{format: html, path: '{path}'}}\n"
    )
    result = CliRunner().invoke(main, ["check", "--no-cache"])
    assert result.exit_code == 1
    assert f"cv.yaml:5: outputs[0].path: {expected}" in result.output


def test_an_ordinary_output_folder_still_builds(project: Path) -> None:
    (project / "cv.yaml").write_text(
        "person:\n  name: Ada Example\n  email: ada@example.edu\noutputs:\n"
        "  - html\n  - {format: bio, path: texts/bio.md}\n"
    )
    result = CliRunner().invoke(main, ["build", "--no-cache", "--out-dir", "."])
    assert result.exit_code == 0, result.output
    assert (project / "cv.html").exists() and (project / "texts" / "bio.md").exists()


SEGMENTS = st.sampled_from(["x", "cv.yaml", "publications.bib", "templates", "out", "link", "."])


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(SEGMENTS, min_size=1, max_size=4), st.sampled_from([".", "out"]))
def test_an_accepted_path_stays_inside_and_overwrites_no_input(
    tmp_path_factory, segments: list[str], out_name: str
) -> None:
    from cvgen.build.output_paths import target_problem
    from cvgen.load.sources import Sources

    root = tmp_path_factory.mktemp("p")
    (root / "cv.yaml").write_text("person: {name: Ada}\n")
    (root / "publications.bib").write_text("")
    (root / "templates").mkdir()
    (root / "out").mkdir()
    (root / "out" / "link").symlink_to(root, target_is_directory=True)
    out_dir = root / out_name
    target = out_dir.joinpath(*segments)
    inputs = Sources(cv=root / "cv.yaml")
    if target_problem(target, out_dir, inputs, root / "publications.bib") is None:
        resolved = target.resolve()
        assert out_dir.resolve() in resolved.parents
        assert resolved not in {root / "cv.yaml", root / "publications.bib"}
        assert root / "templates" not in [resolved, *resolved.parents]
        assert not resolved.is_dir()
