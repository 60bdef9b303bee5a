"""From sources to new .bib entries (remote/importing.py), as the terminal reports them
(remote/report.py) and as they are written (remote/entries.py)."""

from __future__ import annotations

import pytest

from cvgen.load.bibtex.file import parse_bibtex
from cvgen.remote.bibfile import read_bib
from cvgen.remote.dblp import DblpSource
from cvgen.remote.dedup import IgnoreList
from cvgen.remote.entries import bibtex_text, cleaned, read_service_bibtex
from cvgen.remote.http import Client
from cvgen.remote.importing import additions, entries_text, survey
from cvgen.remote.report import addition_lines, missing_lines, preprint_lines, survey_line
from tests.support.remote_server import REMOTE, FakeServices

NEW = ["adlerkatz2024federated", "qiao2024distributionally", "adlerkatz2022lower",
       "adlerkatz2020oracle"]  # fmt: skip


@pytest.fixture
def surveyed(services: FakeServices):
    bib = read_bib(REMOTE / "existing.bib")
    with Client("a@b.org") as client:
        surveys = survey(client, [DblpSource("71/8342")], bib, IgnoreList([]))
        yield bib, surveys, additions(client, surveys, bib)


def test_the_survey_tells_known_new_and_left_out_papers_apart(surveyed) -> None:
    _, surveys, _ = surveyed
    assert survey_line(surveys[0], "publications.bib") == (
        "DBLP 71/8342: 7 papers; 2 already in publications.bib, "
        "1 preprint of a published paper left out, 4 new"
    )
    (line,) = preprint_lines(surveys[0])
    assert "a preprint of qiao2023sharpness; --include-preprints adds it" in line


def test_new_papers_get_keys_in_the_files_style_and_read_back(surveyed) -> None:
    _, surveys, added = surveyed
    assert [line.split()[1] for line in addition_lines(added)] == NEW
    text = entries_text(added, "Added by `cvgen import` on 2026-01-05")
    assert text.startswith("% Added by `cvgen import` on 2026-01-05\n")
    pubs, problems = parse_bibtex(text, "new.bib")
    assert [p.key for p in pubs] == NEW and not [p for p in problems if p.is_error]
    missing = missing_lines(surveys, "publications.bib")
    assert missing[0] == "publications.bib lacks 4 papers that DBLP 71/8342 list:"


def test_a_services_bibtex_is_read_and_written_in_cvgens_conventions() -> None:
    pubs, warnings = read_service_bibtex(
        "@article{DBLP:x, author={A. B}, title={<i>In vivo</i> work}, journal={J}, year=2020,"
        " url={https://doi.org/10.1234/x}, doi={10.1234/x}}\n@article{bad, title={T}}",
        "DBLP x",
    )
    assert [p.key for p in pubs] == ["DBLP:x"] and len(warnings) == 1
    pub = cleaned(pubs[0], "b2020vivo")
    assert (pub.key, pub.title, pub.links.url) == ("b2020vivo", "In vivo work", None)
    text = bibtex_text([pub])
    assert text.startswith("@article{b2020vivo,") and "doi = {10.1234/x}" in text
