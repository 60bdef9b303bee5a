"""cvgen's publication bundles built by real Hugo with Hugo Blox's own layouts
(tests/data/site-themes/hugo-blox: publication/single.html, page_links, page_metadata,
page_metadata_authors, views/citation; SOURCES.md there). The theme's header, footer and base
template are not collected, so the test writes the smallest stand-ins that call the
theme's partials as its page header does. Every field the layouts read arrives: the authors
taxonomy with their notes, the venue's short name in the list, the link buttons, no invented
month, the Cite button of the bundle's cite.bib."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.html_doc import parse
from tests.support.site_fixture import build, export, site_tool

THEME = Path(__file__).parent.parent / "data" / "site-themes" / "hugo-blox" / "layouts"
CONFIG = """baseURL = "https://lab.example.org/"
title = "Allan lab"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
[taxonomies]
  author = "authors"
  tag = "tags"
[params.locale]  # a Hugo Blox site's config/_default/params.yaml sets these
  date_format = "Jan 2, 2006"
  time_format = "3:04 PM"
"""
STAND_INS = {  # what the theme's page_header.html etc. do, reduced to the partials they call
    "_default/baseof.html": '<html><body>{{ block "main" . }}{{ end }}</body></html>\n',
    "_default/list.html": (
        '{{ define "main" }}{{ range $i, $p := .Pages }}'
        '{{ partial "views/citation" (dict "item" $p "index" $i) }}{{ end }}{{ end }}\n'
    ),
    "partials/page_header.html": (
        "<h1>{{ .Title }}</h1>\n"
        '{{ partial "page_metadata" (dict "page" . "is_list" 0) }}\n'
        '<div class="btn-links">{{ partial "page_links" (dict "page" . "is_list" 0) }}</div>\n'
    ),
    "partials/page_footer.html": "",
    "partials/functions/has_attachments.html": "{{ return true }}\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    hugo = site_tool("hugo")
    root = tmp_path_factory.mktemp("hugo-blox") / "site"
    shutil.copytree(THEME, root / "layouts")
    for name, text in STAND_INS.items():
        (root / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "layouts" / name).write_text(text)
    (root / "hugo.toml").write_text(CONFIG)
    export("hugo", root)
    build([hugo, "--quiet", "-d", "public"], root)
    return root / "public"


def page(site: Path, name: str):
    return parse((site / "publication" / name / "index.html").read_text(encoding="utf-8"))


def words(text: str) -> str:
    return " ".join(text.split())


def test_a_paper_page_has_its_authors_date_venue_and_buttons(site: Path):
    poor = page(site, "battisti-2017-poor")
    assert words(poor.find("h1").text()).startswith("Poor electronic screening")
    authors = words(poor.find("div", cls="article-metadata").text())
    assert authors.startswith("I. Battisti, ") and "admin" in authors  # the author profile
    assert words(poor.find("span", cls="article-date").text()) == "June, 2017"
    buttons = list(poor.find("div", cls="btn-links").iter("a"))  # labels are the theme's i18n
    assert "https://doi.org/10.1103/PhysRevB.95.235141" in [a.get("href") for a in buttons]
    (cite,) = [a for a in buttons if "js-cite-modal" in a.get("class", "")]
    assert cite.get("data-filename") == "/publication/battisti-2017-poor/cite.bib"
    notes = [i.get("title") for i in poor.iter("i", cls="author-notes")]
    assert notes == ["Corresponding author"]


def test_no_month_is_invented(site: Path):
    dated = [p for p in (site / "publication").glob("*/index.html")]
    undated = [p for p in dated if "article-date" not in p.read_text()]
    assert undated, "a paper the .bib dates by year only shows no month"
    for path in undated:
        text = path.read_text()
        assert "January, " not in text


def test_the_list_prints_the_short_venue_and_year(site: Path):
    listing = words(parse((site / "publication" / "index.html").read_text()).text())
    assert "(2017). Universality of pseudo gap" in listing
    assert "Nature Physics" in listing  # two words: no short name guessed
    assert "PRB" in listing  # Physical Review B: publication_short
