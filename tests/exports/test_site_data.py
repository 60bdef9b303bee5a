"""What every site export says of a publication (exports/site_data.py), checked against the
templates that read the four site exports: their cv.yaml settings, the selection options,
reproducibility, and page names."""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from cvgen.cli import main
from cvgen.exports.site_data import html_fragment, key_slug, markdown_text, title_slug
from cvgen.load.bibtex.file import parse_bibtex
from cvgen.model import CV, AcademicPagesSite, AlFolioSite, HugoSite, JekyllSite
from tests.support.html_safety import assert_inert, hostile, is_safe_link, poison
from tests.support.site_fixture import SITE, ZOTERO_PATH, export

# academic/templates/publication.md: every key of the importer's front matter.
HUGO_BLOX_KEYS = frozenset(
    "title authors author_notes date publishDate publication_types publication "
    "publication_short doi abstract summary tags featured url_pdf url_code url_dataset "
    "url_poster url_project url_slides url_source url_video links image projects "
    "show_date".split()  # partials/page_metadata.html: show_date: false hides the date line
)
# _layouts/bib.liquid: every `entry.X` it reads beyond standard BibTeX fields.
AL_FOLIO_LAYOUT = frozenset(
    "abbr preview annotation additional_info award award_name abstract arxiv bibtex_show "
    "html pdf supp video blog code poster slides website altmetric dimensions "
    "google_scholar_id selected location pmid isbn "
    "inspirehep_id".split()  # the INSPIRE badge of al-folio since 2025
)
# _config.yml: filtered_bibtex_keywords, the fields the Bib button hides (as a 2025 al-folio
# site's _config.yml lists them; location, pmid and isbn are part of the citation).
AL_FOLIO_FILTERED = frozenset(
    "abbr abstract additional_info altmetric annotation arxiv award award_name bibtex_show "
    "blog code dimensions eprint google_scholar_id hal html inspirehep_id pdf pmid poster "
    "preview selected slides supp video website location isbn".split()
)
STANDARD_BIBTEX = frozenset(
    "author editor title journal booktitle school institution publisher address edition "
    "volume number pages year month note pubstate doi eprint url archiveprefix holder "
    "howpublished type location isbn issn pmid pmcid language".split()
)
# _includes/archive-single.html, _layouts/single.html, _pages/publications.html and the
# generators: the front matter an academicpages publication has.
ACADEMICPAGES_KEYS = frozenset(
    "title collection category permalink excerpt date venue paperurl slidesurl bibtexurl "
    "citation".split()
)


def read_bib(path: Path):
    return parse_bibtex(path.read_text(encoding="utf-8"), str(path))


def front_matter(text: str) -> dict:
    head, _, _ = text.removeprefix("---\n").partition("\n---\n")
    return yaml.safe_load(head)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("exports")
    export("jekyll", root / "publist.yml")
    export("al-folio", root / "papers.bib")
    export("hugo", root / "hugo")
    export("academicpages", root / "academicpages")
    return root


def records(outputs: Path) -> dict[str, dict]:
    data = yaml.safe_load((outputs / "publist.yml").read_text(encoding="utf-8"))
    return {record["key"]: record for record in data}


def hugo_pages(outputs: Path) -> dict[str, dict]:
    folder = outputs / "hugo" / "content" / "publication"
    return {p.parent.name: front_matter(p.read_text()) for p in folder.glob("*/index.md")}


def al_folio_entries(outputs: Path) -> dict:
    text = (outputs / "papers.bib").read_text(encoding="utf-8")
    assert text.startswith("---\n---\n")  # as al-folio's own papers.bib: Jekyll processes it
    return {e.key: e for e in bibtexparser.parse_string(text.removeprefix("---\n---\n")).entries}


def academicpages_pages(outputs: Path) -> dict[str, dict]:
    folder = outputs / "academicpages" / "_publications"
    return {p.name: front_matter(p.read_text()) for p in folder.glob("*.md")}


# --- Jekyll -------------------------------------------------------------------------------


def test_jekyll_flags_and_fields_as_the_page_reads_them(outputs: Path) -> None:
    data = records(outputs)
    assert {key for key, r in data.items() if r["ERC"] == 1} == {
        "battisti2017universality",
        "battisti2017poor",
        "sulangi2017revisiting",
        "allan2017creating",
    }
    assert all(r["ERC"] in (0, 1) and r["highlight"] in (0, 1) for r in data.values())
    assert {key for key, r in data.items() if r["highlight"]} == {
        "battisti2017universality",
        "allan2013imaging",
    }
    poor = data["battisti2017poor"]
    assert poor["image"] == "TIBB.png" and poor["news1"] == "Editors' suggestion"  # HTML
    assert data["battisti2017universality"]["news2"] == (  # the user's HTML, as the theme's
        'See also <a style="color:#FF0000" href="https://www.universiteitleiden.nl/en/news/'
        '2016/10/mott-insulators" rel="noopener noreferrer">Leiden University news</a> by '
        "Erik Arends"
    )
    assert poor["description"].startswith("The effective Mott gap")  # the .bib's, replacing
    assert "preview" not in poor and "file" not in poor  # only listed fields pass
    assert data["battisti2017universality"]["tags"] == ["ERC", "selected"]  # as written
    for record in data.values():
        assert set(record) <= JekyllSite.reserved | {"ERC", "highlight", "image", "news1", "news2"}
        assert "" not in record.values()


def test_jekyll_main_link_is_the_paper_or_nothing(outputs: Path) -> None:
    data = records(outputs)
    assert data["tewari2017robust"]["link"] == {
        "display": "Beilstein Journal of Nanotechnology, 2017"
    }
    assert data["sulangi2017revisiting"]["link"] == {
        "url": "https://arxiv.org/abs/1707.03362",
        "display": "arXiv:1707.03362, 2017",
    }
    assert data["battisti2017universality"]["link"]["url"].startswith("http://www.nature.com/")


# --- Hugo Blox ----------------------------------------------------------------------------


def test_hugo_front_matter_has_the_importers_keys(outputs: Path) -> None:
    pages = hugo_pages(outputs)
    assert set(pages) == {
        "battisti-2017-universality",
        "battisti-2017-poor",
        "sulangi-2017-revisiting",
        "allan-2017-creating",
        "tewari-2017-robust",
        "allan-2013-imaging",
    }
    for matter in pages.values():
        assert set(matter) <= HUGO_BLOX_KEYS
        assert matter["publication_types"][0] in {"article-journal", "article"}
        assert len(matter.get("author_notes", matter["authors"])) == len(matter["authors"])
    poor = pages["battisti-2017-poor"]
    assert poor["authors"][-1] == "admin" and poor["author_notes"][-1] == "Corresponding author"
    assert poor["doi"] == "10.1103/PhysRevB.95.235141"
    assert poor["publication"] == "*Physical Review B*" and poor["date"] == "2017-06-01"
    assert poor["summary"].startswith("STM sees the Mott gap")  # a listed field
    assert pages["battisti-2017-universality"]["featured"] is True
    assert pages["battisti-2017-universality"]["author_notes"][:2] == ["Equal contribution"] * 2
    assert pages["sulangi-2017-revisiting"]["publication"] == "*arXiv:1707.03362*"
    creating = pages["allan-2017-creating"]
    assert creating["url_pdf"].endswith("/pdf") and creating["url_slides"].endswith(".pdf")
    assert "publishDate" not in creating  # no clock time unless SOURCE_DATE_EPOCH says so
    assert HugoSite.reserved <= HUGO_BLOX_KEYS


def test_hugo_cite_bib_is_the_citation_only(outputs: Path) -> None:
    cite = outputs / "hugo/content/publication/battisti-2017-universality/cite.bib"
    (entry,) = bibtexparser.parse_string(cite.read_text(encoding="utf-8")).entries
    assert set(entry.fields_dict) <= STANDARD_BIBTEX
    assert entry["journal"] == "Nature Physics"


def test_bundle_names_are_the_importers_slugs() -> None:
    """academic/import_bibtex.py's slugify, run on these keys, gives these names."""
    assert {
        key: key_slug(key)
        for key in (
            "aberg2020learning",
            "DBLP:conf/icml/Adler-KatzWQ24",
            "Adler:2023",
            "Adler_Katz_2023",
            "smith_2020a",
            "10.1145/3357384",
            "Qiao2023SAM",
            "ICDCS2022",
        )
    } == {
        "aberg2020learning": "aberg-2020-learning",
        "DBLP:conf/icml/Adler-KatzWQ24": "dblp-conficml-adler-katz-wq-24",
        "Adler:2023": "adler-2023",
        "Adler_Katz_2023": "adler-katz-2023",
        "smith_2020a": "smith-2020-a",
        "10.1145/3357384": "10-1145-3357384",
        "Qiao2023SAM": "qiao-2023-sam",
        "ICDCS2022": "icdcs-2022",
    }


def test_publish_date_follows_source_date_epoch(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    export("hugo", tmp_path)
    page = tmp_path / "content/publication/allan-2013-imaging/index.md"
    assert front_matter(page.read_text())["publishDate"] == "2026-01-01T00:00:00Z"


# --- al-folio -----------------------------------------------------------------------------


def test_al_folio_fields_are_those_its_layout_reads(outputs: Path) -> None:
    entries = al_folio_entries(outputs)
    for entry in entries.values():
        own = set(entry.fields_dict) - STANDARD_BIBTEX
        assert own <= AL_FOLIO_LAYOUT, own - AL_FOLIO_LAYOUT
        assert own <= AL_FOLIO_FILTERED  # the Bib button shows only the citation
        assert entry["bibtex_show"] == "true"
    assert AlFolioSite.reserved <= AL_FOLIO_LAYOUT
    universality = entries["battisti2017universality"]
    assert universality["selected"] == "true"
    assert universality["code"] == "https://github.com/example/mott-gap"
    assert universality["html"].startswith("http://www.nature.com/")
    assert universality["annotation"] == "* Equal contribution"
    assert universality["author"].startswith("Battisti*, I. and Bastiaans*, K. M. and")
    poor = entries["battisti2017poor"]
    assert poor["html"] == "https://doi.org/10.1103/PhysRevB.95.235141"
    assert poor["preview"] == "tibb.png"  # a listed field
    assert poor["author"].endswith("Allan†, M. P.")
    assert "selected" not in poor.fields_dict and "file" not in poor.fields_dict
    assert entries["sulangi2017revisiting"]["arxiv"] == "1707.03362"
    assert "html" not in entries["tewari2017robust"].fields_dict  # its url is a code host


def test_al_folio_papers_bib_reads_back_as_the_same_publications(outputs: Path) -> None:
    text = (outputs / "papers.bib").read_text(encoding="utf-8").removeprefix("---\n---\n")
    path = outputs / "reload.bib"
    path.write_text(text, encoding="utf-8")
    again, problems = read_bib(path)
    original, _ = read_bib(SITE / "publications.bib")
    by_key = {pub.key: pub for pub in original}
    assert sorted(pub.key for pub in again) == sorted(by_key)
    for pub in again:
        first = by_key[pub.key]
        assert (pub.title, pub.year, pub.venue) == (first.title, first.year, first.venue)
        # al-folio prints first + last: the particle rides in a braced last name
        assert [a.last for a in pub.authors] == [
            " ".join(p for p in (a.von, a.last, a.jr) if p) for a in first.authors
        ]
        assert [a.equal_contribution for a in pub.authors] == [
            a.equal_contribution for a in first.authors
        ]
        assert pub.has_any_tag(["selected"]) == first.has_any_tag(["selected"])
    assert not [p for p in problems if p.is_error]


# --- academicpages ------------------------------------------------------------------------


def test_academicpages_pages_as_its_generators_write_them(outputs: Path) -> None:
    pages = academicpages_pages(outputs)
    name = "2017-06-01-Poor-electronic-screening-in-lightly-doped-Mott-insulators-observed-with.md"
    assert name in pages
    poor = pages[name]
    assert poor["permalink"] == "/publication/" + name.removesuffix(".md")
    assert poor["collection"] == "publications" and poor["category"] == "manuscripts"
    assert poor["paperurl"] == "https://doi.org/10.1103/PhysRevB.95.235141"
    assert '<strong class="self">M.\u00a0P.\u00a0Allan</strong>' in poor["citation"]
    for matter in pages.values():
        assert set(matter) <= ACADEMICPAGES_KEYS | {"featured"}
        assert matter["date"] == matter["permalink"].removeprefix("/publication/")[:10]
    preprint = next(m for m in pages.values() if m["category"] == "preprint")
    assert preprint["venue"] == "arXiv:1707.03362"
    creating = next(m for m in pages.values() if "nanopatterning" in m["title"])
    assert creating["slidesurl"].endswith(".pdf") and creating["paperurl"].endswith("/pdf")
    assert AcademicPagesSite.reserved <= ACADEMICPAGES_KEYS


def test_page_names_are_safe_and_readable() -> None:
    assert (
        title_slug("Learning at 50% capacity: the ℓ₁ regime")
        == "Learning-at-50-capacity-the-l1-regime"
    )
    assert title_slug("Élan / vital -- über alles") == "Elan-vital-uber-alles"
    assert title_slug("The Kurdyka–Łojasiewicz inequality") == "The-Kurdyka-Lojasiewicz-inequality"
    assert title_slug("€€€") == "publication"
    assert len(title_slug("word " * 60)) <= 80


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
        (
            '<a href="https://a.org" onclick="steal()">x</a>',
            '<a href="https://a.org" rel="noopener noreferrer">x</a>',
        ),
        ("<script>alert(1)</script>News", "News"),
        ('<img src=x onerror="alert(1)">News', "News"),
        ('<span style="color:red;position:fixed">x</span>', '<span style="color:red">x</span>'),
        ("<b>Bold</b> &amp; <em>it</em>", "<b>Bold</b> &amp; <em>it</em>"),
        ("{{ site.data }} {% raw %}", "{{ site.data }} {% raw %}"),
    ],
)
def test_the_users_html_fields_are_sanitised(given: str, kept: str) -> None:
    assert html_fragment(given) == kept


def test_markdown_text_shows_as_written() -> None:
    assert markdown_text("a *b* [c](d) <e> {{ f }} {% g %}") == (
        "a \\*b\\* \\[c\\](d) &lt;e&gt; &#123;&#123; f &#125;&#125; &#123;% g %&#125;"
    )


# --- every export -------------------------------------------------------------------------


def test_no_local_path_reaches_any_export(outputs: Path) -> None:
    for path in outputs.rglob("*"):
        if path.is_file():
            assert ZOTERO_PATH not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("target", ["jekyll", "al-folio", "hugo", "academicpages"])
def test_running_twice_writes_identical_files(target: str, tmp_path: Path) -> None:
    def snapshot() -> dict[str, tuple[bytes, int]]:
        return {
            str(p.relative_to(tmp_path)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(tmp_path.rglob("*"))
            if p.is_file()
        }

    destination = tmp_path / "out" if target in ("hugo", "academicpages") else tmp_path / "f"
    export(target, destination)
    first = snapshot()
    export(target, destination)
    second = snapshot()
    assert {k: v[0] for k, v in first.items()} == {k: v[0] for k, v in second.items()}
    if target in ("hugo", "academicpages"):
        assert first == second  # unchanged pages are not even rewritten


@pytest.mark.parametrize("target", ["jekyll", "al-folio", "hugo", "academicpages"])
def test_selection_options_narrow_every_export(target: str, tmp_path: Path) -> None:
    export(target, tmp_path / "out", "--tag", "erc", "--since", "2017")
    texts = "\n".join(p.read_text() for p in (tmp_path / "out").parent.rglob("*") if p.is_file())
    assert "Universality of pseudo gap" in texts and "Poor electronic screening" in texts
    assert "Imaging" not in texts  # 2013, and not ERC
    assert "Robust procedure" not in texts  # 2017, but not ERC


def test_settings_that_find_nothing_are_warned_about(tmp_path: Path) -> None:
    cv = (SITE / "cv.yaml").read_text().replace("news1, news2]", "news1, nwes2]")
    cv = cv.replace("ERC: erc,", "ERC: ecr,")
    (tmp_path / "cv.yaml").write_text(cv)
    args = ["--cv", str(tmp_path / "cv.yaml"), "--bib", str(SITE / "publications.bib")]
    out = tmp_path / "publist.yml"
    result = CliRunner().invoke(main, ["export", "jekyll", "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    warned = "cv.yaml: site.jekyll.flags.ERC: warning: no exported publication is tagged 'ecr'"
    assert warned in result.output
    warned = "cv.yaml: site.jekyll.fields: warning: no exported publication has a 'nwes2' field"
    assert warned in result.output


# --- folder exports: all or nothing -------------------------------------------------------


def test_pages_no_longer_exported_go_unless_edited(tmp_path: Path) -> None:
    export("hugo", tmp_path)
    folder = tmp_path / "content" / "publication"
    (folder / "allan-2013-imaging" / "featured.jpg").write_bytes(b"an image the user added")
    edited = folder / "tewari-2017-robust" / "index.md"
    edited.write_text(edited.read_text() + "\nMy own notes.\n")
    output = export("hugo", tmp_path, "--tag", "erc")
    assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == [
        "allan-2013-imaging",  # its image stays, so does the folder
        "allan-2017-creating",
        "battisti-2017-poor",
        "battisti-2017-universality",
        "sulangi-2017-revisiting",
        "tewari-2017-robust",  # edited by hand: kept, with a warning
    ]
    assert [p.name for p in (folder / "allan-2013-imaging").iterdir()] == ["featured.jpg"]
    assert [p.name for p in (folder / "tewari-2017-robust").iterdir()] == ["index.md"]
    assert f"{edited}: warning: kept: its publication is no longer exported" in output
    assert "Wrote 8 files" in output and "removed 3 no longer exported" in output


def test_a_kept_fields_link_is_not_the_papers_link(tmp_path: Path) -> None:
    bib = tmp_path / "p.bib"
    bib.write_text(
        "@article{a, author = {Allan, M. P.}, title = {T}, journal = {J}, year = {2020},\n"
        "  news1 = {Featured in \\href{https://news.example.org/a}{the news}}}\n"
    )
    (pub,), _ = read_bib(bib)
    assert pub.extra["news1"] == "Featured in the news"
    assert pub.links.url is None  # a news item is not where the paper is


def test_a_slug_field_names_the_page_and_a_clash_gets_a_number(tmp_path: Path) -> None:
    (tmp_path / "cv.yaml").write_text("person:\n  name: Milan P. Allan\n")
    entry = "@article{{{key}, author = {{Allan, M. P.}}, title = {{Same title}}, journal = {{J}},\n"
    (tmp_path / "publications.bib").write_text(
        entry.format(key="allan2020a")
        + "  year = {2020}}\n"
        + entry.format(key="allan2020b")
        + "  year = {2020}}\n"
        + entry.format(key="allan2020c")
        + "  year = {2020}, slug = {My own page!}}\n"
    )
    args = ["--cv", str(tmp_path / "cv.yaml")]
    (tmp_path / "site").mkdir()
    for target in ("academicpages", "hugo"):
        result = CliRunner().invoke(main, ["export", target, str(tmp_path / "site"), *args])
        assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in (tmp_path / "site" / "_publications").glob("*.md"))
    assert pages == [
        "2020-01-01-My-own-page.md",
        "2020-01-01-Same-title-2.md",
        "2020-01-01-Same-title.md",
    ]
    bundles = tmp_path / "site" / "content" / "publication"
    assert sorted(p.name for p in bundles.iterdir() if p.is_dir()) == [
        "My-own-page",
        "allan-2020-a",
        "allan-2020-b",
    ]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
def test_site_pages_keep_hostile_text_as_text(small_cv: CV, text: str):
    """academicpages front matter is printed verbatim by Liquid: HTML-escaped. Hugo's Markdown
    values and both sites' page bodies run no HTML, Liquid or shortcode."""
    import yaml

    from cvgen.compose import Settings, compose
    from cvgen.formats import get_format

    cv = poison(small_cv, text)
    pub = cv.publications[0]
    cv = cv.model_copy(
        update={"publications": [pub.model_copy(update={"extra": {"abstract": text}})]}
    )
    settings = Settings()
    for target in ("academicpages", "hugo"):
        for name, page in get_format(target).load()(cv, compose(cv, settings), settings).items():
            if not name.endswith(".md"):
                continue
            head, _, body = page.removeprefix("---\n").partition("\n---\n")
            matter = yaml.safe_load(head)
            for value in (body, matter.get("publication", ""), matter.get("abstract", "")):
                assert not re.search(r"<|\{\{|\{%", value), value
            if target == "academicpages":
                for key in ("title", "venue", "excerpt", "citation"):
                    assert_inert(matter.get(key, ""))
            for key in ("paperurl", "slidesurl", "url_pdf", "url_code"):
                assert key not in matter or is_safe_link(matter[key])
