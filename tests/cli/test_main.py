"""The `cvgen` group: the example as fallback, and a --help that imports nothing heavy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.paths import ROOT

ROOT = ROOT


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from cvgen.cli import main;"
        "CliRunner().invoke(main, ['--help']);"
        "print(sorted(m for m in ('pylatex','weasyprint','pydantic','bibtexparser','jinja2')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_help_stays_free_of_httpx():
    code = (
        "import sys; from cvgen.cli import main\ntry: main(['--help'])\nexcept SystemExit: pass\n"
    )
    code += "print('httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")


def test_python_dash_m_cvgen_is_the_same_command_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cvgen", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.strip().startswith("cvgen, version ")
    listed = subprocess.run(
        [sys.executable, "-m", "cvgen", "--help"], capture_output=True, text=True, check=False
    )
    assert "Usage: cvgen" in listed.stdout and "build" in listed.stdout
