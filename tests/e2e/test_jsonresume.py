"""JSON Resume in and out: five real researchers' resume.json (tests/data/jsonresume/SOURCES.md)
imported into cv.yaml, which checks, and exported again: valid against the JSON Resume schema,
with every value both formats hold given back."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from cvgen.cli import main

DATA = Path(__file__).parent.parent / "data" / "jsonresume"
SCHEMA = json.loads((DATA / "schema.json").read_text(encoding="utf-8"))
RESUMES = sorted((DATA / "resumes").glob("*.json"))
# What both hold, section by section: (JSON Resume key of the items, their fields).
BOTH = {
    "work": ("name", "position", "location", "description", "startDate", "endDate", "summary"),
    "volunteer": ("organization", "position", "startDate", "endDate", "summary"),
    "education": ("institution", "area", "studyType", "startDate", "endDate", "score"),
    "awards": ("title", "date", "awarder", "summary"),
    "languages": ("language", "fluency"),
    "certificates": ("name", "issuer", "date", "url"),
    "skills": ("name", "level", "keywords"),
    "interests": ("name",),
}
BASICS = ("name", "label", "email", "phone", "url", "summary")


def cvgen(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def validate(resume: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(resume)


def date(value: object) -> str | None:
    """The documented reading: '2024.02' is 2024-02, 'Present' no end, the first of two."""
    text = str(value or "").strip()
    if text.lower() == "present":
        return None
    match = re.match(r"(\d{4})(?:[-.](\d{1,2}))?(?:[-.](\d{1,2}))?", text)
    if not match:
        return None
    return "-".join(f"{int(p):02d}" if i else p for i, p in enumerate(match.groups()) if p)


def plain(value: object) -> object:
    if isinstance(value, list):
        return [v for v in (plain(v) for v in value) if v] or None
    return " ".join(value.split()) or None if isinstance(value, str) else value


def comparable(section: str, item: dict) -> dict:
    found = {}
    for key in BOTH[section]:
        value = item.get(key)
        if key in ("startDate", "endDate", "date"):
            value = date(value if key != "startDate" else value or item.get("date"))
        found[key] = plain(value)
    if section == "skills" and found["keywords"]:
        found["keywords"] = [k.strip() for k in ", ".join(found["keywords"]).split(",")]
    return {k: v for k, v in found.items() if v is not None}


def kept(resume: dict, section: str) -> list[dict]:
    """The items cvgen can hold: those with the fields cv.yaml requires."""
    required = {"work": ("position", "name"), "volunteer": ("position", "organization"),
                "education": ("studyType", "institution"), "awards": ("title",),
                "languages": ("language",), "certificates": ("name",), "skills": ("name",),
                "interests": ("name",)}[section]  # fmt: skip
    items = [i for i in resume.get(section) or [] if isinstance(i, dict)]
    return [comparable(section, i) for i in items if all(plain(i.get(k)) for k in required)]


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name.split(".")[0])
def test_import_then_export_gives_back_what_both_hold(path: Path, tmp_path: Path):
    cv = tmp_path / "cv.yaml"
    imported = cvgen("import", "jsonresume", str(path), "--cv", str(cv))
    assert imported.exit_code == 0, imported.output
    (tmp_path / "publications.bib").write_text("")
    assert cvgen("check", "--cv", str(cv)).exit_code == 0
    out = tmp_path / "resume.json"
    exported = cvgen("export", "jsonresume", "--cv", str(cv), "-o", str(out))
    assert exported.exit_code == 0, exported.output
    original, again = json.loads(path.read_text(encoding="utf-8")), json.loads(out.read_text())
    validate(again)
    for key in BASICS:
        assert plain(again["basics"].get(key)) == plain(original["basics"].get(key)), key
    for section in BOTH:
        assert kept(again, section) == kept(original, section), section


def test_what_does_not_fit_is_said(tmp_path: Path):
    path = DATA / "resumes" / "AHolliday.resume.json"
    result = cvgen("import", "jsonresume", str(path), "--cv", str(tmp_path / "cv.yaml"))
    assert "work[0].startDate: only 2017-05 of '2017-05 - 2019-04, 2025-02' taken" in result.output
    assert "volunteer[1]: no position or organization; left out" in result.output
    leftover = DATA / "resumes" / "20001LastOrder.template-leftover.resume.json"
    result = cvgen("import", "jsonresume", str(leftover), "--cv", str(tmp_path / "cv2.yaml"))
    assert "publications: 3 left out: keep them in the .bib" in result.output


def test_a_second_import_adds_nothing_and_a_dry_run_writes_nothing(tmp_path: Path):
    path = DATA / "resumes" / "ABelonovskii.resume.json"
    cv = tmp_path / "cv.yaml"
    dry = cvgen("import", "jsonresume", str(path), "--cv", str(cv), "--dry-run")
    assert dry.exit_code == 0 and not cv.exists()
    assert "person:\n  name: Aleksei Belonovskii" in dry.stdout
    assert cvgen("import", "jsonresume", str(path), "--cv", str(cv)).exit_code == 0
    once = cv.read_text()
    again = cvgen("import", "jsonresume", str(path), "--cv", str(cv))
    assert "0 additions" in again.output and cv.read_text() == once


def test_a_file_that_is_not_json_is_one_line(tmp_path: Path):
    bad = tmp_path / "resume.json"
    bad.write_text('{"basics": {"name": "A",}\n')
    result = CliRunner().invoke(
        main, ["import", "jsonresume", str(bad), "--cv", str(tmp_path / "c")]
    )
    assert result.exit_code == 1
    assert f"{bad}:1: not JSON" in result.output


def test_the_example_exports_a_valid_resume_and_says_what_it_leaves(example_sources, tmp_path):
    out = tmp_path / "resume.json"
    args = ["--cv", str(example_sources.cv), "--bib", str(example_sources.bib), "-o", str(out)]
    result = cvgen("export", "jsonresume", *args)
    assert result.exit_code == 0, result.output
    resume = json.loads(out.read_text())
    validate(resume)
    assert {"basics", "work", "education", "awards", "publications", "projects"} <= set(resume)
    assert any(p.get("type") == "grant" for p in resume["projects"])
    assert "JSON Resume has no place for: students" in result.output
