"""The header (compose/header.py): contact items, profile labels, addresses that break only
between parts, the words around the content, and citation metrics when cv.yaml asks."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from cvgen.cli import main
from cvgen.compose.context import Context, Settings
from cvgen.compose.header import contact, furniture, link_label, metrics_phrase, unbroken_parts
from cvgen.model import Metrics, Person
from tests.support.html_doc import parse, visible_text
from tests.support.paths import DATA
from tests.support.rendering import WORDS

SMALL = DATA / "small"
METRICS = """source: OpenAlex
fetched: 2026-11-20
citations: 12345
h_index: 45
papers: {aberg2020learning: 120}
"""


def _project(tmp_path: Path, switches: str) -> Path:
    for name in ("cv.yaml", "publications.bib"):
        shutil.copy(SMALL / name, tmp_path / name)
    cv = tmp_path / "cv.yaml"
    cv.write_text(cv.read_text(encoding="utf-8") + switches, encoding="utf-8")
    (tmp_path / "metrics.yaml").write_text(METRICS, encoding="utf-8")
    return cv


def _page(cv: Path, tmp_path: Path) -> str:
    out = tmp_path / "cv.html"
    result = CliRunner().invoke(main, ["html", "--cv", str(cv), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return visible_text(parse(out.read_text(encoding="utf-8")))


def test_metrics_are_off_by_default(tmp_path: Path) -> None:
    text = _page(_project(tmp_path, ""), tmp_path)
    assert "h-index" not in text and "120 citations" not in text


def test_the_header_line_and_per_paper_counts_when_asked(tmp_path: Path) -> None:
    cv = _project(tmp_path, "publications: {metrics: {header: true, per_paper: true}}\n")
    text = " ".join(_page(cv, tmp_path).split())
    assert "Citations 12,345 · h-index 45 — OpenAlex, November 2026" in text
    assert "Impact factor 8.1, 120 citations" in text


def test_contact_items_in_order_with_their_links() -> None:
    person = Person(
        name="A",
        email="a@b.org",
        website="https://a.org",
        orcid="0000-0002-1825-0097",
        links={"github": "https://github.com/a"},
    )
    items = contact(person, Context(Settings()))
    assert [(i.kind, i.text, i.href) for i in items] == [
        ("email", "a@b.org", "mailto:a@b.org"),
        ("website", "a.org", "https://a.org"),
        ("orcid", "0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"),
        ("profile", "GitHub", "https://github.com/a"),
    ]


def test_profile_labels_know_brands_and_addresses_break_only_between_parts() -> None:
    assert [link_label(k) for k in ("google_scholar", "github", "my_blog")] == [
        "Google Scholar", "GitHub", "My Blog",
    ]  # fmt: skip
    assert unbroken_parts("Dept. of X, Main St 5, Haifa") == (
        "Dept.\u00a0of\u00a0X, Main\u00a0St\u00a05, Haifa"
    )
    assert unbroken_parts(None) is None


def test_metrics_are_dated_and_named_by_their_source() -> None:
    metrics = Metrics(source="OpenAlex", fetched="2026-12-01", citations=12345, h_index=45)
    assert metrics_phrase(metrics, WORDS) == (
        "Citations 12,345 · h-index 45 — OpenAlex, December 2026"
    )


def test_the_words_around_the_content_name_the_researcher() -> None:
    assert furniture(Context(Settings()), "Ann Lee") == {
        "curriculum_vitae": "Curriculum Vitae",
        "page_of": "Page {page} of {pages}",
        "page_title": "Ann Lee · Curriculum Vitae",
        "contents": "Sections",
    }
