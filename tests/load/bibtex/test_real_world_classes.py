"""The classes of real .bib files that broke cvgen in issue 27, one rule each, each test named
after its class. A case is a small entry shaped like the corpus's (tests/data/realworld/bib/),
where the classes were found; benchmarks/bib_corpus.py measures them on the whole corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.load.bibtex.file import BibOptions, parse_bibtex
from cvgen.load.cv import load
from cvgen.load.sources import Sources
from cvgen.model import CV, PubKind

OWNER = BibOptions(owner="Hiroshi Sato", this_year=2026)


def _read(bib: str, options: BibOptions = OWNER):
    pubs, problems = parse_bibtex(bib, "x.bib", options=options)
    return {pub.key: pub for pub in pubs}, [str(p) for p in problems]


def _cv(tmp_path: Path, bib: str, person: str = "Hiroshi Sato", extra: str = "", **kw) -> CV:
    """The CV of `person` ('Name' or 'Name | Variant') with this .bib."""
    cv, problems = _load(tmp_path, bib, person, extra, **kw)
    assert cv is not None, [str(p) for p in problems]
    return cv


def _load(tmp_path: Path, bib: str, person: str, extra: str = "", skip: bool = False):
    name, _, variant = person.partition(" | ")
    variants = f", name_variants: [{variant}]" if variant else ""
    (tmp_path / "cv.yaml").write_text(
        f"person: {{name: {name}, email: a@example.org{variants}}}\n{extra}", encoding="utf-8"
    )
    (tmp_path / "publications.bib").write_text(bib, encoding="utf-8")
    return load(Sources(tmp_path / "cv.yaml", use_cache=False, skip_bad_entries=skip))


def _marked(cv: CV, key: str) -> list[str]:
    pub = next(p for p in cv.publications if p.key == key)
    return [a.display for a in [*pub.authors, *pub.editors] if a.is_self]


# 1 ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("date", "year", "month"),
    [
        ("2025-23", 2025, None),  # autumn
        ("2025-23/2026-22", 2025, None),  # a range of seasons
        ("2019-04/", 2019, 4),  # open at the end
        ("../2020-05", 2020, 5),  # open at the start
        ("2021~", 2021, None),  # approximate
        ("2021-06-15?", 2021, 6),  # uncertain
        ("2019-13", 2019, None),  # no month is 13
    ],
)
def test_biblatex_season_and_range_dates(date: str, year: int, month: int | None) -> None:
    pubs, problems = _read(f"@article{{a, author={{Sato, H.}}, title={{T}}, journal={{J}}, "
                           f"date={{{date}}}}}")  # fmt: skip
    assert (pubs["a"].year, pubs["a"].month) == (year, month) and not problems


def test_biblatex_season_dates_reach_every_writer(tmp_path: Path, monkeypatch) -> None:
    bib = "@article{a, author={Sato, Hiroshi}, title={Autumn}, journal={J}, date={2025-23}}"
    _load(tmp_path, bib, "Hiroshi Sato")
    monkeypatch.chdir(tmp_path)
    for command in (["html", "-o", "cv.html"], ["latex", "-o", "cv.tex"], ["bio"]):
        result = CliRunner().invoke(main, [*command, "--cv", "cv.yaml", "--no-cache"])
        assert result.exit_code == 0 and result.exception is None, result.output
    assert "Autumn" in (tmp_path / "cv.html").read_text(encoding="utf-8")


# 2 ---------------------------------------------------------------------------------------------
BAD_CHARACTERS = """@article{clean, author={Sato, Hiroshi}, title={Clean}, journal={J}, year=2020}
@article{abstract, author={Sato, Hiroshi}, title={Abstract}, journal={J}, year=2020,
  abstract={Ren\x90 and \x1d}, keywords={a\x1d, b}, mendeley-tags={x\x1dy}}
@article{title, author={Sato, Hiroshi}, title={Ren\x90}, journal={J}, year=2021}
"""


def test_one_bad_character_or_field_stops_only_its_entry(tmp_path: Path) -> None:
    cv, problems = _load(tmp_path, BAD_CHARACTERS, "Hiroshi Sato")
    assert cv is None
    errors = [str(p) for p in problems if p.is_error]
    assert (
        len(errors) == 1 and ":4: title.title: contains the control character U+0090" in (errors[0])
    )
    cv, problems = _load(tmp_path, BAD_CHARACTERS, "Hiroshi Sato", skip=True)
    assert cv is not None and sorted(p.key for p in cv.publications) == ["abstract", "clean"]
    abstract = next(p for p in cv.publications if p.key == "abstract")
    assert abstract.tags == ["a", "b"] and abstract.extra["abstract"] == "Ren and"
    assert [p.field for p in problems if "left out" in p.message] == ["title.title"]


def test_a_byte_that_is_not_utf8_is_read_as_windows_1252(tmp_path: Path) -> None:
    (tmp_path / "cv.yaml").write_text("person: {name: Ada Müller, email: a@b.org}\n")
    (tmp_path / "publications.bib").write_bytes(
        b"@article{a, author={M\xfcller, Ada}, title={A}, journal={J}, year=2020}\n"
    )
    cv, problems = load(Sources(tmp_path / "cv.yaml", use_cache=False))
    assert cv is not None and cv.publications[0].authors[0].display == "Ada Müller"
    assert [p.message for p in problems] == [
        "byte 0xfc is not UTF-8; read as Windows-1252 'ü'; save the file as UTF-8"
    ]


# 3 ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "value", "kept", "warned"),
    [
        ("url", "[PubMed](https://pubmed.org/1/) [PR](https://x.org/pr)", "https://pubmed.org/1/",
         True),
        ("url", "https://x.org/a paper.pdf", "https://x.org/a%20paper.pdf", False),
        ("url", "http://dx.doi.org/10.1037/met0000025 NA", "http://dx.doi.org/10.1037/met0000025",
         False),
        ("url", r"\url{https://youtu.be/abc}", "https://youtu.be/abc", False),
        ("url", "www.example.org/talk", "https://www.example.org/talk", False),
        ("url", "javascript:alert(1)", None, True),
        ("doi", "DOI: 10.1002/ab.123", "10.1002/ab.123", False),
        ("doi", "n/a", None, True),
        ("slides", "nutrition slides.pdf", "nutrition%20slides.pdf", False),
    ],
)  # fmt: skip
def test_one_bad_link_never_drops_the_publication(field, value, kept, warned) -> None:
    bib = f"@article{{a, author={{Sato, H.}}, title={{T}}, journal={{J}}, year=2020, {field}="
    bib += f"{{{value}}}}}"
    pubs, problems = _read(bib)
    shown = pubs["a"].links.doi if field == "doi" else getattr(pubs["a"].links, field)
    assert shown == kept
    assert bool(problems) == warned
    assert all(": a." + field + ": warning:" in p for p in problems)


# 4 ---------------------------------------------------------------------------------------------
def test_duplicate_keys_keep_distinct_papers_and_never_cascade() -> None:
    pubs, problems = _read(
        "@article{Moreau_2019, author={Moreau, A.}, title={Incomplete}}\n"  # no year: left out
        "@article{Moreau_2019, author={Moreau, A.}, title={First}, journal={J}, year=2019}\n"
        "@article{Moreau_2019, author={Moreau, A.}, title={Second}, journal={J}, year=2019}\n"
        "@article{Moreau_2019, author={Moreau, A.}, title={Second}, journal={J}, year=2019}\n"
    )
    assert {key: pub.title for key, pub in pubs.items()} == {
        "Moreau_2019": "First",
        "Moreau_2019-2": "Second",
    }
    assert problems == [
        "x.bib:1: Moreau_2019.year: required field is missing",
        "x.bib:3: Moreau_2019: warning: the key Moreau_2019 is also used by another paper (line 2)"
        "; this one is read as Moreau_2019-2: give it a key of its own",
        "x.bib:4: Moreau_2019: warning: the key Moreau_2019 and this paper are already used "
        "(line 3); left out",
    ]


# 5 ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("person", "authors"),
    [
        ("Pieter Van Dijk", "Van Dijk, Pieter and Smit, Jan"),  # a capitalised particle
        ("Pieter van Dijk", "Pieter Van Dijk and Smit, Jan"),
        ("Milan Jovanović", r"{\textbf{M. Jovanovi{\'c}}} and Smit, Jan"),  # braced whole name
        ("Pafnuty Chebyshev | P. L. Chebʹshev", r"{{\cyr{Ch}}eb{\cprime}shev, P. L} and Smit, J."),
        ("Mei Tang", "Zhou<b>#</b>, Lin and <b>Tang*</b>, <b>Mei</b>"),  # HTML around names
        ("Kerem Yilmazoglu", "Demir, Ayşe and Yılmazoğlu, Kerem"),  # the dotless ı
        ("Hiroshi Sato", "*Sato, Hiroshi and Kato, Ken"),  # a leading mark
        ("Daniel J. Short Gianotti", "Short Gianotti, Daniel J and Morgan, Bryn E"),
        ("Myo Minn Oo", "Minn Oo, Myo and Smit, Jan"),
        ("Brian Caffo", "Caffo B and Smit J"),  # surname first, no comma
        ("Ross Dunne", "Iracema, Leroi and Ross, Dunne"),  # given and surname swapped
    ],
)
def test_owner_matching_finds_the_researcher(tmp_path: Path, person: str, authors: str) -> None:
    bib = f"@article{{a, author={{{authors}}}, title={{T}}, journal={{J}}, year=2020}}"
    assert len(_marked(_cv(tmp_path, bib, person), "a")) == 1


def test_owner_matching_marks_no_namesake(tmp_path: Path) -> None:
    bib = (
        "@article{a, author={Park, Ji-Hoon and Lee, Min and Park, Ji-Woo}, title={T}, "
        "journal={J}, year=2020}\n"
        "@article{b, author={Sato, Hiroko and Sato., Hiroshi}, title={U}, journal={J}, year=2020}\n"
        "@article{c, author={Park, J. and Park, Ji-Woo}, title={V}, journal={J}, year=2020}\n"
    )
    cv = _cv(tmp_path, bib, "Ji-Hoon Park")
    assert _marked(cv, "a") == ["Ji-Hoon Park"] and _marked(cv, "c") == ["J. Park"]
    cv = _cv(tmp_path, bib, "Hiroshi Sato")
    assert _marked(cv, "b") == ["Hiroshi Sato"]
    every = _cv(tmp_path, bib, "Ji-Hoon Park", "publications: {mark_every_match: true}\n")
    assert _marked(every, "c") == ["J. Park"]  # Ji-Woo is not Ji-Hoon, even so


def test_owner_matching_marks_the_owner_as_an_editor(tmp_path: Path) -> None:
    bib = (
        "@incollection{ch, author={Smit, Jan}, title={A chapter}, booktitle={The Book},\n"
        "  editor={Zamora, R. and P{\\'e}rez-Luque, Antonio Jes{\\'u}s}, publisher={P},\n"
        "  year=2020}\n"
        "@inproceedings{pr, author={Smit, Jan}, title={A paper}, booktitle={Proc. X},\n"
        "  editor={P{\\'e}rez-Luque, A. J.}, year=2021}\n"
    )
    cv = _cv(tmp_path, bib, "Antonio J. Pérez-Luque")
    assert _marked(cv, "ch") == ["Antonio Jesús Pérez-Luque"] and _marked(cv, "pr") == [
        "A. J. Pérez-Luque"
    ]


def test_owner_not_found_names_the_spelling_to_add(tmp_path: Path) -> None:
    bib = "".join(
        f"@article{{a{i}, author={{Smit, Jan and Dijk, P. W. van}}, title={{T{i}}}, "
        f"journal={{J}}, year=2020}}\n"
        for i in range(3)
    )
    _, problems = _load(tmp_path, bib, "Petra Vandyke")
    assert any(
        "'Smit, Jan' is an author of 3 of the 3 entries: if that is you, add that spelling "
        "to person.name_variants" in p.message
        for p in problems
    )


# 6 ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("authors", "names"),
    [
        ("Ayşe Demir, Kerem Yılmazoğlu, Selin Acar", ["Ayşe Demir", "Kerem Yılmazoğlu",
                                                       "Selin Acar"]),
        ("R. Hale, T. Moss, P. Lindqvist, and J. Oduya", ["R. Hale", "T. Moss", "P. Lindqvist",
                                                          "J. Oduya"]),
        ("Smith, J., Doe, A., Lee, K.", ["J. Smith", "A. Doe", "K. Lee"]),
        ("King, Jr, Martin Luther", ["Martin Luther King, Jr"]),  # BibTeX's own three parts
    ],
)  # fmt: skip
def test_comma_separated_author_lists(authors: str, names: list[str]) -> None:
    bib = "\n".join(
        f"@article{{a{i}, author={{{authors}}}, title={{T}}, journal={{J}}, year=2020}}"
        for i in range(2)
    )
    pubs, problems = _read(bib)
    assert [a.display for a in pubs["a0"].authors] == names
    listed = len(names) > 1
    assert len(problems) == (1 if listed else 0)
    if listed:
        assert "separates names by commas (2 entries)" in problems[0]


# 7 ---------------------------------------------------------------------------------------------
def test_better_bibtex_extended_names() -> None:
    pubs, problems = _read(
        "@article{a, author={family=Fuente, given=Lucía, prefix=de la, useprefix=true and "
        "family=Badri, given=Mohamed Ali, prefix=al-, useprefix=true and Sato, Hiroshi}, "
        "title={T}, journal={J}, year=2020}"
    )
    assert [(a.first, a.von, a.last) for a in pubs["a"].authors] == [
        ("Lucía", "de la", "Fuente"),
        ("Mohamed Ali", "al-", "Badri"),
        ("Hiroshi", "", "Sato"),
    ] and not problems


# 8 ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Communications Earth &amp; Environment", "Communications Earth & Environment"),
        ("Hot Jupiters like <ASTROBJ>51 Pegasi b</ASTROBJ>", "Hot Jupiters like 51 Pegasi b"),
        (
            'Measurement of <math display="inline"><mi>t</mi><mover><mi>t</mi><mo>¯</mo>'
            "</mover></math> production",
            "Measurement of tt̄ production",
        ),
        ("Mass of <mml:math><mml:msup><mml:mi>B</mml:mi><mml:mn>0</mml:mn></mml:msup>"
         "</mml:math> mesons", "Mass of B⁰ mesons"),
        ("Ratios&#58; a study of <i>in vivo</i> H<sub>2</sub>O", "Ratios: a study of in vivo H₂O"),
        ("p < 0.05 and q > 1", "p < 0.05 and q > 1"),  # no tag: text
    ],
)  # fmt: skip
def test_exporter_markup_is_read_as_text(title: str, shown: str) -> None:
    pubs, problems = _read(f"@article{{a, author={{Sato, H.}}, title={{{title}}}, "
                           f"journal={{J}}, year=2020}}")  # fmt: skip
    assert pubs["a"].title == shown and not problems


def test_exporter_markup_in_notes_links_and_breaks() -> None:
    pubs, _ = _read(
        "@misc{a, author={Sato, H.}, title={T}, year=2020, "
        "note={Press: [release](https://x.org/pr)<br>Data: <a href='https://x.org'>here</a>}}"
    )
    assert pubs["a"].note == "Press: release Data: here"
    assert pubs["a"].links.url == "https://x.org/pr"


# 9 ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "shown"),
    [
        (r"$\mathrm{t\bar{t}}$ production", "tt̄ production"),
        (r"$\overline{D}^0$ mesons", "D̅⁰ mesons"),
        (r"$\upmu$ and $\uptau$ and $\uppsi(2S)$ and $\Upgamma$", "μ and τ and ψ(2S) and Γ"),
        (r"$\varvec{x}$, $\smash{y}$, $\unicode{x00C5}$", "x, y, Å"),
        (r"$B^0_s \to \mu^+\mu^-$", "B⁰ₛ → μ⁺μ⁻"),
    ],
)
def test_math_macros_print_something(title: str, shown: str) -> None:
    pubs, problems = _read(f"@article{{a, author={{Sato, H.}}, title={{{title}}}, "
                           f"journal={{J}}, year=2020}}")  # fmt: skip
    assert pubs["a"].title == shown and not problems


# 11 --------------------------------------------------------------------------------------------
def test_misreadings_google_patents_status_in_titles_and_undated_items() -> None:
    pubs, problems = _read(
        "@misc{pat, author={Sato, H.}, title={A device}, year=2017, publisher={Google Patents},"
        " note={US Patent 9,582,407}}\n"
        "@article{rev, author={Sato, H.}, title={Deep nets [Under Review]}, year=2025}\n"
        "@article{wip, author={Sato, H.}, title={(WIP) Shallow nets}, year=2025}\n"
        "@inproceedings{talk, author={Sato, H.}, title={A talk}, year=2019}\n"
        "@misc{mo, author={Sato, H.}, title={An answer on MathOverflow},"
        " howpublished={\\url{https://mathoverflow.net/a/1}}}\n"
        "@unpublished{ms, author={Sato, H.}, title={A manuscript}}\n"
        "@Article{nocomma\n  author = {Sato, H.},\n  title = {Recovered}, journal={J}, year=2018}\n"
    )
    assert (pubs["pat"].kind, pubs["pat"].venue, pubs["pat"].note) == (
        PubKind.PATENT,
        None,
        "US Patent 9,582,407",
    )
    assert (pubs["rev"].title, pubs["rev"].status) == ("Deep nets", "under review")
    assert (pubs["wip"].title, pubs["wip"].status) == ("Shallow nets", "in preparation")
    assert pubs["talk"].kind is PubKind.CONFERENCE and pubs["talk"].venue is None
    assert pubs["mo"].undated and pubs["ms"].undated
    assert pubs["nocomma"].title == "Recovered"
    assert problems == [
        "x.bib:4: talk.booktitle: warning: no booktitle: the entry is shown without a venue",
        "x.bib:5: mo.year: warning: no year or date: listed without one",
        "x.bib:6: ms.year: warning: no year or date: listed without one",
        "x.bib:7: nocomma: warning: no comma after the key nocomma; cvgen read the entry as if "
        "it were there",
    ]


# 12 --------------------------------------------------------------------------------------------
def test_misleading_warnings_are_gone(tmp_path: Path) -> None:
    talks = "".join(
        f"@misc{{t{i}, author={{Sato, Hiroshi}}, title={{On deep nets}}, year=2019,"
        f" howpublished={{Seminar at University {i}}}}}\n"
        for i in range(5)
    )
    bib = (
        talks + "@article{a, author={Sato, Hiroshi}, title={T}, journal={J}, year=2020,"
        " optyear={}, OPTnote={}, keyword='patent'}\n"
    )
    cv, problems = _load(tmp_path, bib, "Hiroshi Sato")
    assert cv is not None and len(cv.publications) == 6
    assert [p.message for p in problems] == [
        'cannot read "\'patent\'": it is not {braced}, "quoted", a number or an @string '
        "name; check for an unbalanced brace or quote; the field is left out"
    ]


def test_a_file_of_collaboration_papers_is_not_called_a_reference_library(tmp_path) -> None:
    bib = (
        "".join(
            f"@article{{c{i}, author={{Aaij, R. and others}}, title={{T{i}}}, journal={{J}},"
            f" year=2020}}\n"
            for i in range(12)
        )
        + "@article{own, author={Sato, Hiroshi}, title={Mine}, journal={J}, year=2021}\n"
    )
    _, problems = _load(tmp_path, bib, "Hiroshi Sato")
    (summary,) = [p.message for p in problems]
    assert "12 of them name a collaboration or end in 'and others'" in summary
    assert "reference library" not in summary


# 13 --------------------------------------------------------------------------------------------
def test_scholar_sentence_case_journals_biorxiv_pages_and_mesh_keywords() -> None:
    pubs, problems = _read(
        "@article{a, author={Sato, H.}, title={T}, journal={Biophysical journal}, year=2020}\n"
        "@article{b, author={Sato, H.}, title={T}, journal={Physical review. D}, year=2020}\n"
        "@article{c, author={Sato, H.}, title={T}, journal={Revista de biología tropical},"
        " year=2020}\n"
        "@article{d, author={Sato, H.}, title={T}, journal={bioRxiv}, year=2024,"
        " pages={2024--03}}\n"
        "@article{e, author={Sato, H.}, title={T}, journal={J}, year=2020, pages={2019--2020},"
        " keywords={Animals; Models, Neurological; Neurons}}\n"
    )
    assert [pubs[k].venue for k in "abc"] == [
        "Biophysical Journal",
        "Physical Review. D",
        "Revista de biología tropical",
    ]
    assert pubs["d"].pages is None and pubs["e"].pages == "2019–2020"
    assert pubs["e"].tags == ["Animals", "Models, Neurological", "Neurons"]
    assert not problems
