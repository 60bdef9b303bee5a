"""`cvgen import`, `sync` and `metrics` against hostile answers (tests/hostile_server.py): a
failure is one line with exit status 1 and an untouched .bib; what a service says reaches the
.bib only as cvgen's own loader accepts it, and the terminal only as plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result

from cvgen.load.bibtex.file import parse_bibtex
from tests.support.hostile_server import HostileServer, answer, json_answer
from tests.support.remote_server import cvgen, researcher

ORCID = "0000-0002-7134-5861"
WORKS = f"/v3.0/{ORCID}/works"
SECRET = "sk-live-0a1b2c3d4e5f"


@pytest.fixture(scope="module")
def server():
    with HostileServer() as running:
        yield running


@pytest.fixture
def home(server: HostileServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    server.routes.clear()
    server.requests.clear()
    for env in ("CVGEN_DBLP_URL", "CVGEN_ORCID_URL", "CVGEN_OPENALEX_URL", "CVGEN_CROSSREF_URL"):
        monkeypatch.setenv(env, server.url)
    monkeypatch.setenv("CVGEN_HTTP_BACKOFF", "0.001")
    monkeypatch.setenv("CVGEN_HTTP_TIMEOUT", "3")
    monkeypatch.setenv("CVGEN_OPENALEX_API_KEY", SECRET)
    return researcher(tmp_path, monkeypatch)


def refused(result: Result, expected: str, home: Path, before: bytes) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and SECRET not in result.output
    assert expected in result.output
    assert (home / "publications.bib").read_bytes() == before


@pytest.mark.parametrize(
    ("body", "kind", "expected"),
    [
        (b"<!doctype html><h1>Maintenance</h1>", "text/html", "web page (HTML), not BibTeX"),
        (b"<html>Too many requests</html>", "text/plain", "web page (HTML), not BibTeX"),
        (b"Rate limit exceeded, slow down.", "text/plain", "holds no BibTeX entry"),
        (b"", "text/plain", "holds no BibTeX entry"),
        (b'{"error": "gone"}', "application/json", "answered application/json, not BibTeX"),
    ],
)
def test_dblp_answers_that_are_no_bibtex_fail_import_and_check(home, server, body, kind, expected):
    server.routes["/pid/71/8342.bib"] = answer(body, content_type=kind)
    before = (home / "publications.bib").read_bytes()
    refused(cvgen("import", "dblp", "71/8342"), expected, home, before)
    check = cvgen("sync", "--check")
    refused(check, expected, home, before)
    assert "has every paper" not in check.output


def orcid_works(*summaries: dict) -> dict:
    return {"group": [{"work-summary": [summary]} for summary in summaries]}


def summary(put_code: object, title: str = "A Paper", year: str = "2024") -> dict:
    return {
        "put-code": put_code,
        "title": {"title": {"value": title}},
        "type": "journal-article",
        "publication-date": {"year": {"value": year}},
    }


@pytest.mark.parametrize("put_code", ["../../../etc/passwd", "3003/../../x", -1, True, "1e3"])
def test_an_orcid_put_code_is_checked_before_it_goes_in_a_url(home, server, put_code) -> None:
    server.routes[WORKS] = json_answer(orcid_works(summary(put_code)))
    before = (home / "publications.bib").read_bytes()
    result = cvgen("import", "orcid", ORCID)
    # a work without a put-code of digits is left out (orcid_shapes.put_code): nothing else
    # is requested, nothing written
    assert result.exit_code == 0 and "0 papers" in result.output
    assert (home / "publications.bib").read_bytes() == before
    assert [path for path, _ in server.requests] == [WORKS]


def test_metrics_errors_never_show_the_api_key(home, server) -> None:
    server.routes["/authors/orcid:" + ORCID] = answer(f"bad key {SECRET}".encode(), 403)
    result = cvgen("metrics")
    assert result.exit_code == 1 and SECRET not in result.output
    assert "OpenAlex refused the request (HTTP 403 from http://127.0.0.1:" in result.output
    assert "set CVGEN_OPENALEX_API_KEY" in result.output
    assert any(SECRET in query for query, _ in server.requests)  # it was sent, never shown


def openalex_page(*works: dict) -> dict:
    return {"results": list(works), "meta": {"next_cursor": None}}


def work(title: str, year: object = 2024, authors: tuple[str, ...] = ("Miriam Adler-Katz",)):
    return {
        "id": f"https://openalex.org/W{abs(hash(title)) % 10**9}",
        "title": title,
        "publication_year": year,
        "type": "article",
        "authorships": [{"author": {"display_name": name}} for name in authors],
        "primary_location": {"source": {"display_name": "Journal of Tests", "type": "journal"}},
    }


def test_what_a_service_says_is_checked_before_it_is_written(home, server) -> None:
    server.routes["/works"] = json_answer(
        openalex_page(
            work("Colours\x1b[31m and bells\x07 in a title"),
            work("A paper from the far future", year=99999),
            work("A paper from the far past", year=-44),
            work("Nobody wrote this", authors=(" ",)),
            work(
                "Health policy review", authors=("Ministry of Health and Welfare", "Ada Lovelace")
            ),
        )
    )
    result = cvgen("import", "openalex", "A5023888391")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "skipped “A paper from the far future”: expected a four-digit year" in result.output
    assert "skipped “A paper from the far past”" in result.output
    assert "skipped “Nobody wrote this”" in result.output
    bib = home / "publications.bib"
    text = bib.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text
    pubs, problems = parse_bibtex(text, str(bib))
    assert not [p for p in problems if p.is_error]
    titles = {pub.title: pub for pub in pubs}
    assert "Colours[31m and bells in a title" in titles
    review = titles["Health policy review"]
    assert [a.display for a in review.authors] == ["Ministry of Health and Welfare", "Ada Lovelace"]
    assert cvgen("check", "--no-cache").exit_code == 0


def test_an_import_never_grows_the_bib_past_what_cvgen_reads(home, server, monkeypatch) -> None:
    from cvgen.files.reading import Limit
    from cvgen.remote import bibfile

    before = (home / "publications.bib").read_bytes()
    monkeypatch.setattr(bibfile, "MAX_BIB", Limit(len(before) + 200, "keep it small"))
    server.routes["/works"] = json_answer(openalex_page(*(work(f"Paper {n}") for n in range(5))))
    result = cvgen("import", "openalex", "A5023888391")
    refused(result, "would grow to", home, before)
    assert "nothing was written (keep it small)" in result.output
