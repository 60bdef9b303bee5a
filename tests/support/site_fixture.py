"""The lab site of tests/data/site: its CV loaded, its exports run through the CLI, and the
site builders (Jekyll, Hugo) found or the test skipped with the reason (never in CI)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from tests.support.paths import DATA

SITE = DATA / "site"
CV_ARGS = ["--cv", str(SITE / "cv.yaml"), "--bib", str(SITE / "publications.bib")]
ZOTERO_PATH = "/home/allan/Zotero/storage"  # the `file` field of battisti2017poor


def export(target: str, destination: Path, *options: str) -> str:
    """`cvgen export TARGET` for the lab site; a file target gets -o, a folder target SITE_DIR
    (made first, as a site is: cvgen refuses a SITE_DIR that does not exist)."""
    where = ["-o", str(destination)]
    if target in ("hugo", "academicpages"):
        destination.mkdir(parents=True, exist_ok=True)
        where = [str(destination)]
    result = CliRunner().invoke(main, ["export", target, *where, *CV_ARGS, *options])
    assert result.exit_code == 0, result.output
    return result.output


def site_tool(name: str) -> str:
    """The site builder's path. CI installs it (.ci/install-system), so there it must exist."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing; .ci/install-system installs the Debian package")
        pytest.skip(f"{name} is not installed (Debian package {name}; .ci/install-system)")
    return path


def build(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def copy_site(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(SITE / name, target)
    return target
