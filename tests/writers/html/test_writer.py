"""The HTML writer (writers/html/writer.py): structure, content conventions, JSON-LD, numbering,
templates, every theme's page."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from cvgen.compose.citation import annotation_text
from cvgen.compose.numbering import kind_groups
from cvgen.compose.unbroken import tied
from cvgen.errors import CvgenError
from cvgen.model import CV, Publication
from cvgen.themes import load_theme
from cvgen.util.dates import Date
from cvgen.words import load_words
from cvgen.writers import WriteOptions
from cvgen.writers.html.writer import context, environment, jsonld_script
from tests.support.html_doc import Element, parse, visible_text
from tests.support.pdf_text import letters
from tests.support.rendering import THEMES, WORDS, document, heading, kind_heading, themed
from tests.support.rendering import render as render_as

HERE = Path(__file__).resolve().parent


def render(cv: CV, **options) -> str:
    return render_as(cv, "html", **options)


@pytest.fixture(scope="module")
def example_page(example_cv: CV) -> Element:
    return parse(render(example_cv))


def pub_items(page: Element) -> list[Element]:
    return [li for ol in page.iter("ol", "pubs") for li in ol.iter("li")]


def printed(cv: CV, page: Element) -> list[tuple[Element, Publication]]:
    """Each publication with its list item, in print order."""
    return list(zip(pub_items(page), _print_order(cv), strict=True))


def test_every_publication_title_appears_exactly_once(example_cv: CV, example_page: Element):
    lists = [s for s in example_page.iter("section") if s.get("id") in ("publications", "patents")]
    text = re.sub(r"\s+", " ", "".join(visible_text(section) for section in lists))
    for pub in example_cv.publications:
        title = re.sub(r"\s+", " ", pub.title.rstrip("."))
        assert text.count(title) == 1, pub.key
    assert len(pub_items(example_page)) == len(example_cv.publications)


def test_every_section_heading_appears_once_in_order(example_cv: CV, example_page: Element):
    headings = [h.text() for h in example_page.iter() if h.tag in ("h1", "h2", "h3")]
    counts = Counter(headings)
    expected = [heading(name, example_cv) for name in example_cv.data.section_order]
    h2 = [h.text() for h in example_page.iter("h2")]
    assert h2 == expected
    kinds = {pub.kind for pub in example_cv.publications}
    for title in [*expected, *(kind_heading(k) for k in kinds if k.value != "patent")]:
        assert counts[title] == 1, title
    person = example_cv.data.person  # the title and post-nominals in the theme's spans
    shown = [" ".join(visible_text(h).split()) for h in example_page.iter("h1")]
    assert shown == [f"{person.title} {person.name}, {person.postnominals}"]


def test_headings_never_skip_a_level(example_page: Element):
    levels = [int(e.tag[1]) for e in example_page.iter() if re.fullmatch(r"h[1-6]", e.tag)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_one_section_element_per_cv_section_with_unique_ids(example_cv, example_page):
    sections = [s.get("id") for s in example_page.iter("section")]
    assert sections == example_cv.data.section_order
    ids = [e.get("id") for e in example_page.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    links = {a.get("href")[1:] for a in example_page.iter("a") if a.get("href", "").startswith("#")}
    assert links <= set(ids)


def test_own_name_is_strong_in_every_paper_and_students_underlined(example_cv, example_page):
    for item, pub in printed(example_cv, example_page):
        strong = [s.text() for s in item.iter("strong", "self")]
        assert strong == [tied(a.display) for a in pub.authors if a.is_self], pub.key
        underlined = [u.text() for u in item.iter("u", "student")]
        assert underlined == [tied(a.display) for a in pub.authors if a.is_student], pub.key


def test_equal_contribution_marks_come_with_the_legend(example_cv, example_page):
    marked = [p for p in example_cv.publications if p.has_equal_contribution]
    assert marked, "the example should exercise equal contribution"
    legend = next(s for s in example_page.iter("section") if s.get("id") == "publications")
    assert "Equal contribution" in legend.find("p", "legend").text()
    for item, pub in printed(example_cv, example_page):
        marks = [s.text() for s in item.iter("sup")]
        assert marks.count("*") == sum(a.equal_contribution for a in pub.authors)


def test_annotations_and_links_are_shown(example_cv, example_page):
    for item, pub in printed(example_cv, example_page):
        note = item.find("span", "note")
        assert (note.text() if note else "") == annotation_text(pub, WORDS)
        hrefs = [a.get("href") for a in item.iter("a")]
        assert hrefs == [href for _, href in pub.links.items()]


def test_lists_are_lists_and_tables_have_headers(example_page):
    for table in example_page.iter("table"):
        headers = list(table.find("thead").iter("th"))
        assert headers and all(th.get("scope") == "col" for th in headers)
        rows = list(table.find("tbody").iter("tr"))
        assert all(len(list(row.iter("td"))) == len(headers) for row in rows)
    for ol in example_page.iter("ol"):
        assert all(isinstance(c, str) or c.tag == "li" for c in ol.children)


def test_page_is_self_contained(example_cv: CV):
    html = render(example_cv)
    page = parse(html)
    assert not list(page.iter("link")) and not list(page.iter("img"))
    assert all(s.get("src") is None for s in page.iter("script"))
    style = "".join(s.text() for s in page.iter("style"))
    assert "url(" not in style and "@import" not in style
    head = page.find("head")
    assert head.find("meta").get("charset") == "utf-8"
    assert any(m.get("name") == "viewport" for m in head.iter("meta"))
    assert "@media print" in style


def test_json_ld_describes_the_person_and_every_work(example_cv: CV, example_page: Element):
    (script,) = list(example_page.iter("script"))
    assert script.get("type") == "application/ld+json"
    graph = json.loads(script.text())["@graph"]
    person, works = graph[0], graph[1:]
    assert person["@type"] == "Person" and person["name"] == example_cv.data.person.name
    assert f"https://orcid.org/{example_cv.data.person.orcid}" in person["sameAs"]
    assert [w["name"] for w in works] == [pub.title for pub in _print_order(example_cv)]
    assert {w["@type"] for w in works} >= {"ScholarlyArticle", "Book", "Thesis"}
    assert all({"@id": "#person"} in w["author"] for w in works)


def _print_order(cv: CV) -> list[Publication]:
    return [
        pub
        for section in cv.data.section_order
        for _, pubs in kind_groups(cv, section)
        for pub in pubs
    ]


def _numbers(page: Element, group_id: str) -> list[int]:
    heading = next(h for h in page.iter("h3") if h.get("id") == group_id)
    section = next(s for s in page.iter("section") if heading in list(s.iter("h3")))
    index = section.children.index(heading)
    ol = next(c for c in section.children[index:] if isinstance(c, Element) and c.tag == "ol")
    return [int(li.get("value")) for li in ol.iter("li")]


def test_numbering_per_type_continuous_reverse_and_none(small_cv: CV):
    per_type = parse(render(small_cv))
    assert _numbers(per_type, "publications-journal") == [1]
    assert _numbers(per_type, "publications-conference") == [1]
    continuous = parse(render(small_cv, numbering="continuous", reverse=True))
    total = len(small_cv.publications)
    values = [int(li.get("value")) for li in pub_items(continuous)]
    assert values == list(range(total, 0, -1))
    plain = parse(render(small_cv, numbering="none"))
    assert all(li.get("value") is None for li in pub_items(plain))
    assert all("plain" in ol.classes for ol in plain.iter("ol", "pubs"))


def test_fragment_is_only_the_body_content(small_cv: CV):
    fragment = render(small_cv, fragment=True)
    assert fragment.lstrip().startswith('<article class="cv">')
    page = parse(fragment)
    assert all(page.find(tag) is None for tag in ("html", "head", "body", "style"))
    assert page.find("h1").text() == small_cv.data.person.name
    assert page.find("script").get("type") == "application/ld+json"


def test_paper_size_sets_the_page_rule(small_cv: CV):
    assert "@page { size: letter; }" in render(small_cv, paper="Letter")
    assert "size: A4" not in render(small_cv)
    with pytest.raises(CvgenError, match="paper size"):
        render(small_cv, paper="A3")


def test_sections_without_content_are_left_out(small_cv: CV):
    cv = small_cv.model_copy(
        update={"data": small_cv.data.model_copy(update={"talks": [], "press": []})}
    )
    ids = [s.get("id") for s in parse(render(cv)).iter("section")]
    assert "talks" not in ids and "press" not in ids and "education" in ids


def test_user_templates_override_shipped_ones_file_by_file(small_cv: CV, tmp_path: Path):
    (tmp_path / "templates" / "html" / "sections").mkdir(parents=True)
    override = '<p class="mine">{{ group.entries|length }} talks</p>\n'
    (tmp_path / "templates" / "html" / "sections" / "talks.html").write_text(override)
    page = parse(render(small_cv, source_dir=str(tmp_path)))
    assert page.find("p", "mine").text() == "1 talks"
    assert page.find("section").get("id") == "research_interests"
    assert page.find("style") is not None


def test_broken_user_template_is_reported_with_file_and_line(small_cv: CV, tmp_path: Path):
    folder = tmp_path / "templates" / "html"
    folder.mkdir(parents=True)
    (folder / "header.html").write_text("<header>\n{{ header.nmae }}\n</header>\n")
    with pytest.raises(CvgenError, match=r"header\.html:2: .*nmae"):
        render(small_cv, source_dir=str(tmp_path))
    (folder / "header.html").write_text("<header>\n{% if %}\n</header>\n")
    with pytest.raises(CvgenError, match=r"header\.html:2: "):
        render(small_cv, source_dir=str(tmp_path))


def _section(page: Element, name: str) -> Element:
    return next(s for s in page.iter("section") if s.get("id") == name)


def _cells(row: Element) -> list[str]:
    """A table row's cell texts, spaces as a reader sees them."""
    return [" ".join(c.text().split()) for c in row.children if isinstance(c, Element)]


def _with_teaching(cv: CV, **changes) -> CV:
    course = cv.data.teaching[0].model_copy(update=changes)
    return cv.model_copy(update={"data": cv.data.model_copy(update={"teaching": [course]})})


def _course(page: Element) -> tuple[str, str]:
    """The date column and the rest of the one teaching entry."""
    (entry,) = _section(page, "teaching").iter("li", "entry")
    when = entry.find("span", "when").text()
    return " ".join(when.split()), " ".join(entry.find("div", "what").text().split())


def test_teaching_period_shows_terms_when_there_are_no_dates(small_cv: CV):
    period, course = _course(parse(render(small_cv)))
    assert period == "Fall 2021, Fall 2022"
    assert "Fall 2021" not in course  # not said twice
    terms = [f"Fall {year}" for year in range(2014, 2027)]
    period, course = _course(parse(render(_with_teaching(small_cv, terms=terms))))
    assert period == "2014 – 2026" and "Fall 2014, Fall 2015" in course
    dated = _course(parse(render(_with_teaching(small_cv, start=Date(2021), end=Date(2022)))))
    assert dated[0] == "2021 – 2022" and "Fall 2021, Fall 2022" in dated[1]


def test_grant_groups_have_totals_per_currency(example_page: Element):
    tables = list(_section(example_page, "grants").iter("table"))
    totals = [[_cells(row)[-1] for row in table.find("tfoot").iter("tr")] for table in tables]
    # the consortium grant counts with its own share, the declined one not at all
    assert totals == [["£2,047,400", "€1,497,500"], ["£220,000", "$150,000"], ["£12,000"]]
    labels = [th.text() for table in tables for th in table.find("tfoot").iter("th")]
    assert labels == ["Total", "Total", "Total"]


def test_students_grouped_by_status_then_level_like_the_pdf(example_page: Element):
    section = _section(example_page, "students")
    headings = [(h.tag, h.text()) for h in section.iter() if h.tag in ("h3", "h4")]
    assert headings == [
        ("h3", "Current"),
        ("h4", "Postdoctoral researchers"),
        ("h4", "PhD students"),
        ("h4", "MSc students"),
        ("h3", "Completed"),
        ("h4", "Postdoctoral researchers"),
        ("h4", "PhD students"),
        ("h4", "MSc students"),
        ("h4", "Undergraduate researchers"),
        ("h3", "Left before completion"),
        ("h4", "PhD students"),
    ]
    assert all(h.get("id") for h in section.iter() if h.tag in ("h3", "h4"))


def test_contact_items_never_break_inside(example_page: Element):
    style = "".join(s.text() for s in example_page.iter("style"))
    assert re.search(r"\.contact li \{[^}]*white-space: nowrap", style)
    items = [li.text() for li in example_page.find("ul", "contact").iter("li")]
    assert "Google Scholar" in items and "ORCID 0000-0002-7134-5861" in items


def test_a_failing_user_template_is_reported_with_its_line(small_cv: CV, tmp_path: Path):
    sections = tmp_path / "templates" / "html" / "sections"
    sections.mkdir(parents=True)
    (sections / "talks.html").write_text("<p>talks</p>\n{{ 1 // 0 }}\n")
    with pytest.raises(CvgenError, match=r"talks\.html:2: ZeroDivisionError"):
        render(small_cv, source_dir=str(tmp_path))


def test_a_templates_folder_made_later_is_used(small_cv: CV, tmp_path: Path):
    """`cvgen watch` keeps one process: a templates/ folder created meanwhile must count."""
    assert "overridden" not in render(small_cv, source_dir=str(tmp_path))
    sections = tmp_path / "templates" / "html" / "sections"
    sections.mkdir(parents=True)
    (sections / "talks.html").write_text("<p>overridden</p>\n")
    assert "overridden" in render(small_cv, source_dir=str(tmp_path))


def test_dois_with_angle_brackets_keep_their_link(small_cv: CV):
    sici = "10.1002/(SICI)1097-4636(199812)43:4<338::AID-JBM1>3.0.CO;2-O"
    pub = small_cv.publications[0]
    links = pub.links.model_copy(update={"doi": sici})
    cv = small_cv.model_copy(update={"publications": [pub.model_copy(update={"links": links})]})
    hrefs = [a.get("href") for a in parse(render(cv)).iter("a")]
    assert (
        "https://doi.org/10.1002/(SICI)1097-4636(199812)43:4%3C338::AID-JBM1%3E3.0.CO;2-O" in hrefs
    )


def test_hebrew_page_is_right_to_left(small_cv: CV, golden) -> None:
    html = render(small_cv, words=load_words("he"))
    golden("writers/html/small-he.html", html)
    page = parse(html)
    root = page.find("html")
    assert (root.get("lang"), root.get("dir")) == ("he", "rtl")
    assert page.find("h2").text() == "תחומי מחקר"
    # an English reference is one English run, left to right, in its own words (not 'עמ׳')
    assert '<span class="citation"><span lang="en" dir="ltr">' in html
    assert 'pp.\u00a0<span class="nobreak">1–10</span>, June 2017.' in html


@pytest.mark.parametrize("name", THEMES)
def test_each_theme_page_has_every_title(name: str, example_cv: CV) -> None:
    page = parse(themed(example_cv, "html", name))
    text = letters(visible_text(page))
    assert all(letters(pub.title) in text for pub in example_cv.publications)
    assert page.find("style") is not None


def test_json_ld_cannot_end_its_script_element() -> None:
    text = str(jsonld_script({"name": "</script><b>&"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><b>&"}


def test_templates_see_the_documented_context_and_render_in_the_theme(small_cv: CV) -> None:
    values = context(document(small_cv), WriteOptions(paper="letter"))
    assert sorted(values) == [
        "accent", "document", "font_size", "fragment", "furniture", "header", "jsonld", "meta",
        "paper", "sections", "theme",
    ]  # fmt: skip
    assert values["paper"] == "letter" and values["fragment"] is False
    header = environment(None, load_theme()).get_template("html/header.html").render(values)
    assert header.startswith('<header class="cv-header">\n<h1>Jonas Åberg</h1>')
