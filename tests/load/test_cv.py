"""Loading a CV (load/cv.py): whatever the bytes, a model or located problems; a whole
reference library gives one warning for the papers of others; unsafe links refused."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from benchmarks.synthetic import synthetic_yaml
from cvgen.load.cv import PER_ENTRY_AUTHORSHIP_WARNINGS, load
from cvgen.load.sources import Sources
from tests.support.fuzz import fuzz
from tests.support.projects import library

FUZZ = fuzz(150)


def test_a_library_gets_one_warning_for_the_papers_of_others(tmp_path: Path) -> None:
    sources = library(tmp_path, 300)  # every hundredth entry is the owner's
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


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_as_cv_yaml(tmp_path_factory, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("yaml")
    (folder / "cv.yaml").write_bytes(data)
    (folder / "publications.bib").write_text("", encoding="utf-8")
    cv, problems = load(Sources(cv=folder / "cv.yaml", use_cache=False))
    assert cv is not None or any(p.is_error for p in problems)


def test_javascript_links_are_rejected_at_validation_with_file_and_line(tmp_path: Path):
    cv = tmp_path / "cv.yaml"
    cv.write_text("person:\n  name: Ada Lovelace\n  website: javascript:alert(1)\n")
    bib = tmp_path / "publications.bib"
    bib.write_text(
        "@article{a,\n  author = {Lovelace, Ada},\n  title = {T},\n  journal = {J},\n"
        "  year = {1843},\n  url = {javascript:alert(1)},\n}\n"
    )
    model, problems = load(Sources(cv=cv, use_cache=False))
    assert model is None
    located = {(Path(p.file).name, p.line) for p in problems if "safe link" in p.message}
    assert ("cv.yaml", 3) in located
    assert any(name == "publications.bib" and line for name, line in located)
