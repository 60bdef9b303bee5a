"""A whole reference library as the .bib (issue 18, item 3): the shortcuts that make it fast and
lean read exactly what the full readers read, the cache keeps it lean, and its thousands of
other people's papers give one clear warning, not one line each."""

from __future__ import annotations

import gc
from pathlib import Path

from bibtexparser.middlewares.names import parse_single_name_into_parts
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.library import library_bib, write_library
from benchmarks.synthetic import synthetic_yaml
from cvgen.load import collector
from cvgen.load.authorship import PER_ENTRY_AUTHORSHIP_WARNINGS
from cvgen.load.bibtex.file import parse_bibtex
from cvgen.load.bibtex.names import name_parts
from cvgen.load.cv import load, load_or_fail
from cvgen.load.latex import text as latex_text
from cvgen.load.sources import Sources
from cvgen.model import Author, Links, Publication

NAME_TEXT = st.text(alphabet="AbcÉé ,.-'{}\\~\tZz", max_size=24)


@given(NAME_TEXT)
def test_plain_names_are_split_as_bibtexparser_splits_them(name: str) -> None:
    parts = parse_single_name_into_parts(name, strict=False)
    expected = tuple(" ".join(p) for p in (parts.first, parts.von, parts.last, parts.jr))
    assert name_parts(name) == expected


@given(st.text(alphabet="Ab -`'~{}.é\ue000", max_size=30))
def test_values_without_latex_decode_as_the_full_reader_decodes_them(value: str) -> None:
    latex_text._decode.cache_clear()
    assert latex_text.decode(value) == latex_text._decode(value, latex_text.NO_MACROS)


def _library(tmp_path: Path, entries: int) -> Sources:
    return write_library(tmp_path, entries)


def test_a_library_gets_one_warning_for_the_papers_of_others(tmp_path: Path) -> None:
    sources = _library(tmp_path, 300)  # every hundredth entry is the owner's
    cv, problems = load(Sources(sources.cv, use_cache=False))
    assert cv is not None and len(cv.publications) == 300
    authorship = [p for p in problems if "no author matching" in p.message]
    assert len(authorship) == 1
    (warning,) = authorship
    assert warning.message.startswith("297 of 300 entries name no author matching")
    assert "lib1 (line" in warning.message and "--tag mine" in warning.message
    assert (warning.line, warning.field) == (next(p.line for p in cv.publications if p.key ==
                                                  "lib1"), "lib1.author")  # fmt: skip
    # others' papers from the 1950s are no typo in the researcher's career
    assert not any("before your first degree" in p.message for p in problems)


def test_few_papers_of_others_are_each_named(tmp_path: Path) -> None:
    mine = "@article{{m{0}, author={{Adler-Katz, Miriam}}, title={{T}}, journal={{J}}, year=2015}}"
    other = "@article{{o{0}, author={{Other, Olga}}, title={{T}}, journal={{J}}, year=2015}}"
    entries = [mine.format(i) for i in range(20)]
    entries += [other.format(i) for i in range(PER_ENTRY_AUTHORSHIP_WARNINGS)]
    (tmp_path / "cv.yaml").write_text(synthetic_yaml(), "utf-8")
    (tmp_path / "publications.bib").write_text("\n".join(entries), "utf-8")
    _, problems = load(Sources(tmp_path / "cv.yaml", use_cache=False))
    named = [p.field for p in problems if "no author matches" in p.message]
    assert sorted(named) == sorted(f"o{i}.author" for i in range(PER_ENTRY_AUTHORSHIP_WARNINGS))


def test_a_venue_macro_is_counted_once_per_entry() -> None:
    bib = "\n".join(
        f"@article{{a{i}, author={{A B}}, title={{T}}, journal={{\\joss}}, year=2020}}"
        for i in range(3)
    )
    pubs, problems = parse_bibtex(bib, "x.bib")
    assert [p.venue for p in pubs] == ["JOSS"] * 3
    (report,) = problems
    assert "\\joss (here and 2 more entries)" in report.message  # was "11": read 4 times each


def test_equal_authors_are_one_object_fresh_and_from_the_cache(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CVGEN_CACHE_DIR", str(tmp_path / "cache"))
    sources = _library(tmp_path, 400)
    fresh, _ = load_or_fail(sources)
    cached, _ = load_or_fail(sources)
    assert cached == fresh and cached is not fresh
    objects = {}
    for name, cv in (("fresh", fresh), ("cached", cached)):
        authors = [a for p in cv.publications for a in p.authors]
        objects[name] = len({id(a) for a in authors})
        assert objects[name] < len(authors) / 2
    distinct = {a.model_dump_json() for p in cached.publications for a in p.authors}
    assert objects["cached"] == len(distinct) <= objects["fresh"]


def test_the_cache_entry_holds_the_cv_once(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CVGEN_CACHE_DIR", str(tmp_path / "cache"))
    sources = _library(tmp_path, 200)
    cv, _ = load_or_fail(sources)
    (entry,) = (tmp_path / "cache").glob("*.json")
    _, header, body = entry.read_bytes().split(b"\n", 2)
    assert b'"bib_hash"' in header and body == cv.model_dump_json().encode()


def test_models_share_their_fields_set_without_aliasing() -> None:
    given_all = {name: None for name in Links.model_fields}
    first, second = Links(**given_all), Links(**given_all)
    assert first.model_fields_set is second.model_fields_set
    changed = first.model_copy(update={"doi": "10.1/x"})
    assert changed.doi == "10.1/x" and second.doi is None
    assert changed.model_fields_set is not first.model_fields_set
    assert Links(doi="10.1/y").model_fields_set == {"doi"}
    assert Author(last="A").model_fields_set == {"last"}


def test_publications_built_by_the_loader_validate_as_they_are(tmp_path: Path) -> None:
    pubs, _ = parse_bibtex(library_bib(500), "x.bib")
    assert [Publication.model_validate(p.model_dump()) for p in pubs] == pubs


def test_the_collector_is_resumed_after_a_load_and_freezes_only_large_ones(
    tmp_path: Path, monkeypatch
) -> None:
    sources = _library(tmp_path, 100)
    before = gc.get_freeze_count()
    load(Sources(sources.cv, use_cache=False))
    assert gc.isenabled() and gc.get_freeze_count() == before
    monkeypatch.setattr(collector, "FREEZE_AFTER", 1000)
    try:
        load(Sources(sources.cv, use_cache=False))
        assert gc.isenabled() and gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
    (tmp_path / "publications.bib").write_text("@article{", "utf-8")
    assert load(Sources(sources.cv, use_cache=False))[0] is None and gc.isenabled()
