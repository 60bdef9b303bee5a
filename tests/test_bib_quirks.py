"""Each class of real-world .bib quirk (issue 11, and the .bib parts of issue 18), one small case
each: what the owner meant is what the CV shows, with a located warning where one is due."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rendering import WORDS, reference

from cvgen.cli import main
from cvgen.compose.citation import annotation_text
from cvgen.compose.marks import legend_for, symbols_used
from cvgen.document import plain_text
from cvgen.load.bibtex.file import BibOptions, parse_bibtex
from cvgen.load.cv import load
from cvgen.load.sources import Sources
from cvgen.model import PubKind
from cvgen.words import load_words

OWNER = BibOptions(owner="Péter Sólymos", this_year=2026)


def _one(bib: str, options: BibOptions = OWNER):
    pubs, problems = parse_bibtex(bib, "x.bib", options=options)
    assert len(pubs) == 1, [str(p) for p in problems]
    return pubs[0], problems


def _messages(problems) -> list[str]:
    return [str(p) for p in problems]


def test_href_and_sqrt_do_not_crash_and_the_link_is_kept() -> None:
    pub, problems = _one(
        r"""@misc{a, author = {Sólymos, P.}, title = {On $\sqrt 2$ and \sqrt{n+1}}, year = 2020,
  howpublished = {See \href{https://example.org/a\_b}{the site}}}"""
    )
    assert pub.title == "On √2 and √(n+1)"
    assert (pub.venue, pub.links.url) == ("See the site", "https://example.org/a_b")
    assert not problems


def test_aas_journal_macros_name_the_journal() -> None:
    pub, _ = _one(
        r"""@ARTICLE{2018ApJ, author = {{Sólymos}, P.}, title = "{Clusters}", journal = {\apj},
  year = 2018, eprint = {1804.09819}, archivePrefix = {arXiv}}"""
    )
    assert (pub.kind, pub.venue, pub.links.arxiv) == (
        PubKind.JOURNAL,
        "The Astrophysical Journal",
        "1804.09819",
    )
    user = BibOptions(owner="Péter Sólymos", macros={"apj": "ApJ"})
    abbreviated, _ = _one(r"@article{b, author={A B}, title={T}, journal={\apj}, year=2018}", user)
    assert abbreviated.venue == "ApJ"


@pytest.mark.parametrize(
    "author",
    [
        r"Lele, S. and \textbf{Sólymos, P.} and Bayne, E.",
        r"Lele, S. and \underline{Sólymos, P.} and Bayne, E.",
        r"Lele, S. and {\bf S{\'o}lymos}, {\bf P.} and Bayne, E.",
        r"Lele, S. and \myname{S\'{o}lymos}, P. and Bayne, E.",
        r"Lele, S. and {\textbf{Sólymos}}, {\textbf{P.}} and Bayne, E.",
    ],
)
def test_hand_made_markup_around_names_is_dropped(author: str) -> None:
    bib = f"@article{{a, author = {{{author}}}, title = {{T}}, journal = {{J}}, year = 2020}}"
    pub, _ = _one(bib)
    assert [a.display for a in pub.authors] == ["S. Lele", "P. Sólymos", "E. Bayne"]


def test_unknown_macros_are_one_warning_each_naming_the_fix() -> None:
    bib = "\n".join(
        rf"@article{{a{i}, author = {{\studentname{{Kemencei, Z.}} and Lele, S.}}, title = {{T}},"
        rf" journal = {{J}}, year = 2020}}"
        for i in range(3)
    )
    pubs, problems = parse_bibtex(bib, "x.bib", options=OWNER)
    assert [a.display for a in pubs[0].authors] == ["Z. Kemencei", "S. Lele"]
    (warning,) = problems
    assert warning.line == 1 and "\\studentname" in warning.message
    assert "2 more entries" in warning.message and "macros: {studentname: '...'}" in warning.message


def test_a_macro_standing_for_an_author() -> None:
    bib = r"@article{a, author = {{\psolymos} and Lele, S. R.}, title={T}, journal={J}, year=2015}"
    defined = BibOptions(owner="Péter Sólymos", macros={"psolymos": "Sólymos, P."})
    pub, problems = _one(bib, defined)
    assert [a.display for a in pub.authors] == ["P. Sólymos", "S. R. Lele"] and not problems
    guessed, problems = _one(bib)  # undefined, but it holds the owner's surname
    assert [a.display for a in guessed.authors] == ["Péter Sólymos", "S. R. Lele"]
    assert "read as Péter Sólymos" in problems[0].message
    stranger, problems = _one(bib.replace("psolymos", "coauthor"))
    assert [a.display for a in stranger.authors] == ["S. R. Lele"]
    assert "\\coauthor" in problems[0].message and "left out" in problems[0].message


def test_preamble_definitions_are_read() -> None:
    bib = r"""@preamble{ "\newcommand{\me}{Sólymos, P.} \def\hl#1{\textbf{#1}}" }
@article{a, author = {\me and \hl{Lele}, S.}, title = {T}, journal = {J}, year = 2020}"""
    pub, problems = _one(bib)
    assert [a.display for a in pub.authors] == ["P. Sólymos", "S. Lele"] and not problems


def test_noopsort_and_mendeley_accents_in_names() -> None:
    pub, _ = _one(
        r"""@article{a, author = {{\noopsort{araujo}}de Araujo, M. and Banderas-Carre\~{n}o, M.},
  title = {T}, journal = {J}, year = 2020}"""
    )
    assert [a.display for a in pub.authors] == ["M. de Araujo", "M. Banderas-Carreño"]


def test_a_repeated_field_keeps_the_first_value_with_a_warning() -> None:
    pub, problems = _one(
        "@article{a,\n  author = {A B},\n  year = {2025},\n  title = {T},\n  year = {2024},\n"
        "  journal = {J}}"
    )
    assert pub.year == 2025
    (warning,) = problems
    assert (warning.line, warning.is_error) == (5, False)
    assert "lines 3 and 5" in warning.message and "{2025}" in warning.message


def test_a_missing_comma_is_named_and_both_fields_read() -> None:
    pub, problems = _one(
        "@article{a,\n  author = {A B},\n  title = {T},\n  journal = {J},\n"
        "  pages = {377--407}\n  year = {2017}\n}"
    )
    assert (pub.pages, pub.year) == ("377–407", 2017)
    assert [(p.line, p.message.split("?")[0]) for p in problems] == [
        (6, "missing comma before `year`")
    ]


@pytest.mark.parametrize(
    "fields",
    [
        "url = {https://arxiv.org/abs/2103.04567v2}",
        "journal = {arXiv preprint arXiv:2103.04567}",
        "doi = {10.48550/arXiv.2103.04567}",
        "journal = {CoRR}, volume = {abs/2103.04567}",
        "eprint = {2103.04567}, archivePrefix = {arXiv}",
    ],
)
def test_arxiv_preprints_written_the_common_ways(fields: str) -> None:
    for entry_type in ("misc", "article"):
        pub, _ = _one(f"@{entry_type}{{a, author = {{A B}}, title = {{T}}, year = 2021, {fields}}}")
        assert (pub.kind, pub.venue, pub.links.arxiv) == (PubKind.PREPRINT, None, "2103.04567")


@pytest.mark.parametrize(
    ("fields", "server"),
    [
        ("doi = {10.1101/2020.03.05.979260}", "bioRxiv"),
        ("doi = {10.1101/2020.04.14.20065177}, journal = {medRxiv}", "medRxiv"),
        ("url = {https://papers.ssrn.com/sol3/papers.cfm?abstract_id=1}", "SSRN"),
        ("doi = {10.31234/osf.io/jbzw3}", "PsyArXiv"),
    ],
)
def test_other_preprint_servers_with_their_link(fields: str, server: str) -> None:
    pub, _ = _one(f"@misc{{a, author = {{A B}}, title = {{T}}, year = 2021, {fields}}}")
    assert (pub.kind, pub.venue) == (PubKind.PREPRINT, server)
    assert pub.links.items()


def test_author_marks_become_symbols_with_a_legend() -> None:
    pub, _ = _one(
        r"""@article{a, author = {Amos$^{\dagger}$, B. and Lee$^*$, C.
  and Kim\textsuperscript{*}, D. and Roe†, E. and Doe$^{*,\dagger}$, F.},
  title = {T}, journal = {J}, year = 2020}"""
    )
    marks = [(a.last, a.equal_contribution, a.marks) for a in pub.authors]
    assert marks == [
        ("Amos", False, ("†",)),
        ("Lee", True, ()),
        ("Kim", True, ()),
        ("Roe", False, ("†",)),
        ("Doe", True, ("†",)),
    ]
    assert "^" not in reference(pub)
    lines = [plain_text(line) for line in legend_for(symbols_used([pub]), WORDS)]
    assert lines == ["* Equal contribution", "† Corresponding author"]
    senior = legend_for(symbols_used([pub]), WORDS, {"†": "Senior author"})
    assert plain_text(senior[1]) == "† Senior author"


def test_tex_quotes_and_double_escaped_dblp_math() -> None:
    pub, _ = _one(
        r"""@article{a, author = {A B}, journal = {J}, year = 2020,
  title = {On `diagnostic classifiers' for {\textdollar}{\textbackslash}mathrm\{AC\}"""
        r"""{\^{}}0[{\textbackslash}oplus]{\textdollar}}}"""
    )
    assert pub.title == "On ‘diagnostic classifiers’ for AC⁰[⊕]"


@pytest.mark.parametrize(
    ("fields", "status", "undated"),
    [
        ("year = {in press}, journal = {J}", "in press", True),
        ("year = {forthcoming}, journal = {J}", "accepted", True),
        ("year = {to appear}, journal = {J}", "accepted", True),
        ("year = 2025, pubstate = {submitted}, journal = {J}", "submitted", False),
        ("year = 2025, journal = {Nature (under review)}", "under review", False),
        ("year = 2025, journal = {Submitted}", "submitted", False),
        ("year = 2025, journal = {J}, note = {Submitted, July 28, 2025}", "submitted", False),
    ],
)
def test_publication_status(fields: str, status: str, undated: bool) -> None:
    pub, problems = _one(f"@article{{a, author = {{A B}}, title = {{T}}, {fields}}}")
    assert (pub.status, pub.undated) == (status, undated)
    assert not [p for p in problems if p.is_error]
    assert status.lower() in reference(pub).lower()
    assert pub.venue in ("J", "Nature", None)


def test_a_year_is_still_required_for_published_work() -> None:
    pubs, problems = parse_bibtex("@article{a, author={A B}, title={T}, journal={J}}", "x.bib")
    assert not pubs and [p.message for p in problems] == ["required field is missing"]


def test_forthcoming_work_sorts_first_and_check_counts_it(tmp_path: Path) -> None:
    (tmp_path / "cv.yaml").write_text("person: {name: A B, email: a@b.org}\n", "utf-8")
    (tmp_path / "publications.bib").write_text(
        "@article{old, author={A B}, title={Old}, journal={J}, year=2025}\n"
        "@article{new, author={A B}, title={New}, journal={J}, year={in press}}\n"
        "@article{sub, author={A B}, title={Sub}, journal={J}, year=2019, pubstate={submitted}}\n",
        "utf-8",
    )
    cv, _ = load(Sources(tmp_path / "cv.yaml", use_cache=False))
    assert [p.key for p in cv.publications] == ["new", "sub", "old"]
    result = CliRunner().invoke(main, ["check", "--cv", str(tmp_path / "cv.yaml"), "--no-cache"])
    assert "not yet published           2  (in press 1, submitted 1)" in result.output


def test_cv_annotation_fields_people_invent() -> None:
    bib = "\n".join(
        [
            "@article{a, author={A B}, title={T}, journal={J}, year=2020, impact_factor={4.6},",
            "  acceptance_rate={21\\%}, oral={true}, award_name={Best Paper}, ccf={CCF A},",
            "  jornal={Nature}, preview={a.png}, abbr={Nat.}}",
            "@article{b, author={A B}, title={T2}, journal={J}, year=2020, ccf={CCF B}}",
        ]
    )
    pubs, problems = parse_bibtex(bib, "x.bib")
    a = next(p for p in pubs if p.key == "a")
    assert annotation_text(a, WORDS) == "Oral, Best Paper, 21% acceptance, Impact factor 4.6"
    assert a.extra == {"ccf": "CCF A", "jornal": "Nature", "preview": "a.png", "abbr": "Nat."}
    reports = sorted(p.message for p in problems)
    assert len(reports) == 2
    assert reports[0].startswith("field `ccf` (2 entries)") and "cvgen's fields" in reports[0]
    assert "`jornal` (1 entry)" in reports[1] and "did you mean 'journal'?" in reports[1]


def test_crossref_containers_without_editor_are_not_reported() -> None:
    pubs, problems = parse_bibtex(
        "@inproceedings{p, author={A B}, title={Paper}, crossref={conf}, year=2015}\n"
        "@proceedings{conf, title={Proc. of Things}, year={2015}}",
        "x.bib",
    )
    assert [p.venue for p in pubs] == ["Proc. of Things"] and not problems


def test_suspicious_data_is_warned_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "cv.yaml").write_text(
        "person: {name: A B, email: a@b.org}\n"
        "education: [{degree: PhD, institution: U, start: 2006, end: 2010}]\n",
        "utf-8",
    )
    (tmp_path / "publications.bib").write_text(
        "@article{old, author={B, A}, title={T}, journal={J}, year=1960}\n"
        "@article{late, author={B, A}, title={T}, journal={J}, year=2099}\n"
        "@article{odd, author={B, A and Smith (Jr), J and and Lee, K}, title={T}, journal={J},"
        " year=2020}\n",
        "utf-8",
    )
    _, problems = load(Sources(tmp_path / "cv.yaml", use_cache=False))
    found = {(p.line, p.field, p.message.split(";")[0]) for p in problems}
    assert (1, "old.year", "1960 is more than 10 years before your first degree (2006)") in found
    assert any(line == 2 and "after next year" in m for line, _, m in found)
    assert any(line == 3 and "contains parentheses" in m for line, _, m in found)


def test_an_empty_or_input_only_author_never_prints_as_commas() -> None:
    pub, problems = _one(
        r"@article{a, author = {{\input{/etc/passwd}} and Lee, K}, title={T}, journal={J},"
        " year=2020}"
    )
    text = reference(pub)
    assert ", ," not in text and not text.startswith(",")
    assert any("\\input" in p.message for p in problems)


def test_escaped_brace_is_named_not_an_undefined_macro() -> None:
    for doi in (r"{10.1000/x\}#frag}", r"{10.1000/x\} and more}"):
        _, problems = _one(
            f"@article{{a,\n  author = {{A B}},\n  title = {{T}},\n  journal = {{J}},\n"
            f"  doi = {doi},\n  year = 2020}}"
        )
        (warning,) = problems
        assert "undefined" not in warning.message and "escaped brace" in warning.message
        assert warning.line == 5


def test_an_expansion_bomb_is_reported_at_its_line_quickly(tmp_path: Path) -> None:
    lines = ['@string{s0 = "abcdefgh"}'] + [
        f"@string{{s{i} = s{i - 1} # s{i - 1}}}" for i in range(1, 34)
    ]
    lines.append("@article{a, author={A B}, title={T}, journal = s33, year=2020}")
    start = time.perf_counter()
    pubs, problems = parse_bibtex("\n".join(lines), "x.bib")
    assert time.perf_counter() - start < 5
    first = next(p for p in problems if p.field == "@string")
    assert first.line and "exceed" in first.message and "doubling" in first.message
    assert any(p.field == "a.journal" and "left out" in p.message for p in problems)
    assert not pubs
    (tmp_path / "cv.yaml").write_text("person: {name: A B}\n", "utf-8")
    (tmp_path / "publications.bib").write_text("\n".join(lines), "utf-8")
    result = CliRunner().invoke(main, ["check", "--cv", str(tmp_path / "cv.yaml"), "--no-cache"])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_one_paper_entered_twice_is_warned_of_but_a_preprint_and_its_paper_are_not(tmp_path):
    # As a Zotero export merged with a DBLP one gives (limaye.bib holds an arXiv and an ECCC
    # report of one paper); the doi of the second is only in a doi.org url (Google Scholar).
    (tmp_path / "cv.yaml").write_text("person: {name: A B, email: a@b.org}\n", "utf-8")
    (tmp_path / "publications.bib").write_text(
        "@article{zotero, author={B, A}, title={Rivers and the Sea}, journal={J}, year=2020,"
        " doi={https://doi.org/10.1234/RIVERS}}\n"
        "@article{dblp, author={B, A}, title={Rivers and the sea.}, journal={J. Rivers},"
        " year=2021, url={https://dx.doi.org/10.1234/rivers}}\n"
        "@article{pre, author={B, A}, title={Rivers and the Sea}, journal={arXiv preprint"
        " arXiv:2001.01234}, year=2020}\n"
        "@article{eccc, author={B, A}, title={Lower bounds at length}, year=2024,"
        " journal={Electron. Colloquium Comput. Complex.}, volume={TR24-021}}\n",
        "utf-8",
    )
    cv, problems = load(Sources(tmp_path / "cv.yaml", use_cache=False))
    kinds = {p.key: p.kind for p in cv.publications}
    assert kinds["pre"] is PubKind.PREPRINT and kinds["eccc"] is PubKind.PREPRINT
    assert {p.key: p.links.doi for p in cv.publications}["dblp"] == "10.1234/rivers"
    twice = [str(p) for p in problems if "the same paper as" in p.message]
    assert twice == [
        f"{tmp_path / 'publications.bib'}:2: dblp: warning: the same paper as zotero (line 1) "
        "(the same DOI, or the same title, year and venue), so the CV lists it twice; delete one "
        "of the two entries"
    ]


def test_an_edited_volume_says_its_names_are_its_editors() -> None:
    # Reported by a new user: `@book{..., editor = {...}}` with no author read as authored.
    pub, problems = _one(
        r"""@book{ed, editor = {Wei{\ss}enb{\"o}ck, Johanna and S{\'o}lymos, P.},
  title = {Edited Volume Alone}, publisher = {Wallstein}, year = {2020}}"""
    )
    assert pub.edited and not problems
    assert reference(pub).startswith("Johanna Weißenböck and P.\u00a0Sólymos (eds.). Edited Volume")
    assert "Sólymos (Hrsg.). Edited" in reference(pub, load_words("de"))
    from cvgen.citations.csl_json import csl_item
    from cvgen.exports.bibtex import entry_fields

    assert [field.key for field in entry_fields(pub)][:1] == ["editor"]
    item = csl_item(pub)
    assert "author" not in item and [n["family"] for n in item["editor"]] == [
        "Weißenböck",
        "Sólymos",
    ]
    authored, _ = _one("@book{b, author = {Sólymos, P.}, editor = {Other, O.}, title = {T},"
                       " publisher = {P}, year = 2020}")  # fmt: skip
    assert not authored.edited and "(ed" not in reference(authored)


def test_a_note_that_only_states_the_status_is_said_in_the_cvs_language() -> None:
    # A new user's `note = {accepted}` printed "Accepted." in a German CV, and
    # `journal = {in prep.}` printed "in prep.. In Vorbereitung."
    german = load_words("de")
    accepted, _ = _one("@article{a, author = {Sólymos, P.}, title = {T}, year = 2024,"
                       " journal = {Zeitgeschichte}, note = {accepted}}")  # fmt: skip
    assert (accepted.note, accepted.status) == (None, "accepted")
    assert reference(accepted, german).endswith("Zeitgeschichte, 2024. Angenommen.")
    preparing, _ = _one("@article{a, author = {Sólymos, P.}, title = {T}, journal = {in prep.},"
                        " year = 2025}")  # fmt: skip
    assert reference(preparing, german) == "P.\u00a0Sólymos. T. 2025. In Vorbereitung."
    dated, _ = _one("@article{a, author = {Sólymos, P.}, title = {T}, journal = {J}, year = 2024,"
                    " note = {Accepted, August 20, 2024}}")  # fmt: skip
    assert dated.note == "Accepted, August 20, 2024"  # more than the status: kept as written


def test_german_low_quotes_and_an_elided_year() -> None:
    # A new user's `,,{Bosniaken}``` printed ",,Bosniaken“"; `{JCDL} '21` printed "JCDL ‘21".
    from cvgen.writers.latex.markup import escape_latex

    pub, _ = _one(r"""@inproceedings{a, author = {Sólymos, P.}, year = 2021,
  title = {,,{Bosniaken}`` in Wien}, booktitle = {{JCDL} '21}}""")
    assert pub.title == "„Bosniaken“ in Wien"
    assert escape_latex(pub.venue) == "JCDL ’21" and escape_latex("'quoted'") == "‘quoted’"


def test_a_status_in_the_volume_or_as_the_journal_is_a_status() -> None:
    # seananderson.ca's cv/refs.bib: `journal = {In review}, volume = {In review}` printed
    # "In review, vol. In review, 2017. Under review."; `volume = {In press}` gave no status.
    reviewed, _ = _one("@article{a, author = {Sólymos, P.}, title = {T}, journal = {In review},"
                       " volume = {In review}, year = 2017}")  # fmt: skip
    assert reference(reviewed) == "P.\u00a0Sólymos. T. 2017. Under review."
    pressed, _ = _one("@article{a, author = {Sólymos, P.}, title = {T}, journal = {Ecology},"
                      " volume = {In press}, year = 2018}")  # fmt: skip
    assert (pressed.volume, pressed.status) == (None, "in press")


def test_a_doubled_and_between_authors_is_one_and_a_warning() -> None:
    pub, problems = _one("@article{a, author = {Zhu, W. and and Smith, J. and Sólymos, P.},"
                         " title = {T}, journal = {J}, year = 2017}")  # fmt: skip
    assert [a.display for a in pub.authors] == ["W. Zhu", "J. Smith", "P. Sólymos"]
    assert any("comes after `and and`" in message for message in _messages(problems))


def test_a_numbered_edition_is_an_ordinal_in_the_cvs_language() -> None:
    # A new user's `edition = {2}` printed "2 edition".
    pub, _ = _one("@book{b, author = {Sólymos, P.}, title = {T}, publisher = {P}, year = 2020,"
                  " edition = {2}}")  # fmt: skip
    assert "P, 2nd edition, 2020." in reference(pub)
    assert "2. Auflage" in reference(pub, load_words("de"))
    assert "2e éd." in reference(pub, load_words("fr"))
    third, _ = _one("@book{b, author = {Sólymos, P.}, title = {T}, publisher = {P}, year = 2020,"
                    " edition = {Revised}}")  # fmt: skip
    assert "Revised edition" in reference(third)
