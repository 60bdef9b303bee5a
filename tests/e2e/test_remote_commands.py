"""`cvgen import`, `cvgen sync` and `cvgen metrics` against local stand-ins for DBLP, ORCID,
OpenAlex and Crossref (tests/support/remote_server.py, serving tests/data/remote/)."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cvgen.cli import main
from cvgen.compose.header import metrics_phrase
from cvgen.load.bibtex.file import parse_bibtex
from cvgen.load.metrics import load_metrics
from tests.support.remote_server import (
    DBLP_BIB,
    OPENALEX_WORKS,
    ORCID_WORKS,
    REMOTE,
    data_file,
    reply,
)
from tests.support.rendering import WORDS


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A researcher's folder: cv.yaml (sources: dblp) and their hand-kept publications.bib."""
    shutil.copy(REMOTE / "cv.yaml", tmp_path / "cv.yaml")
    shutil.copy(REMOTE / "existing.bib", tmp_path / "publications.bib")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cvgen(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def entries(path: Path) -> dict:
    pubs, problems = parse_bibtex(path.read_text(encoding="utf-8"), str(path))
    assert not [p for p in problems if p.is_error], problems
    return {pub.key: pub for pub in pubs}


NEW_FROM_DBLP = {
    "adlerkatz2024federated",
    "qiao2024distributionally",
    "adlerkatz2022lower",
    "adlerkatz2020oracle",
}
OWN_KEYS = {"qiao2023sharpness", "adlerkatz2021implicit", "adler2010sparsity"}


def test_dblp_import_appends_new_entries_and_keeps_the_file(services, home):
    bib = home / "publications.bib"
    before = bib.read_bytes()
    result = cvgen("import", "dblp", "71/8342")
    assert result.exit_code == 0, result.output
    after = bib.read_bytes()
    assert after.startswith(before)  # every byte of the user's file, then the new entries
    assert after[len(before) :].startswith(b"\n% Added by `cvgen import dblp 71/8342` on ")
    pubs = entries(bib)
    assert set(pubs) == OWN_KEYS | NEW_FROM_DBLP  # no proceedings volume, no second copy
    federated = pubs["adlerkatz2024federated"]
    assert federated.venue.startswith("Forty-first International Conference on Machine Learning")
    assert [a.display for a in federated.authors] == ["Miriam Adler-Katz", "Wei Wang", "Lin Qiao"]
    preprint = pubs["qiao2024distributionally"]
    assert (preprint.entry_type, preprint.kind, preprint.links.arxiv) == (
        "misc",
        "preprint",
        "2402.05678",
    )
    assert "Added 4 entries to publications.bib." in result.output
    assert cvgen("check", "--no-cache").exit_code == 0


def test_a_second_import_adds_nothing(services, home):
    assert cvgen("import", "dblp", "71/8342").exit_code == 0
    once = (home / "publications.bib").read_bytes()
    result = cvgen("import", "dblp")  # the id from cv.yaml this time
    assert result.exit_code == 0
    assert (
        "7 papers; 6 already in publications.bib, 1 preprint of a published paper" in result.output
    )
    assert "Nothing to add" in result.output
    assert (home / "publications.bib").read_bytes() == once


def test_duplicates_by_doi_and_by_title_are_caught(services, home):
    result = cvgen("import", "dblp", "71/8342")
    assert "7 papers; 2 already in publications.bib" in result.output
    pubs = entries(home / "publications.bib").values()
    titles = [p.title.lower() for p in pubs]
    assert titles.count("sharpness-aware minimisation revisited") == 1  # DOI in other case
    assert titles.count("implicit bias of mirror descent on separable data") == 1  # title + year


def test_preprints_of_published_papers_only_when_asked(services, home):
    result = cvgen("import", "dblp", "71/8342")
    assert "a preprint of qiao2023sharpness; --include-preprints adds it" in result.output
    assert not any(
        p.links.arxiv == "2305.01234" for p in entries(home / "publications.bib").values()
    )
    (home / "publications.bib").write_bytes((REMOTE / "existing.bib").read_bytes())
    result = cvgen("import", "dblp", "71/8342", "--include-preprints")
    assert "a preprint of qiao2023sharpness" in result.output
    added = [
        p for p in entries(home / "publications.bib").values() if p.links.arxiv == "2305.01234"
    ]
    assert [p.key for p in added] == ["qiao2023sharpnessa"]  # the published one has the key


def test_dry_run_prints_the_entries_and_changes_nothing(services, home):
    before = (home / "publications.bib").read_bytes()
    result = cvgen("import", "dblp", "71/8342", "--dry-run")
    assert result.exit_code == 0
    assert (home / "publications.bib").read_bytes() == before
    printed, problems = parse_bibtex(result.stdout, "stdout")
    assert {p.key for p in printed} == NEW_FROM_DBLP and not problems
    assert "Dry run: publications.bib not changed (4 entries would be added)." in result.stderr


def test_windows_line_endings_are_kept(services, home):
    bib = home / "publications.bib"
    bib.write_bytes(bib.read_bytes().replace(b"\n", b"\r\n"))
    before = bib.read_bytes()
    assert cvgen("import", "dblp", "71/8342").exit_code == 0
    added = bib.read_bytes()[len(before) :]
    assert bib.read_bytes().startswith(before)
    assert added.count(b"\n") == added.count(b"\r\n") > 20


def test_keys_keep_a_dblp_style_file_in_dblp_keys(services, home):
    (home / "publications.bib").write_text(
        "@article{DBLP:journals/jmlr/Adler-KatzH21,\n  author = {Miriam Adler{-}Katz},\n"
        "  title = {Implicit Bias of Mirror Descent on Separable Data},\n"
        "  journal = {J. Mach. Learn. Res.},\n  year = {2021}\n}\n"
        "@phdthesis{DBLP:phd/Adler10,\n  author = {Miriam Adler},\n  title = {Sparsity},\n"
        "  school = {Yarden Institute},\n  year = {2010}\n}\n",
        encoding="utf-8",
    )
    assert cvgen("import", "dblp", "71/8342").exit_code == 0
    keys = set(entries(home / "publications.bib"))
    assert "DBLP:conf/icml/Adler-KatzWQ24" in keys and "DBLP:conf/nips/QiaoSA23" in keys


def test_429_and_500_are_retried(services, home):
    services.fail_first(
        DBLP_BIB, reply("slow down", 429, **{"Retry-After": "0"}), reply("oops", 500)
    )
    result = cvgen("import", "dblp", "71/8342")
    assert result.exit_code == 0, result.output
    assert len(services.requested(DBLP_BIB)) == 3
    assert len(entries(home / "publications.bib")) == 7


def test_a_service_that_keeps_failing_is_one_line(services, home):
    services.fail_first(DBLP_BIB, *[reply("down", 503)] * 4)
    result = cvgen("import", "dblp", "71/8342")
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("(HTTP 503 after 4 tries); try again later")
    assert len(services.requested(DBLP_BIB)) == 4
    assert (home / "publications.bib").read_bytes() == (REMOTE / "existing.bib").read_bytes()


def test_offline_is_one_clear_line(home, monkeypatch):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("CVGEN_DBLP_URL", f"http://127.0.0.1:{port}")
    result = cvgen("import", "dblp", "71/8342")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert lines[0].startswith(f"Error: cannot reach DBLP at 127.0.0.1:{port}")
    assert "are you offline? (CVGEN_DBLP_URL points cvgen at a mirror)" in lines[0]


def test_an_unknown_dblp_person_is_named(services, home):
    result = cvgen("import", "dblp", "https://dblp.org/pid/00/0000.html")
    assert result.exit_code == 1
    assert "DBLP has no person 00/0000" in result.stderr
    typo = cvgen("import", "orcid", "0000-0002-7134")
    assert typo.exit_code == 2 and "'0000-0002-7134' is not an ORCID iD" in typo.stderr


def test_orcid_import_fetches_only_new_works(services, home):
    result = cvgen("import", "orcid")  # person.orcid from cv.yaml
    assert result.exit_code == 0, result.output
    assert (
        "ORCID 0000-0002-7134-5861: 5 papers; 0 already in publications.bib, 5 new" in result.output
    )
    pubs = entries(home / "publications.bib")
    assert set(pubs) - OWN_KEYS == {
        "adlerkatz2022lower",  # Crossref, by DOI
        "adler2019greedy",  # Crossref, by DOI
        "adlerkatz2018decentralised",  # no DOI: ORCID's record, its authors but not its editor
        "adlerkatz2024distributionally",  # arXiv DOI (not Crossref's): ORCID's, owner as author
        "adlerkatz2024sparse",  # bioRxiv, posted content
    }
    gossip = pubs["adlerkatz2018decentralised"]
    assert [a.display for a in gossip.authors] == ["Miriam Adler-Katz", "Jonas van der Berg"]
    assert (gossip.entry_type, gossip.venue) == (
        "inproceedings",
        "Proceedings of the 35th International Conference on Machine Learning",
    )
    arxiv = pubs["adlerkatz2024distributionally"]
    assert (arxiv.entry_type, arxiv.links.arxiv) == ("misc", "2402.05678")
    odour = pubs["adlerkatz2024sparse"]
    assert (odour.kind, odour.month) == ("preprint", 3)
    assert odour.title == "Sparse Coding of Odour Responses in the Fly Mushroom Body"
    assert pubs["adler2019greedy"].pages == "3120–3133"
    orcid = services.requested("/orcid/")
    assert all(r.headers["Accept"] == "application/json" for r in orcid)
    assert not any(
        r.path.endswith(("/work/3001", "/work/3002")) for r in orcid
    )  # Crossref had them
    crossref = services.requested("/crossref/")
    assert all(r.query.get("mailto") == "m.adler-katz@example.edu" for r in crossref)
    assert all(
        "mailto:m.adler-katz@example.edu" in r.headers["User-Agent"] for r in services.requests
    )


def test_a_full_record_that_turns_out_known_is_not_added(services, home):
    bib = home / "publications.bib"
    known = "@article{adler2019greedy,\n  author = {Adler, Miriam},\n  title = {Greedy Sparse"
    known += " Recovery with Partial Support Information},\n  journal = {IEEE TSP},\n"
    known += "  year = {2019}\n}\n"
    bib.write_text(known, encoding="utf-8")
    services.serve(ORCID_WORKS, lambda query: reply(_retitled_tsp_summary()))
    result = cvgen("import", "orcid")
    assert "“Greedy Sparse Recovery with Partial Support Information” is adler2019greedy" in (
        result.stderr
    )
    titles = [p.title for p in entries(bib).values()]
    assert titles.count("Greedy Sparse Recovery with Partial Support Information") == 1


def _retitled_tsp_summary() -> dict:
    """ORCID's summary of the TSP paper alone, under a shortened title: only Crossref's full
    record (its title) shows it is the .bib's entry, which has no DOI."""
    import json

    works = json.loads((REMOTE / "orcid-works.json").read_text(encoding="utf-8"))
    group = works["group"][1]
    summary = group["work-summary"][0]
    summary["title"]["title"]["value"] = "Greedy sparse recovery (partial support)"
    return {**works, "group": [group]}


def test_openalex_import_follows_the_cursor_to_the_end(services, home):
    result = cvgen("import", "openalex", "https://openalex.org/A5023888391")
    assert result.exit_code == 0, result.output
    pages = services.requested(OPENALEX_WORKS)
    assert [r.query["cursor"][:8] for r in pages] == ["*", "IlsxNjYz", "IlsxNjUx"]
    assert {r.query["filter"] for r in pages} == {"author.id:A5023888391"}
    assert all(r.query["per_page"] == "100" and r.query["mailto"] for r in pages)
    assert "OpenAlex A5023888391: 4 papers; 1 already in publications.bib, 3 new" in result.output
    assert "skipped “Editorial: Optimisation for Learning”: no authors listed" in result.stderr
    pubs = entries(home / "publications.bib")
    assert (pubs["adlerkatz2022lower"].entry_type, pubs["adlerkatz2022lower"].pages) == (
        "article",
        "2101–2130",
    )
    chapter = pubs["adlerkatz2022sparse"]
    assert (chapter.entry_type, chapter.venue) == (
        "incollection",
        "Lecture notes in computer science",
    )
    assert chapter.title == "Sparse Recovery: A Tutorial for the Working Statistician"
    assert pubs["qiao2024distributionally"].links.arxiv == "2402.05678"


def test_doi_import_and_its_duplicates(services, home):
    result = cvgen("import", "doi", "https://doi.org/10.1109/TSP.2019.2912345")
    assert result.exit_code == 0, result.output
    assert "adler2019greedy" in entries(home / "publications.bib")
    again = cvgen("import", "doi", "doi:10.1109/TSP.2019.2912345", "10.1234/nothing.here")
    assert "Crossref does not know doi:10.1234/nothing.here" in again.stderr
    assert "Crossref: 1 paper; 1 already in publications.bib, 0 new" in again.output
    bad = cvgen("import", "doi", "not-a-doi")
    assert bad.exit_code == 2 and "'not-a-doi' is not a DOI" in bad.output


def test_sync_check_fails_until_the_papers_are_imported(services, home):
    check = cvgen("sync", "--check")
    assert check.exit_code == 1
    assert "publications.bib lacks 4 papers that DBLP 71/8342 list:" in check.stdout
    assert "2022  Lower Bounds for Decentralised Stochastic Optimisation" in check.stdout
    assert (home / "publications.bib").read_bytes() == (REMOTE / "existing.bib").read_bytes()
    assert cvgen("sync").exit_code == 0
    check = cvgen("sync", "--check")
    assert check.exit_code == 0, check.output
    assert "publications.bib has every paper that DBLP 71/8342 list." in check.stdout


def test_sync_check_skips_the_ignore_list(services, home):
    cv = home / "cv.yaml"
    ignore = (
        '    ignore: ["10.1137/21m1412345", "arXiv:2402.05678",\n'
        '      "Federated optimisation with heterogeneous clients: tight rates",\n'
        '      "Oracle Complexity of Nonsmooth Convex Optimisation with Sparse Gradients"]\n'
    )
    cv.write_text(cv.read_text(encoding="utf-8") + ignore, encoding="utf-8")
    result = cvgen("sync", "--check")
    assert result.exit_code == 0, result.output
    assert cvgen("sync").exit_code == 0
    assert set(entries(home / "publications.bib")) == OWN_KEYS


def test_sync_needs_configured_sources(services, home):
    (home / "cv.yaml").write_text("person: {name: Miriam Adler-Katz}\n", encoding="utf-8")
    result = cvgen("sync", "--check")
    assert result.exit_code == 1
    assert "configures no sources" in result.stderr


def test_metrics_are_fetched_into_a_dated_file(services, home):
    cv = home / "cv.yaml"
    cv.write_text(cv.read_text(encoding="utf-8") + "    openalex: A5023888391\n", encoding="utf-8")
    result = cvgen("metrics")
    assert result.exit_code == 0, result.output
    metrics, problems = load_metrics(home / "metrics.yaml")
    assert not problems
    assert (metrics.source, metrics.citations, metrics.h_index, metrics.i10_index) == (
        "OpenAlex",
        12345,
        45,
        80,
    )
    assert metrics.papers == {"qiao2023sharpness": 120}  # matched to the .bib by DOI
    assert metrics_phrase(metrics, WORDS).startswith("Citations 12,345 · h-index 45 — OpenAlex, ")
    assert f"Wrote {Path('metrics.yaml')}: Citations 12,345" in result.output


def test_metrics_find_the_author_by_orcid(services, home):
    services.serve("/openalex/authors/orcid:0000-0002-7134-5861", data_file("openalex-author.json"))
    result = cvgen("metrics", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "h_index: 45" in result.stdout and not (home / "metrics.yaml").exists()


def test_without_an_email_requests_are_anonymous_and_say_so(services, home):
    (home / "cv.yaml").write_text(
        "person: {name: Miriam Adler-Katz}\npublications: {sources: {dblp: 71/8342}}\n",
        encoding="utf-8",
    )
    result = cvgen("import", "dblp")
    assert result.exit_code == 0
    assert "note: no person.email in cv.yaml" in result.stderr
    assert services.requested(DBLP_BIB)[0].headers["User-Agent"].startswith("cvgen/")
    assert "mailto" not in services.requested(DBLP_BIB)[0].headers["User-Agent"]


def test_import_with_only_a_bib_file(services, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cvgen("import", "dblp", "71/8342", "--bib", "new.bib")
    assert result.exit_code == 0, result.output
    assert len(entries(tmp_path / "new.bib")) == 6  # all but the preprint of a published one
    missing = cvgen("import", "dblp", "71/8342")
    assert missing.exit_code == 1 and "cv.yaml not found" in missing.stderr


def test_sync_counts_a_paper_once_across_sources(services, home):
    cv = home / "cv.yaml"
    sources = "    orcid: 0000-0002-7134-5861\n    openalex: A5023888391\n"
    cv.write_text(cv.read_text(encoding="utf-8") + sources, encoding="utf-8")
    check = cvgen("sync", "--check")
    assert check.exit_code == 1
    assert "lacks 8 papers that DBLP 71/8342, ORCID 0000-0002-7134-5861, OpenAlex" in check.stdout
    assert check.stdout.count("Lower Bounds for Decentralised") == 1  # in all three sources
    assert cvgen("sync").exit_code == 0
    assert len(entries(home / "publications.bib")) == 3 + 8
    assert cvgen("sync", "--check").exit_code == 0
