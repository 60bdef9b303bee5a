"""The CSL engine's guarantees (citations/style.py): every author listed, cvgen's numbers and
order, clear errors for unknown or broken styles, and marks that survive hostile names and
titles."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cvgen.citations.catalog import packaged_names
from cvgen.citations.sentinels import SENTINEL
from cvgen.citations.style import load_style
from cvgen.compose import Settings, compose
from cvgen.document import plain_text
from cvgen.errors import CvgenError
from cvgen.model import CV, Author, CvData, Links, Person
from tests.support.paths import ROOT
from tests.support.researchers import STYLE_OWNER, article

ROOT = ROOT


def test_a_cv_lists_every_author_whatever_the_styles_et_al_rule() -> None:
    # APA truncates at 21 authors with an ellipsis, Vancouver at 7, Nature at 6: not in a CV.
    others = [Author(first=f"Given{i}", last=f"Family{i}") for i in range(24)]
    pub = article([*others, STYLE_OWNER])
    for name in ("apa", "vancouver", "nature", "ieee"):
        spans = load_style(name, ROOT).references([pub], use_cache=False)[pub.key]
        text = plain_text(spans)
        assert all(f"Family{i}" in text for i in range(24)), name
        assert "et al" not in text and "…" not in text, name
        assert any(s.bold and "Ruiz-Tagle" in s.text for s in spans), name


def test_numeric_styles_leave_the_number_to_cvgen() -> None:
    pubs = [article([STYLE_OWNER], key=f"k{i}", title=f"Paper {i}") for i in range(3)]
    for name, number in (("ieee", "["), ("vancouver", "1."), ("nature", "1."), ("acs", "(1)")):
        refs = load_style(name, ROOT).references(pubs, use_cache=False)
        texts = [plain_text(refs[p.key]) for p in pubs]
        assert all(t.startswith(("Ruiz-Tagle", "A. M. Ruiz-Tagle")) for t in texts), texts
        assert not any(t.startswith(number) for t in texts), name


def test_the_cvs_order_holds_whatever_the_styles_sort() -> None:
    pubs = [article([Author(first="Z", last=last), STYLE_OWNER], key=last) for last in "ZMA"]
    refs = load_style("apa", ROOT).references(pubs, use_cache=False)
    assert list(refs) == ["Z", "M", "A"]


def test_an_unknown_name_suggests_the_nearest_ones() -> None:
    with pytest.raises(CvgenError) as error:
        load_style("apaa", ROOT, origin="--style")
    assert error.value.message.startswith("--style: no citation style named 'apaa'")
    assert "did you mean 'apa'" in error.value.message


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
        style.references([article([STYLE_OWNER])], use_cache=False)
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
    pub = article([STYLE_OWNER], line=12)
    refs = load_style("odd.csl", tmp_path).references([pub], use_cache=False, bib="my.bib")
    assert [str(p) for p in refs.problems] == [
        "my.bib:12: a1: warning: the odd style could not format this entry; cvgen's own style "
        "is used"
    ]
    assert pub.key not in refs  # the composer prints it in cvgen's own style
    cv = CV(data=CvData(person=Person(name="Ana María Ruiz-Tagle")), publications=[pub])
    entry = compose(cv, Settings(references=dict(refs))).all_entries()[0]
    assert any(s.bold and s.text == "Ana María Ruiz-Tagle" for s in entry.title)


def test_links_are_the_publications_own(tmp_path: Path) -> None:
    pub = article([STYLE_OWNER], links=Links(doi="10.1000/x<1>", url="https://example.org/p"))
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
    pub = article([student, owner], title=title, venue=venue)
    refs = load_style(style, ROOT).references([pub], use_cache=False)
    spans = refs[pub.key]
    assert not any(SENTINEL.search(s.text) for s in spans)
    clean_family = SENTINEL.sub("", family).split()
    bold = "".join(s.text for s in spans if s.bold)
    if not refs.problems and clean_family:
        assert clean_family[-1].upper() in bold.upper() or clean_family[-1] in bold
    assert "Zhou" in "".join(s.text for s in spans if s.underline)
    assert any(s.text == "*" and s.superscript for s in spans)


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
