"""`_data/publist.yml` (exports/jekyll.py): a record a Jekyll site can loop over and filter by
tag, its text HTML-escaped."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings

from cvgen.exports import listed_entries
from cvgen.exports.jekyll import export, publication_record
from cvgen.model import CV, JekyllSite
from tests.support.exporting import SETTINGS, small
from tests.support.html_doc import parse
from tests.support.html_safety import assert_inert, hostile, is_safe_link, poison
from tests.support.rendering import document, render


def records(cv: CV) -> list[dict]:
    return yaml.safe_load(render(cv, "jekyll"))


def test_one_record_per_publication_in_the_publist_shape(small_cv: CV):
    data = records(small_cv)
    printed = [entry.key for entry in document(small_cv).all_entries() if entry.key]
    assert [r["key"] for r in data] == printed  # in the CV's order
    assert sorted(printed) == sorted(p.key for p in small_cv.publications)
    for record in data:
        assert {"title", "authors", "year", "link", "tags", "citation"} <= set(record)
        assert "" not in record.values()  # a missing value is left out: Liquid takes '' as true
        assert record["link"]["display"] and record["link"].get("url", "x")
    # the paper's own link or none: the conference paper has only code, the thesis nothing
    assert [r["key"] for r in data if "url" in r["link"]] == [
        "aberg2020learning",
        "aberg2024preprint",
    ]


def test_record_content(small_cv: CV):
    record = next(r for r in records(small_cv) if r["key"] == "aberg2020learning")
    assert record["title"] == "Learning at 50% capacity: the ℓ₁ regime"
    assert record["year"] == 2017 and record["venue"] == "Physical Review Letters"
    assert record["kind"] == "journal"
    assert record["tags"] == ["erc", "selected"]
    assert record["link"] == {
        "url": "https://doi.org/10.1103/PhysRevLett.124.000001",
        "display": "Physical Review Letters, 2017",
    }
    assert record["description"] == "Impact factor 8.1"
    authors = parse(record["authors"])
    assert [s.text() for s in authors.iter("strong")] == ["Jonas Åberg"]
    assert [u.text() for u in authors.iter("u")] == ["Lina Chen"]
    assert "Physical Review Letters" in parse(record["citation"]).text()


def test_text_is_html_escaped_for_liquid(small_cv: CV):
    record = next(r for r in records(small_cv) if r["key"] == "chen2016phase")
    assert record["title"] == "Phase transitions in SGD &amp; friends"
    assert record["description"] == "Oral, 1.2% acceptance"


def test_tag_filter_as_a_liquid_where_exp_would_do(small_cv: CV):
    erc = [r["key"] for r in records(small_cv) if "erc" in r["tags"]]
    assert erc == ["aberg2020learning"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
def test_jekyll_export_values_are_escaped(small_cv: CV, text: str):
    import yaml

    records = yaml.safe_load(render(poison(small_cv, text), "jekyll"))
    for record in records:
        for name in ("title", "authors", "venue", "description", "citation"):
            assert_inert(record.get(name, ""))
        assert_inert(record["link"]["display"])
        for link in [record["link"], *record["links"]]:
            assert "url" not in link or is_safe_link(link["url"])


def test_a_record_holds_what_a_liquid_loop_reads() -> None:
    cv, document = small()
    pub, entry = listed_entries(cv, document)[0]
    record = publication_record(pub, entry, SETTINGS, JekyllSite())
    assert (record["key"], record["year"], record["kind"]) == ("aberg2020learning", 2017, "journal")
    assert record["link"] == {
        "url": "https://doi.org/10.1103/PhysRevLett.124.000001",
        "display": "Physical Review Letters, 2017",
    }
    assert yaml.safe_load(export(cv, document, SETTINGS))[0] == record
