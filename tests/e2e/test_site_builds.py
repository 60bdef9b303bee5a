"""Real sites built over cvgen's exports: Jekyll with a lab's own project page, Hugo with a
minimal layout over the publication bundles, and an academicpages-like Jekyll collection.

The Jekyll page (tests/data/site/jekyll/erc.html) is the Liquid loop of issue #17, unchanged:
the lab site template it comes from (github.com/mpa139/allanlab, publications page over
_data/publist.yml) lists highlighted papers this way. Each build takes about a second.
"""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import pytest

from cvgen.compose import compose
from cvgen.exports import listed_publications
from cvgen.exports.site_data import key_slug, main_link
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import CV
from tests.support.html_doc import parse
from tests.support.site_fixture import SITE, ZOTERO_PATH, build, copy_site, export, site_tool


@pytest.fixture(scope="module")
def lab_cv() -> CV:
    return load_or_fail(Sources(cv=SITE / "cv.yaml", bib=SITE / "publications.bib"))[0]


def listed(cv: CV) -> list:
    return listed_publications(cv, compose(cv))


def all_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file())


def test_jekyll_page_lists_exactly_the_flagged_papers(lab_cv: CV, tmp_path: Path) -> None:
    jekyll = site_tool("jekyll")
    site = copy_site("jekyll", tmp_path)
    export("jekyll", site / "_data" / "publist.yml")
    build([jekyll, "build", "--quiet", "--safe", "--disable-disk-cache", "-d", "_site"], site)
    page = parse((site / "_site" / "erc.html").read_text(encoding="utf-8"))

    erc = [pub for pub in listed(lab_cv) if pub.has_any_tag(["erc"])]  # ERC, erc and Erc
    assert {pub.key for pub in erc} == {
        "battisti2017universality",
        "battisti2017poor",
        "sulangi2017revisiting",
        "allan2017creating",
    }
    assert [t.text() for t in page.iter("pubtit")] == [pub.title for pub in erc]
    images = [img.get("src") for img in page.iter("img")]
    assert images == [
        f"https://lab.example.org/site/images/pubpic/{pub.extra['image']}" for pub in erc
    ]
    everything = list(page.iter("a"))
    assert all(a.get("href") for a in everything), "an empty link points the page at itself"
    news = [a for a in everything if a.get("rel")]  # the links of the .bib's own news HTML
    assert [a.text() for a in news] == ["Leiden University news"]
    anchors = [a for a in everything if not a.get("rel")]
    assert [a.get("href") for a in anchors] == [main_link(pub).href for pub in erc]
    shown = {a.text(): a.get("href") for a in anchors}
    assert shown == {
        "Physical Review B, 2017": "https://doi.org/10.1103/PhysRevB.95.235141",  # the DOI
        "Nature Physics, 2017": "http://www.nature.com/nphys/journal/vaop/ncurrent/full/"
        "nphys3894.html",  # the publisher's page, not the code
        "SciPost Physics, 2017": "https://scipost.org/SciPostPhys.3.2.010/pdf",  # not slides
        "arXiv:1707.03362, 2017": "https://arxiv.org/abs/1707.03362",  # a preprint names it
    }
    news = [p.text().strip() for p in page.iter("p", cls="text-danger")]
    assert news == [pub.extra.get("news1", "") for pub in erc]
    assert "Editors' suggestion" in news
    text = page.text()
    assert "See also Leiden University news by Erik Arends" in text
    assert "impurity-band Mott transition" in text  # the .bib's description, not cvgen's
    selves = [s.text() for s in page.iter("strong", cls="self")]
    assert selves == ["M. P. Allan"] * 4
    assert ZOTERO_PATH not in all_text(site)


def test_hugo_site_has_a_page_per_bundle(lab_cv: CV, tmp_path: Path) -> None:
    hugo = site_tool("hugo")
    site = copy_site("hugo", tmp_path)
    export("hugo", site)
    build([hugo, "--quiet", "-d", "public"], site)
    public = site / "public" / "publication"

    pubs = listed(lab_cv)
    assert len(pubs) == 6
    index = parse((public / "index.html").read_text(encoding="utf-8"))
    assert sorted(a.text() for a in index.iter("a")) == sorted(pub.title for pub in pubs)
    for pub in pubs:
        folder = public / key_slug(pub.key)
        page = parse((folder / "index.html").read_text(encoding="utf-8"))
        assert page.find("h1").text() == pub.title
        authors = page.find("p", cls="authors").text().split(", ")
        assert "admin" in authors and "M. P. Allan" not in authors  # the owner's profile
        featured = page.find("p", cls="featured") is not None
        assert featured == pub.has_any_tag(["selected"])
        cite = page.find("a", cls="cite").get("href")
        assert cite == f"/publication/{key_slug(pub.key)}/cite.bib"
        entries = bibtexparser.parse_string((folder / "cite.bib").read_text()).entries
        assert [e.key for e in entries] == [pub.key]
    poor = parse((public / "battisti-2017-poor" / "index.html").read_text(encoding="utf-8"))
    assert poor.find("a", cls="doi").get("href") == "https://doi.org/10.1103/PhysRevB.95.235141"
    universality = (public / "battisti-2017-universality" / "index.html").read_text()
    abstract = parse(universality).find("div", cls="abstract").text()
    assert "*pseudo gap*" in abstract and "{{ site.title }}" in abstract  # shown as written
    assert ZOTERO_PATH not in all_text(site)


def test_academicpages_collection_groups_pages_by_category(lab_cv: CV, tmp_path: Path) -> None:
    """The theme's publications page groups `site.publications` by `category`, in the order of
    _config.yml's publication_category; each page is served at its `permalink`."""
    jekyll = site_tool("jekyll")
    site = copy_site("academicpages", tmp_path)
    export("academicpages", site)
    build([jekyll, "build", "--quiet", "--safe", "--disable-disk-cache", "-d", "_site"], site)

    page = parse((site / "_site" / "publications.html").read_text(encoding="utf-8"))
    headings = [h.text() for h in page.iter("h2", cls="category")]
    assert headings == ["Journal Articles", "Preprints"]
    articles = list(page.iter("article"))
    pubs = listed(lab_cv)
    assert sorted(a.find("h2").text() for a in articles) == sorted(pub.title for pub in pubs)
    for article in articles:
        pub = next(p for p in pubs if p.title == article.find("h2").text())
        served = site / "_site" / (article.find("a").get("href").strip("/") + ".html")
        assert served.is_file()
        paper = article.find("a", cls="paper")
        main = main_link(pub)
        assert (paper.get("href") if paper else None) == (main.href if main else None)
        self_name = article.find("strong", cls="self").text()
        assert self_name == "M.\u00a0P.\u00a0Allan"  # the CV's citation: initials tied to the name
    universality = next(a for a in articles if "Universality" in a.find("h2").text())
    assert "{{ site.title }}" in universality.text()  # no Liquid runs from the .bib
    assert ZOTERO_PATH not in all_text(site / "_site")
