"""A new user with an ORCID iD: `cvgen init DIR --from-orcid ID` gives a cv.yaml that checks and
a PDF with their employments, degrees, distinctions, fundings and works, in one command; and
`cvgen import orcid --career` adds to an existing cv.yaml what it lacks. Offline, against the
recorded records on the local stand-in (tests/remote_server.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

from cvgen.cli import main
from tests.support.remote_server import REMOTE, FakeServices, point_at, reply, running_services

RECORDS = REMOTE / "orcid-records"
ACCOMAZZI = "0000-0002-4110-3511"
CARBERRY = "0000-0002-1825-0097"


@pytest.fixture(scope="module")
def server():
    yield from running_services()


@pytest.fixture
def orcid(server: FakeServices, monkeypatch: pytest.MonkeyPatch) -> FakeServices:
    point_at(server, monkeypatch)
    records = {
        ACCOMAZZI: RECORDS / "constructed" / f"{ACCOMAZZI}.record.json",
        CARBERRY: RECORDS / "v3" / f"{CARBERRY}.record.json",
    }
    for orcid_id, path in records.items():
        server.serve(f"/orcid/v3.0/{orcid_id}/record", reply(json.loads(path.read_text())))
    return server


def cvgen(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_init_from_orcid_gives_a_checked_cv_and_its_pdf(orcid, tmp_path: Path):
    folder = tmp_path / "newcv"
    result = cvgen("init", str(folder), "--from-orcid", f"https://orcid.org/{ACCOMAZZI}")
    assert result.exit_code == 0, result.output
    assert cvgen("check", "--cv", str(folder / "cv.yaml")).exit_code == 0
    text = " ".join(
        " ".join((page.extract_text() or "").split())
        for page in PdfReader(folder / "output" / "cv.pdf").pages
    )
    for expected in (
        "Technical Lead, NASA Astrophysics Data System",  # employments
        "PhD in Physics, University of Milan",  # degrees
        "role-title, common:name",  # the distinction (ORCID's documented sample)
        "ACCELERATING DISCOVERY THROUGH",  # fundings
        "80NSSC21M0056",
        "Best Practices for Data Publication in the Astronomical Literature",  # works
        "An approach to heuristic exploitation",
    ):
        assert expected in text, expected
    assert "written as PI, check" in result.output  # what the record did not say
    assert "added from its summary" in result.output
    asked = [r.path for r in orcid.requested("/orcid")]
    assert asked.count(f"/orcid/v3.0/{ACCOMAZZI}/record") == 1
    assert f"/orcid/v3.0/{ACCOMAZZI}/works" not in asked  # the record's summary served


def test_init_refuses_a_folder_with_a_cv(orcid, tmp_path: Path):
    (tmp_path / "cv.yaml").write_text("person: {name: A}\n")
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--from-orcid", CARBERRY])
    assert result.exit_code == 1 and "not overwriting" in result.output
    assert (tmp_path / "cv.yaml").read_text() == "person: {name: A}\n"


def test_an_unknown_record_is_one_line(orcid, tmp_path: Path):
    result = CliRunner().invoke(
        main, ["init", str(tmp_path / "x"), "--from-orcid", "0000-0001-5109-3700"]
    )
    assert result.exit_code == 1
    assert "ORCID has no record 0000-0001-5109-3700" in result.output
    assert not (tmp_path / "x" / "cv.yaml").exists()


def test_an_html_answer_is_one_line(orcid, tmp_path: Path):
    orcid.serve(f"/orcid/v3.0/{CARBERRY}/record", reply("<html>maintenance</html>"))
    result = CliRunner().invoke(main, ["init", str(tmp_path / "x"), "--from-orcid", CARBERRY])
    assert result.exit_code == 1
    assert "ORCID answered with a web page (HTML), not JSON" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_import_career_adds_what_cv_yaml_lacks_and_never_replaces(orcid, tmp_path, monkeypatch):
    shutil.copy(REMOTE / "cv.yaml", tmp_path / "cv.yaml")
    (tmp_path / "publications.bib").write_text("")
    monkeypatch.chdir(tmp_path)
    before = (tmp_path / "cv.yaml").read_text()
    dry = cvgen("import", "orcid", CARBERRY, "--career", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert (tmp_path / "cv.yaml").read_text() == before
    assert "# appointments: Professor, Wesleyan University" in dry.stdout
    done = cvgen("import", "orcid", CARBERRY, "--career")
    assert done.exit_code == 0, done.output
    after = (tmp_path / "cv.yaml").read_text()
    lines = iter(after.splitlines())
    assert all(any(line == kept for line in lines) for kept in before.splitlines())
    assert "cv.yaml's ORCID iD is 0000-0002-7134-5861" in done.output  # not Carberry's person
    assert "carberry.php" not in after and "Professor" in after
    assert cvgen("check").exit_code == 0
    again = cvgen("import", "orcid", CARBERRY, "--career")
    assert "0 additions" in again.output
    assert (tmp_path / "cv.yaml").read_text() == after
