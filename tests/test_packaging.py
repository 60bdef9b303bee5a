"""What an installed cvgen needs is in the wheel: every package folder is a package and none
is ignored by git (hatch builds the wheel from what git does not ignore)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cvgen"


def _folders_with_code() -> list[Path]:
    return sorted({p.parent for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts})


def test_every_folder_of_modules_is_a_package() -> None:
    assert [str(f) for f in _folders_with_code() if not (f / "__init__.py").is_file()] == []


@pytest.mark.skipif(
    shutil.which("git") is None or not (PACKAGE.parent / ".git").exists(),
    reason="not a git checkout",
)
def test_no_shipped_file_is_ignored_by_git() -> None:
    files = [str(p) for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        input="\n".join(files),
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
    ).stdout.split()
    assert ignored == []


def test_the_version_is_the_projects() -> None:
    """`cvgen --version` reads cvgen.__version__; the wheel's metadata reads pyproject.toml."""
    import tomllib

    import cvgen

    project = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert cvgen.__version__ == project["project"]["version"]
