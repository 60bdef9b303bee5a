"""The parts of `cvgen import` that need no server: identifiers, retry delays, key styles,
duplicate decisions, Crossref repairs, appending, and the metrics file and its switches."""

from __future__ import annotations

import email.utils
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from rendering import WORDS

from cvgen.cli import main
from cvgen.compose.header import metrics_phrase
from cvgen.load.cv_yaml import load_cv_yaml
from cvgen.load.identity import Identity, Index
from cvgen.load.metrics import load_metrics, metrics_for
from cvgen.model import Author, PubKind, Publication
from cvgen.remote.bibfile import appended
from cvgen.remote.crossref import repaired
from cvgen.remote.dedup import IgnoreList, Verdict, decide
from cvgen.remote.http import retry_delay, user_agent
from cvgen.remote.keys import DBLP_STYLE, DEFAULT_STYLE, KeyMaker, detect_style
from cvgen.remote.works import Work
from cvgen.util.ids import arxiv_id, bare_doi, dblp_pid, openalex_author


def pub(key: str, title: str, year: int, last: str = "Adler-Katz", **fields) -> Publication:
    return Publication(
        key=key,
        entry_type=fields.pop("entry_type", "article"),
        kind=fields.pop("kind", PubKind.JOURNAL),
        title=title,
        authors=[Author(first="Miriam", last=last)],
        year=year,
        venue="Journal",
        **fields,
    )


# Old Wiley DOIs hold <, >, ; and :
SICI = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("10.1137/21M1412345", "10.1137/21M1412345"),
        ("https://doi.org/10.1137/21M1412345", "10.1137/21M1412345"),
        ("http://dx.doi.org/10.1137/21m1412345", "10.1137/21m1412345"),
        (f"doi: {SICI}", SICI),
        ("not a doi", None),
        ("10.1137", None),
    ],
)
def test_bare_doi(text, doi):
    assert bare_doi(text) == doi


@pytest.mark.parametrize(
    ("text", "arxiv"),
    [
        ("2402.05678v2", "2402.05678"),
        ("arXiv:2402.05678", "2402.05678"),
        ("https://arxiv.org/abs/2402.05678v1", "2402.05678"),
        ("10.48550/ARXIV.2402.05678", "2402.05678"),
        ("abs/2402.05678", "2402.05678"),  # DBLP's CoRR volume
        ("DBLP:journals/corr/abs-2402-05678", "2402.05678"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("10.1137/21M1412345", None),
    ],
)
def test_arxiv_id(text, arxiv):
    assert arxiv_id(text) == arxiv


def test_profile_urls_reduce_to_ids():
    assert dblp_pid("https://dblp.org/pid/71/8342.html") == "71/8342"
    assert dblp_pid("h/GeoffreyEHinton") == "h/GeoffreyEHinton"
    assert openalex_author("https://openalex.org/a5023888391") == "A5023888391"
    with pytest.raises(ValueError, match="not a DBLP person id"):
        dblp_pid("Miriam Adler-Katz")


def test_retry_after_in_seconds_or_as_a_date_else_backoff():
    assert retry_delay(httpx.Headers({"Retry-After": "7"}), 1, 1.0) == 7.0
    soon = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= retry_delay(httpx.Headers({"Retry-After": soon}), 1, 1.0) <= 30
    assert retry_delay(httpx.Headers({"Retry-After": "whenever"}), 3, 0.5) == 2.0
    assert retry_delay(httpx.Headers(), 1, 0.5) == 0.5


def test_user_agent_carries_the_contact_address():
    assert user_agent("m@example.edu").endswith("(mailto:m@example.edu)")
    assert "mailto" not in user_agent(None)


@pytest.mark.parametrize(
    ("keys", "style", "new_key"),
    [
        (["adlerkatz2021implicit", "qiao2023sharpness"], DEFAULT_STYLE, "adlerkatz2024federated"),
        (["AdlerKatz:2021", "Qiao:2023"], "{Surname}:{year}", "AdlerKatz:2024"),
        (["AdlerKatz2021", "Qiao2023b"], "{Surname}{year}", "AdlerKatz2024"),
        (["adler21", "qiao23"], "{surname}{yy}", "adlerkatz24"),
        (["Adler_Katz_2021", "Qiao_2023"], "{Surname}_{year}", "Adler_Katz_2024"),
        (["DBLP:journals/jmlr/Adler-KatzH21", "DBLP:x"], DBLP_STYLE, "DBLP:conf/icml/A24"),
        (["paper1", "paper2"], DEFAULT_STYLE, "adlerkatz2024federated"),
    ],
)
def test_new_keys_follow_the_files_style(keys, style, new_key):
    lasts = ["Adler-Katz", "Qiao"]
    existing = [
        pub(key, "Implicit Bias of Mirror Descent", year, last)
        for key, year, last in zip(keys, (2021, 2023), lasts, strict=True)
    ]
    if style == "{surname}{yy}":
        existing = [pub("adler21", "X", 2021, "Adler"), pub("qiao23", "Y", 2023, "Qiao")]
    assert detect_style(existing) == style
    maker = KeyMaker(style, keys)
    new = pub("new", "On Federated Optimisation", 2024)
    assert maker.key_for(new, native_key="DBLP:conf/icml/A24") == new_key


def test_one_entry_shows_no_style():
    assert detect_style([pub("Adler2021", "Implicit Bias", 2021)]) == DEFAULT_STYLE
    assert detect_style([]) == DEFAULT_STYLE


def test_keys_never_clash():
    maker = KeyMaker(DEFAULT_STYLE, ["adlerkatz2024federated"])
    new = pub("new", "Federated Optimisation", 2024)
    assert [maker.key_for(new) for _ in range(3)] == [
        "adlerkatz2024federateda",
        "adlerkatz2024federatedb",
        "adlerkatz2024federatedc",
    ]


def work(title: str, year: int, preprint: bool = False, doi: str | None = None) -> Work:
    return Work(title, year, Identity.of(title, year, [doi], preprint=preprint))


def test_a_preprint_listed_before_its_published_version_is_caught():
    works = [
        work("Sharpness-Aware Minimisation Revisited", 2023, preprint=True),
        work("Sharpness-aware minimisation, revisited", 2024),
    ]
    first, second = decide(works, Index(), IgnoreList([]))
    assert (first.verdict, second.verdict) == (Verdict.PREPRINT, Verdict.NEW)
    again = decide(works, Index(), IgnoreList([]), include_preprints=True)
    assert again[0].verdict is Verdict.NEW and again[0].note.startswith("a preprint of")


def test_a_published_version_of_a_preprint_in_the_file_is_added_with_a_note():
    index = Index()
    index.add(
        work("Label Shift and Distributional Robustness", 2023, preprint=True).identity, "q23"
    )
    (decision,) = decide(
        [work("Label shift and distributional robustness", 2024)], index, IgnoreList([])
    )
    assert decision.verdict is Verdict.NEW
    assert decision.note == "the published version of preprint q23"


def test_short_titles_match_nothing_by_title():
    index = Index()
    index.add(work("Preface", 2022).identity, "preface2022")
    assert decide([work("Preface", 2022)], index, IgnoreList([]))[0].verdict is Verdict.NEW


def test_crossref_bibtex_is_repaired_before_reading():
    text = (
        " @article{X_2024, title={T}, DOI={10.1101/1}, publisher={CSHL}, year={2024}, month=march }"
    )
    fixed = repaired(text, "10.1101/1")
    assert fixed.startswith("@unpublished{") and "month={march}" in fixed
    assert repaired(text.replace("10.1101", "10.5555"), "10.5555/1").startswith("@misc{")
    journal = " @article{Y, journal={J}, month=jun }"
    assert repaired(journal, "10.5555/2") == journal


@pytest.mark.parametrize(
    ("raw", "result"),
    [
        (b"", b"@x{k}\n"),
        (b"% end", b"% end\n\n@x{k}\n"),
        (b"@a{b}\n", b"@a{b}\n\n@x{k}\n"),
        (b"@a{b}\n\n", b"@a{b}\n\n@x{k}\n"),
        (b"@a{b}\r\n", b"@a{b}\r\n\r\n@x{k}\r\n"),
    ],
)
def test_appending_leaves_every_existing_byte(raw, result):
    assert appended(raw, "@x{k}\n") == result


def test_metrics_file_problems_are_located(tmp_path: Path):
    path = tmp_path / "metrics.yaml"
    path.write_text(
        "source: OpenAlex\nfetched: 2026-12-01\ncitations: -3\nh_index: 45\npapers: {a: x}\n",
        encoding="utf-8",
    )
    metrics, problems = load_metrics(path)
    assert metrics is None
    assert [(p.line, p.field) for p in problems] == [(3, "citations"), (5, "papers.a")]
    path.write_text("source: OpenAlex\nfetched: 2024-01-05\ncitations: 10\nh_index: 2\n")
    metrics, problems = load_metrics(path, today=date(2026, 12, 1))
    assert metrics_phrase(metrics, WORDS) == "Citations 10 · h-index 2 — OpenAlex, January 2024"
    assert [(p.line, p.is_error) for p in problems] == [(2, False)]  # over a year old


def test_metrics_are_shown_only_when_cv_yaml_asks(tmp_path: Path):
    cv = tmp_path / "cv.yaml"
    cv.write_text("person: {name: A}\n", encoding="utf-8")
    data, _ = load_cv_yaml(cv)
    assert metrics_for(cv, data) == (None, [])
    cv.write_text("person: {name: A}\npublications: {metrics: {header: true}}\n")
    data, _ = load_cv_yaml(cv)
    metrics, problems = metrics_for(cv, data)
    assert metrics is None and "run `cvgen metrics`" in problems[0].message


def test_check_reports_a_broken_metrics_file_with_its_line(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cv.yaml").write_text(
        "person: {name: Miriam Adler-Katz}\npublications: {metrics: {per_paper: true}}\n"
    )
    (tmp_path / "publications.bib").write_text(
        "@article{a, author={Adler-Katz, Miriam}, title={T}, journal={J}, year={2020}}\n"
    )
    (tmp_path / "metrics.yaml").write_text("source: OpenAlex\nfetched: 2026-12-01\nh_index: x\n")
    result = CliRunner().invoke(main, ["check", "--no-cache"])
    assert result.exit_code == 1
    assert "metrics.yaml:3: h_index: must be a valid integer" in result.output


def test_sources_in_cv_yaml_are_validated_with_their_line(tmp_path: Path):
    cv = tmp_path / "cv.yaml"
    cv.write_text(
        "person: {name: A}\npublications:\n  sources:\n    dblp: Miriam Adler\n"
        "    openalex: https://openalex.org/A5023888391\n    orcid: 0000-0002-7134-5862\n"
    )
    _, problems = load_cv_yaml(cv)
    assert [(p.line, p.field) for p in problems] == [
        (4, "publications.sources.dblp"),
        (6, "publications.sources.orcid"),
    ]
    assert "not a DBLP person id" in problems[0].message


def test_help_stays_free_of_httpx():
    code = (
        "import sys; from cvgen.cli import main\ntry: main(['--help'])\nexcept SystemExit: pass\n"
    )
    code += "print('httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")
