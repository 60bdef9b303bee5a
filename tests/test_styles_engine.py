"""The CSL engine's guarantees: every author listed, cvgen's numbers and order, clear errors for
unknown or broken styles, a cache that never changes results, and marks that survive hostile
names and titles."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cvgen.build.presentation import check_designs
from cvgen.citations import cache as reference_cache
from cvgen.citations.catalog import packaged_names
from cvgen.citations.sentinels import SENTINEL
from cvgen.citations.style import CitationStyle, load_style
from cvgen.cli import main
from cvgen.compose import Settings, compose
from cvgen.document import plain_text
from cvgen.errors import CvgenError
from cvgen.load.cv_yaml import load_cv_yaml
from cvgen.load.sources import Sources
from cvgen.model import CV, Author, CvData, Links, Person, PubKind, Publication

ROOT = Path(__file__).resolve().parent.parent
OWNER = Author(first="Ana María", last="Ruiz-Tagle", is_self=True)


def _article(authors: list[Author], key: str = "a1", **fields: object) -> Publication:
    values = {
        "title": "A title",
        "venue": "Journal of Tests",
        "volume": "3",
        "pages": "1–9",
        "year": 2020,
        **fields,
    }
    return Publication(
        key=key, entry_type="article", kind=PubKind.JOURNAL, authors=authors, **values
    )  # type: ignore[arg-type]


def test_a_cv_lists_every_author_whatever_the_styles_et_al_rule() -> None:
    # APA truncates at 21 authors with an ellipsis, Vancouver at 7, Nature at 6: not in a CV.
    others = [Author(first=f"Given{i}", last=f"Family{i}") for i in range(24)]
    pub = _article([*others, OWNER])
    for name in ("apa", "vancouver", "nature", "ieee"):
        spans = load_style(name, ROOT).references([pub], use_cache=False)[pub.key]
        text = plain_text(spans)
        assert all(f"Family{i}" in text for i in range(24)), name
        assert "et al" not in text and "…" not in text, name
        assert any(s.bold and "Ruiz-Tagle" in s.text for s in spans), name


def test_numeric_styles_leave_the_number_to_cvgen() -> None:
    pubs = [_article([OWNER], key=f"k{i}", title=f"Paper {i}") for i in range(3)]
    for name, number in (("ieee", "["), ("vancouver", "1."), ("nature", "1."), ("acs", "(1)")):
        refs = load_style(name, ROOT).references(pubs, use_cache=False)
        texts = [plain_text(refs[p.key]) for p in pubs]
        assert all(t.startswith(("Ruiz-Tagle", "A. M. Ruiz-Tagle")) for t in texts), texts
        assert not any(t.startswith(number) for t in texts), name


def test_the_cvs_order_holds_whatever_the_styles_sort() -> None:
    pubs = [_article([Author(first="Z", last=last), OWNER], key=last) for last in "ZMA"]
    refs = load_style("apa", ROOT).references(pubs, use_cache=False)
    assert list(refs) == ["Z", "M", "A"]


def test_names_take_aliases_and_dependent_styles() -> None:
    vancouver = load_style("vancouver", ROOT)
    assert isinstance(vancouver, CitationStyle)
    assert vancouver.file.dependent is not None and vancouver.file.dependent.stem == "vancouver-nlm"
    assert vancouver.file.path.stem == "nlm-citation-sequence"
    assert load_style("cvgen", ROOT) is None and load_style(None, ROOT) is None  # cvgen's own
    assert isinstance(load_style("APA", ROOT), CitationStyle)


def test_an_unknown_name_suggests_the_nearest_ones() -> None:
    with pytest.raises(CvgenError) as error:
        load_style("apaa", ROOT, origin="--style")
    assert error.value.message.startswith("--style: no citation style named 'apaa'")
    assert "did you mean 'apa'" in error.value.message


def test_a_users_csl_file_is_found_beside_cv_yaml(tmp_path: Path) -> None:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "mine.csl").write_bytes(packaged_names()["apa"].read_bytes())
    style = load_style("styles/mine.csl", tmp_path)
    pub = _article([OWNER])
    assert plain_text(style.references([pub], use_cache=False)[pub.key]).startswith("Ruiz-Tagle")
    with pytest.raises(CvgenError, match=r"no style file .*missing\.csl"):
        load_style("missing.csl", tmp_path)


BROKEN = {
    "not xml": "<style xmlns='http://purl.org/net/xbiblio/csl'><info>",
    "no bibliography": (
        "<style xmlns='http://purl.org/net/xbiblio/csl' version='1.0'><info><title>T</title>"
        "</info><citation><layout><text variable='title'/></layout></citation></style>"
    ),
    "unknown parent": (
        "<style xmlns='http://purl.org/net/xbiblio/csl' version='1.0'><info><title>T</title>"
        "<link href='http://www.zotero.org/styles/no-such-parent' rel='independent-parent'/>"
        "</info></style>"
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_csl_file_is_a_clear_error(case: str, tmp_path: Path) -> None:
    (tmp_path / "bad.csl").write_text(BROKEN[case], encoding="utf-8")
    with pytest.raises(CvgenError) as error:
        style = load_style("bad.csl", tmp_path, origin="cv.yaml: design.citation_style")
        style.references([_article([OWNER])], use_cache=False)
    message = error.value.message
    assert message.startswith("cv.yaml: design.citation_style:") and "bad.csl" in message
    expected = {
        "not xml": "not a",
        "no bibliography": "no bibliography",
        "unknown parent": "no-such-parent",
    }
    assert expected[case] in message


def test_an_entry_citeproc_cannot_format_falls_back_with_a_warning(tmp_path: Path) -> None:
    # citeproc-py fails on text-case="capitalize-first" on a family name part: that entry
    # falls back to cvgen's own style, and the list is complete.
    style_text = (
        packaged_names()["apa"]
        .read_text(encoding="utf-8")
        .replace(
            '<name and="symbol" delimiter-precedes-last="always" name-as-sort-order="all"/>',
            '<name and="symbol" delimiter-precedes-last="always" name-as-sort-order="all">'
            '<name-part name="family" text-case="capitalize-first"/></name>',
        )
    )
    (tmp_path / "odd.csl").write_text(style_text, encoding="utf-8")
    pub = _article([OWNER], line=12)
    refs = load_style("odd.csl", tmp_path).references([pub], use_cache=False, bib="my.bib")
    assert [str(p) for p in refs.problems] == [
        "my.bib:12: a1: warning: the odd style could not format this entry; cvgen's own style "
        "is used"
    ]
    assert pub.key not in refs  # the composer prints it in cvgen's own style
    cv = CV(data=CvData(person=Person(name="Ana María Ruiz-Tagle")), publications=[pub])
    entry = compose(cv, Settings(references=dict(refs))).all_entries()[0]
    assert any(s.bold and s.text == "Ana María Ruiz-Tagle" for s in entry.title)


def test_the_cache_returns_what_the_engine_made(monkeypatch: pytest.MonkeyPatch) -> None:
    pubs = [_article([OWNER, Author(first="Kai", last="Fuente", von="de la", is_student=True)])]
    style = load_style("apa", ROOT)
    assert isinstance(style, CitationStyle)
    fresh = style.references(pubs)
    monkeypatch.setattr(CitationStyle, "engine", lambda self: pytest.fail("cache missed"))
    assert style.references(pubs) == fresh
    cache_file = reference_cache.ReferenceCache(style.file.fingerprint()).path
    _, _, body = cache_file.read_bytes().partition(b"\n")
    body = body.replace(b"Ruiz-Tagle", b"Forged")  # a forger can hash, but not sign
    cache_file.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    monkeypatch.undo()
    assert style.references(pubs) == fresh


def test_links_are_the_publications_own(tmp_path: Path) -> None:
    pub = _article([OWNER], links=Links(doi="10.1000/x<1>", url="https://example.org/p"))
    spans = load_style("harvard-cite-them-right", ROOT).references([pub], use_cache=False)[pub.key]
    linked = {s.text: s.href for s in spans if s.href}
    assert linked == {"https://doi.org/10.1000/x<1>": "https://doi.org/10.1000/x%3C1%3E"}


_TOKENS = [*"aZé -.,;:'\"“”?!&<>/\\{}()[]*_^~%$#@\n\t", "\U000f0000", "\U000f1003", "\U000f4001"]
_TEXT = st.lists(
    st.sampled_from([*_TOKENS, "\U000f000b", '<span class="nocase">', "</span>", "van", "Jr."]),
    min_size=1,
    max_size=12,
).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=_TEXT,
    given_name=_TEXT,
    family=_TEXT,
    venue=_TEXT,
    style=st.sampled_from(["apa", "ieee", "vancouver", "modern-language-association"]),
)
def test_hostile_strings_never_break_marks_or_raise(
    title: str, given_name: str, family: str, venue: str, style: str
) -> None:
    family = family.strip() or "X"
    owner = Author(first=given_name.strip(), last=family, is_self=True)
    student = Author(first="Wen-Li", last="Zhou", is_student=True, equal_contribution=True)
    pub = _article([student, owner], title=title, venue=venue)
    refs = load_style(style, ROOT).references([pub], use_cache=False)
    spans = refs[pub.key]
    assert not any(SENTINEL.search(s.text) for s in spans)
    clean_family = SENTINEL.sub("", family).split()
    bold = "".join(s.text for s in spans if s.bold)
    if not refs.problems and clean_family:
        assert clean_family[-1].upper() in bold.upper() or clean_family[-1] in bold
    assert "Zhou" in "".join(s.text for s in spans if s.underline)
    assert any(s.text == "*" and s.superscript for s in spans)


def test_cvgen_styles_lists_name_two_spaces_title() -> None:
    result = CliRunner().invoke(main, ["styles"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "cvgen  cvgen's own CV style (the default)"
    assert "apa  APA Style 7th edition" in lines
    assert all("  " in line and line.split("  ", 1)[1] for line in lines)
    everything = CliRunner().invoke(main, ["styles", "--all"]).output.splitlines()
    assert len(everything) > 10000 and "nature  Nature" in everything


def test_design_citation_style_is_checked_with_a_hint(tmp_path: Path) -> None:
    cv = tmp_path / "cv.yaml"
    cv.write_text("person: {name: A B}\ndesign:\n  citation_style: ieeee\n", encoding="utf-8")
    data, problems = load_cv_yaml(cv)
    assert data is not None and not any(p.is_error for p in problems)  # names: checked below
    assert [str(p) for p in check_designs(data, Sources(cv=cv))] == [
        f"{cv}:3: design.citation_style: no citation style named 'ieeee'; did you mean "
        "'ieee' or 'ieee-pulse' or 'ieee-access'? (`cvgen styles --all` lists them)"
    ]
    cv.write_text("person: {name: A B}\ndesign: {citation_style: chicago}\n", encoding="utf-8")
    data, _ = load_cv_yaml(cv)
    assert data is not None and check_designs(data, Sources(cv=cv)) == []


def test_citeproc_is_imported_only_for_a_csl_style() -> None:
    script = (
        "import sys; from pathlib import Path; from click.testing import CliRunner;"
        "from cvgen.cli import main; CliRunner().invoke(main, ['--help']);"
        "from cvgen.citations.style import load_style;"
        "from cvgen.model import Author, Publication, PubKind;"
        "p = Publication(key='k', entry_type='article', kind=PubKind.JOURNAL, title='T',"
        " authors=[Author(last='L')], year=2020);"
        "from cvgen.model import CV, CvData, Person; from cvgen.compose import compose;"
        "assert load_style('cvgen', Path('.')) is None;"
        "compose(CV(data=CvData(person=Person(name='L')), publications=[p]));"
        "print(any(m.split('.')[0] in ('citeproc', 'lxml') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
