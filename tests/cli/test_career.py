"""What the career imports share (cli/career.py): a proposal added to cv.yaml in the starter's
section order, said on stderr (notes, refusals, the count), printed as YAML by a dry run, or a
new cv.yaml started from it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from cvgen.cli import career
from cvgen.errors import CvgenError

CV = """\
person:
  name: Ada Lovelace
awards:
  - {name: Prize, organization: Society, start: 2014}
"""
PROPOSAL = {
    "awards": [
        {"name": "Prize", "organization": "Society", "start": 2014},  # already there
        {"name": "Medal", "start": 2019},
    ],
    "grants": [{"title": "No funder"}],  # cv.yaml would refuse it
    "education": [{"degree": "PhD", "institution": "Analytical Society", "start": 2010}],
    "person": {"name": "Ada Lovelace", "email": "ada@example.org"},
}


class Today(dt.date):
    @classmethod
    def today(cls) -> Today:
        return cls(2026, 3, 1)


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(career, "date", Today)


@pytest.fixture
def cv(tmp_path: Path) -> Path:
    path = tmp_path / "cv.yaml"
    path.write_text(CV, encoding="utf-8")
    return path


def test_sections_are_ordered_as_the_starter_lists_them_and_unknown_ones_last():
    proposal = {"custom": 1, "zzz": 2, "grants": 3, "bio": 4, "person": 5, "education": 6}
    assert list(career.ordered(proposal)) == [
        "person",
        "bio",
        "education",
        "grants",
        "custom",
        "zzz",
    ]


def test_what_cv_yaml_lacks_is_added_and_what_it_has_or_refuses_is_said(cv: Path, capsys):
    career.add_to_cv(cv, PROPOSAL, "cvgen import orcid", ["a note from the source"], False)
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "note: a note from the source",
        "warning: not added: grants: No funder (cvgen would refuse it)",
        f"{cv}: 3 additions; 1 already there",
    ]
    text = cv.read_text(encoding="utf-8")
    assert "  - {name: Prize, organization: Society, start: 2014}\n" in text  # as written
    assert "Added by `cvgen import orcid` on 2026-03-01" in text
    data = yaml.safe_load(text)
    assert data["person"] == {"name": "Ada Lovelace", "email": "ada@example.org"}
    assert [a["name"] for a in data["awards"]] == ["Prize", "Medal"]
    assert data["education"] == [
        {"degree": "PhD", "institution": "Analytical Society", "start": 2010}
    ]
    assert "grants" not in data


def test_a_dry_run_prints_each_addition_as_yaml_and_changes_nothing(cv: Path, capsys):
    career.add_to_cv(cv, PROPOSAL, "cvgen import orcid", [], True)
    out, err = capsys.readouterr()
    assert cv.read_text(encoding="utf-8") == CV
    assert out.startswith("# person.email: ada@example.org\n")
    assert "# education: PhD, Analytical Society\ndegree: PhD\n" in out
    assert "# awards: Medal, 2019\nname: Medal\nstart: 2019\n" in out
    assert err.endswith(f"Dry run: {cv} not changed.\n")


def test_nothing_new_writes_nothing(cv: Path, capsys):
    before = cv.stat().st_mtime_ns
    career.add_to_cv(cv, {"person": {"name": "Ada Lovelace"}}, "cvgen import jsonresume", [], False)
    assert capsys.readouterr().err == f"{cv}: 0 additions\n"
    assert cv.stat().st_mtime_ns == before and cv.read_text(encoding="utf-8") == CV


def test_a_cv_yaml_that_cannot_be_read_is_one_error(tmp_path: Path):
    missing = tmp_path / "nowhere" / "cv.yaml"
    with pytest.raises(
        CvgenError, match=f"cannot read {re.escape(str(missing))}: No such file or directory"
    ):
        career.add_to_cv(missing, PROPOSAL, "cvgen import orcid", [], False)


def test_a_cv_yaml_that_is_not_yaml_is_one_error(tmp_path: Path):
    broken = tmp_path / "cv.yaml"
    broken.write_text("person: [\n", encoding="utf-8")
    with pytest.raises(CvgenError, match=r"^cv\.yaml is not valid YAML"):
        career.add_to_cv(broken, PROPOSAL, "cvgen import orcid", [], False)
    assert broken.read_text(encoding="utf-8") == "person: [\n"


def test_a_new_cv_yaml_has_the_header_and_the_proposal(tmp_path: Path, capsys):
    path = tmp_path / "cv.yaml"
    proposal = {"education": PROPOSAL["education"], "person": {"name": "Ada Lovelace"}}
    career.new_cv(path, proposal, "cvgen init --from-orcid 0000-0002-1825-0097", ["n"])
    text = path.read_text(encoding="utf-8")
    assert text.startswith(career.NEW_CV_HEADER)
    assert "From `cvgen init --from-orcid 0000-0002-1825-0097` on 2026-03-01" in text
    assert list(yaml.safe_load(text)) == ["person", "education"]  # the starter's order
    assert capsys.readouterr().err == f"note: n\n{path}: 2 additions\nWrote {path}\n"


def test_a_new_cv_dry_run_prints_the_file_and_writes_nothing(tmp_path: Path, capsys):
    path = tmp_path / "cv.yaml"
    career.new_cv(path, {"person": {"name": "Ada Lovelace"}}, "cvgen import jsonresume", [], True)
    out, err = capsys.readouterr()
    assert not path.exists()
    assert out.startswith(career.NEW_CV_HEADER)
    assert yaml.safe_load(out) == {"person": {"name": "Ada Lovelace"}}
    assert err.endswith(f"Dry run: {path} not written.\n")


@pytest.mark.parametrize(
    "proposal",
    [{"awards": [{"name": "Medal"}]}, {"person": {}}, {"person": {"email": "ada@example.org"}}],
)
def test_a_proposal_without_a_name_starts_no_cv_yaml(tmp_path: Path, proposal: dict):
    path = tmp_path / "cv.yaml"
    with pytest.raises(CvgenError) as raised:
        career.new_cv(path, proposal, "cvgen import jsonresume resume.json", [])
    assert raised.value.message == (
        "cvgen import jsonresume resume.json gave no person's name to start a cv.yaml with"
    )
    assert not path.exists()
