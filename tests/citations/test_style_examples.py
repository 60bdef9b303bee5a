"""CSL styles on a researcher with one publication of each kind: golden files per style, the
CV's marks in every entry, and the formatted text checked against published examples."""

from __future__ import annotations

import pytest

from cvgen.citations.sentinels import SENTINEL
from cvgen.citations.style import load_style
from cvgen.document import Span, plain_text
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import CV, Author, Links, PubKind, Publication
from cvgen.writers.html.markup import spans_to_html
from tests.support.paths import DATA

DATA = DATA / "styles"
STYLES = [
    "apa",
    "ieee",
    "chicago-author-date",
    "vancouver",
    "nature",
    "harvard-cite-them-right",
    "modern-language-association",
    "american-chemical-society",
]


@pytest.fixture(scope="module")
def styles_cv() -> CV:
    return load_or_fail(Sources(cv=DATA / "cv.yaml"))[0]


def marked(spans: list[Span]) -> str:
    """The reference as text with its marks visible: **bold**, __underline__, _italic_, ^sup^."""
    out = []
    for span in spans:
        text = span.text
        for applies, mark in (
            (span.superscript, "^"),
            (span.italic, "_"),
            (span.underline, "__"),
            (span.bold, "**"),
        ):
            if applies:
                text = f"{mark}{text}{mark}"
        out.append(f"[{text}]({span.href})" if span.href else text)
    return "".join(out)


@pytest.mark.parametrize("name", STYLES)
def test_golden_references(name: str, styles_cv: CV, golden) -> None:
    refs = load_style(name, DATA).references(styles_cv.publications, use_cache=False)
    assert not refs.problems
    lines = []
    for pub in styles_cv.publications:
        lines += [f"{pub.kind.value}: {marked(refs[pub.key])}", f"  {spans_to_html(refs[pub.key])}"]
    golden(f"styles/{name}.txt", "\n".join(lines) + "\n")


@pytest.mark.parametrize("name", STYLES)
def test_every_entry_keeps_the_cvs_marks(name: str, styles_cv: CV) -> None:
    refs = load_style(name, DATA).references(styles_cv.publications, use_cache=False)
    kinds = {pub.kind for pub in styles_cv.publications}
    assert kinds >= {PubKind.JOURNAL, PubKind.CONFERENCE, PubKind.BOOK, PubKind.CHAPTER}
    assert kinds >= {PubKind.THESIS, PubKind.PREPRINT, PubKind.PATENT}
    for pub in styles_cv.publications:
        spans = refs[pub.key]
        bold = " ".join(s.text for s in spans if s.bold)
        underlined = " ".join(s.text for s in spans if s.underline)
        assert "Ruiz-Tagle" in bold, (name, pub.key)  # the owner is on every entry
        for student in (a for a in pub.authors if a.is_student):
            assert student.last in underlined, (name, pub.key, student.last)
        assert "Ruiz-Tagle" not in underlined and not any(SENTINEL.search(s.text) for s in spans)
        stars = [s for s in spans if s.text == "*"]
        assert len(stars) == sum(a.equal_contribution for a in pub.authors)
        assert all(s.superscript and not s.bold for s in stars)


def _pub(kind: PubKind, authors: list[tuple[str, str]], **fields: object) -> Publication:
    return Publication(
        key="example",
        entry_type={PubKind.JOURNAL: "article"}.get(kind, "misc"),
        kind=kind,
        authors=[Author(first=first, last=last) for first, last in authors],
        **fields,  # type: ignore[arg-type]
    )


def _text(name: str, pub: Publication, locale: str | None = None) -> str:
    refs = load_style(name, DATA, locale=locale).references([pub], use_cache=False)
    return plain_text(refs[pub.key])


def _plain_punctuation(text: str) -> str:
    """Published guides on the web often print straight quotes and hyphens in page ranges."""
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-"}))


def test_apa_matches_the_apa_7_journal_article_example() -> None:
    # APA Style, "Journal article references", example 1 (quoted on Springer's Affective
    # Science APA 7 page): Grady et al. (2019).
    pub = _pub(
        PubKind.JOURNAL,
        [("J. S.", "Grady"), ("M.", "Her"), ("G.", "Moreno"), ("C.", "Perez"), ("J.", "Yelinek")],
        title="Emotions in storybooks: A comparison of storybooks that represent ethnic and "
        "racial groups in the United States",
        venue="Psychology of Popular Media Culture",
        volume="8",
        number="3",
        pages="207–217",
        year=2019,
        links=Links(doi="10.1037/ppm0000185"),
    )
    assert _text("apa", pub) == (
        "Grady, J. S., Her, M., Moreno, G., Perez, C., & Yelinek, J. (2019). Emotions in "
        "storybooks: A comparison of storybooks that represent ethnic and racial groups in the "
        "United States. Psychology of Popular Media Culture, 8(3), 207–217. "
        "https://doi.org/10.1037/ppm0000185"
    )


def test_ieee_matches_the_ieee_reference_guide_example() -> None:
    # IEEE Reference Guide, "Periodicals" examples: Chiampi and Zilberti (2011).
    pub = _pub(
        PubKind.JOURNAL,
        [("M. M.", "Chiampi"), ("L. L.", "Zilberti")],
        title="Induction of electric field in human bodies moving near MRI: An efficient BEM "
        "computational procedure",
        venue="IEEE Trans. Biomed. Eng.",
        volume="58",
        pages="2787–2793",
        year=2011,
        month=10,
        links=Links(doi="10.1109/TBME.2011.2158315"),
    )
    assert _text("ieee", pub) == (
        "M. M. Chiampi and L. L. Zilberti, “Induction of electric field in human bodies moving "
        "near MRI: An efficient BEM computational procedure,” IEEE Trans. Biomed. Eng., vol. 58, "
        "pp. 2787–2793, Oct. 2011, doi: 10.1109/TBME.2011.2158315."
    )


def test_chicago_matches_the_manuals_author_date_sample() -> None:
    # Chicago Manual of Style, "Author-Date: Sample Citations", journal article: Keng, Lin and
    # Orazem (2017). The style title-cases the title itself.
    pub = _pub(
        PubKind.JOURNAL,
        [("Shao-Hsun", "Keng"), ("Chun-Hung", "Lin"), ("Peter F.", "Orazem")],
        title="Expanding College Access in Taiwan, 1978–2014: Effects on Graduate Quality and "
        "Income Inequality",
        venue="Journal of Human Capital",
        volume="11",
        number="1",
        pages="1–34",
        year=2017,
        links=Links(doi="10.1086/690235"),
    )
    assert _text("chicago-author-date", pub) == (
        "Keng, Shao-Hsun, Chun-Hung Lin, and Peter F. Orazem. 2017. “Expanding College Access "
        "in Taiwan, 1978–2014: Effects on Graduate Quality and Income Inequality.” Journal of "
        "Human Capital 11 (1): 1–34. https://doi.org/10.1086/690235."
    )


def test_vancouver_matches_the_icmje_sample_reference() -> None:
    # ICMJE/NLM sample reference, as in UCD Library's Vancouver guide: Halpern, Ubel and
    # Caplan (2002); the month is left out, as the guide allows for continuous pagination.
    pub = _pub(
        PubKind.JOURNAL,
        [("S. D.", "Halpern"), ("P. A.", "Ubel"), ("A. L.", "Caplan")],
        title="Solid-organ transplantation in HIV-infected patients",
        venue="N Engl J Med",
        volume="347",
        number="4",
        pages="284–287",
        year=2002,
    )
    assert _plain_punctuation(_text("vancouver", pub)) == (
        "Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in HIV-infected patients. "
        "N Engl J Med. 2002;347(4):284-7."
    )


def test_nature_matches_the_formatting_guide_example() -> None:
    # Nature formatting guide (nature.com/nature/for-authors/formatting-guide), references:
    # Hao et al. (2014), an article number in place of pages.
    pub = _pub(
        PubKind.JOURNAL,
        [("Z.", "Hao"), ("A.", "AghaKouchak"), ("N.", "Nakhjiri"), ("A.", "Farahmand")],
        title="Global integrated drought monitoring and prediction system",
        venue="Sci. Data",
        volume="1",
        pages="140001",
        year=2014,
    )
    assert _text("nature", pub) == (
        "Hao, Z., AghaKouchak, A., Nakhjiri, N. & Farahmand, A. Global integrated drought "
        "monitoring and prediction system. Sci. Data 1, 140001 (2014)."
    )


def test_harvard_matches_the_cite_them_right_example() -> None:
    # Cite Them Right Harvard, journal article with a DOI, as in Robert Gordon University's
    # templates: Chen (2023). Cite Them Right is British: en-GB quotation marks.
    pub = _pub(
        PubKind.JOURNAL,
        [("Y.", "Chen")],
        title="Addressing uncertainties through improved reserve product design",
        venue="IEEE Transactions on Power Systems",
        volume="38",
        number="4",
        pages="3911–3923",
        year=2023,
        links=Links(doi="10.1109/TPWRS.2022.3200697"),
    )
    assert _plain_punctuation(_text("harvard-cite-them-right", pub, locale="en-GB")) == (
        "Chen, Y. (2023) 'Addressing uncertainties through improved reserve product design', "
        "IEEE Transactions on Power Systems, 38(4), pp. 3911-3923. Available at: "
        "https://doi.org/10.1109/TPWRS.2022.3200697."
    )


def test_mla_matches_the_ubc_mla_9_example() -> None:
    # MLA 9, journal article with two authors (UBC Library's MLA 9th edition guide, without
    # its database container): Mayorga and Picower (2017).
    pub = _pub(
        PubKind.JOURNAL,
        [("Edwin", "Mayorga"), ("Bree", "Picower")],
        title="Active Solidarity: Centering the Demands and Vision of the Black Lives Matter "
        "Movement in Teacher Education",
        venue="Urban Education",
        volume="53",
        number="2",
        pages="212–230",
        year=2017,
    )
    assert _plain_punctuation(_text("modern-language-association", pub)) == (
        'Mayorga, Edwin, and Bree Picower. "Active Solidarity: Centering the Demands and '
        'Vision of the Black Lives Matter Movement in Teacher Education." Urban Education, '
        "vol. 53, no. 2, 2017, pp. 212-30."
    )


def test_acs_matches_the_acs_guide_example() -> None:
    # ACS Guide to Scholarly Communication, journal article (quoted in Stevens Institute's
    # library guide): Foster et al. (2019). The guide's '−' in pages is a minus sign.
    pub = _pub(
        PubKind.JOURNAL,
        [
            ("J. C.", "Foster"),
            ("S.", "Varlas"),
            ("B.", "Couturaud"),
            ("J.", "Coe"),
            ("R. K.", "O’Reilly"),
        ],
        title="Getting into Shape: Reflections on a New Generation of Cylindrical "
        "Nanostructures’ Self-Assembly Using Polymer Building Block",
        venue="J. Am. Chem. Soc.",
        volume="141",
        number="7",
        pages="2742–2753",
        year=2019,
        links=Links(doi="10.1021/jacs.8b08648"),
    )
    spans = load_style("acs", DATA).references([pub], use_cache=False)[pub.key]
    assert plain_text(spans) == (
        "Foster, J. C.; Varlas, S.; Couturaud, B.; Coe, J.; O’Reilly, R. K. Getting into Shape: "
        "Reflections on a New Generation of Cylindrical Nanostructures’ Self-Assembly Using "
        "Polymer Building Block. J. Am. Chem. Soc. 2019, 141 (7), 2742–2753. "
        "https://doi.org/10.1021/jacs.8b08648."
    )
    assert [s.text for s in spans if s.bold] == ["2019"]  # ACS sets the year in bold
    assert [s.href for s in spans if s.href] == ["https://doi.org/10.1021/jacs.8b08648"]


@pytest.mark.parametrize(
    ("pages", "shown"), [("1–52", "pp. 1–52"), ("5–123", "pp. 5–123"), ("212–230", "pp. 212–30")]
)
def test_shortened_page_ranges_leave_out_only_repeated_digits(pages: str, shown: str) -> None:
    # MLA's minimal-two: citeproc-py printed pages 1–52 as "pp. 1–2" and 5–123 as "5–3".
    pub = _pub(PubKind.JOURNAL, [("Eleni", "Georgiou")], title="T", venue="J", volume="3",
               pages=pages, year=2024)  # fmt: skip
    assert f"{shown}." in _text("modern-language-association", pub)
