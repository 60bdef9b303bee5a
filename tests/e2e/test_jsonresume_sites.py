"""cvgen's JSON Resume rendered for real: by al-folio's own CV layout and includes under Jekyll
(tests/data/site-themes/al-folio, SOURCES.md there), and by resume-cli with a theme installed
from npm. Each item of the example that the two formats share appears on the page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.html_doc import parse
from tests.support.site_fixture import build, site_tool

THEMES = Path(__file__).parent.parent / "data" / "site-themes"
# What `resume export` needs, at versions that work together (resume-cli 3.7 pulls a package
# that is gone from the registry; theme-even 0.6 is the one resume-cli 3.0 was made with).
NPM_PACKAGES = ("resume-cli@3.0.8", "jsonresume-theme-even@0.6.1")
DEFAULT_LAYOUT = "<!doctype html><html><body>{{ content }}</body></html>\n"


def export_resume(example_sources, target: Path) -> dict:
    from click.testing import CliRunner

    from cvgen.cli import main

    args = ["--cv", str(example_sources.cv), "--bib", str(example_sources.bib), "-o", str(target)]
    result = CliRunner().invoke(main, ["export", "jsonresume", *args])
    assert result.exit_code == 0, result.output
    return json.loads(target.read_text(encoding="utf-8"))


def words(text: str) -> str:
    return " ".join(text.split())


def expected_texts(resume: dict) -> list[str]:
    """What both renderers print: names of people, posts, places, degrees, awards, works."""
    found = [resume["basics"]["name"]]
    found += [w["position"] for w in resume["work"]] + [w["name"] for w in resume["work"]]
    found += [e["institution"] for e in resume["education"]]
    found += [a["title"] for a in resume["awards"]]
    found += [p["name"] for p in resume["publications"] if p.get("url")]
    return [words(t) for t in found]


def test_al_folio_cv_page_renders_the_export(example_sources, tmp_path: Path):
    jekyll = site_tool("jekyll")
    site = tmp_path / "site"
    shutil.copytree(THEMES / "al-folio" / "_layouts", site / "_layouts")
    shutil.copytree(THEMES / "al-folio" / "_includes", site / "_includes")
    (site / "_layouts" / "default.html").write_text(DEFAULT_LAYOUT)
    (site / "_config.yml").write_text("title: CV\n")
    (site / "cv.md").write_text("---\nlayout: cv\ntitle: cv\ncv_format: jsonresume\n---\n")
    # al-folio loads assets/json/resume.json with the jekyll-get-json plugin (not in Debian);
    # Jekyll reads the same file from _data/ natively.
    resume = export_resume(example_sources, site / "_data" / "resume.json")
    build([jekyll, "build", "--quiet", "--safe", "--disable-disk-cache", "-d", "_site"], site)
    page = parse((site / "_site" / "cv.html").read_text(encoding="utf-8"))
    text = words(page.text())
    for expected in expected_texts(resume):
        assert expected in text, expected
    first_job = resume["work"][0]
    assert f"{first_job['startDate'].replace('-', '.')} -" in text  # experience.liquid's badge
    headings = [words(h.text()) for h in page.iter("h3")]
    assert headings[:4] == [
        "Contact Information",
        "Professional Summary",
        "Experience",
        "Education",
    ]


@pytest.fixture(scope="module")
def resume_cli(tmp_path_factory) -> Path:
    """resume-cli and a theme, installed from the npm registry into a folder of the test."""
    npm = shutil.which("npm")
    if npm is None:
        if os.environ.get("CI"):
            pytest.fail("npm is missing; .ci/install-system installs the Debian package")
        pytest.skip("npm is not installed (Debian package npm; .ci/install-system)")
    folder = tmp_path_factory.mktemp("resume-cli")
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1"}
    done = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--ignore-scripts", *NPM_PACKAGES],
        cwd=folder, capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


def test_a_resume_cli_theme_renders_the_export(example_sources, resume_cli: Path):
    resume = export_resume(example_sources, resume_cli / "resume.json")
    command = [str(resume_cli / "node_modules" / ".bin" / "resume"), "export", "cv.html"]
    done = subprocess.run(
        [*command, "--resume", "resume.json", "--theme", "even"],
        cwd=resume_cli, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    page = parse((resume_cli / "cv.html").read_text(encoding="utf-8"))
    text = words(page.text())
    for expected in expected_texts(resume):
        assert expected in text, expected
    grants = [p["name"] for p in resume["projects"] if p.get("type") == "grant"]
    assert grants and all(words(name) in text for name in grants)  # the theme shows projects
