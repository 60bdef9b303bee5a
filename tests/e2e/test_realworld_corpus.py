"""Real researchers' .bib files (tests/data/realworld/, each naming its source repository) load
as their owners expect: through every command without a traceback, the owner recognised in
every entry naming them, names made only of the author field's words, venues kept, no LaTeX
left in titles or names."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import bibtexparser
import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.load.bibtex.preprints import server_named
from cvgen.load.bibtex.status import venue_without_status
from cvgen.load.cv import load
from cvgen.load.latex.text import latex_to_unicode, plain_reading
from cvgen.load.people import fold
from cvgen.load.sources import Sources
from cvgen.model import CV, PubKind
from tests.support.paths import DATA

CORPUS = DATA / "realworld"
# file -> the owner's name as their CV gives it
OWNERS = {
    "anderson": "Sean C. Anderson",
    "brice": "Marie-Hélène Brice",
    "bulbulia": "Joseph A. Bulbulia",
    "dinelli": "Timoteo Dinelli",
    "ferguson": "Peter S. Ferguson",
    "ginsburg": "Adam Ginsburg",
    "handley": "Will J. Handley",
    "harmon": "Brendan Harmon",
    "harper": "Sam Harper",
    "hogg": "Natalie B. Hogg",
    "limaye": "Nutan Limaye",
    "ma": "Jeffrey Jian Ma",
    "pasquier": "Benoît Pasquier",
    "poon": "Art F. Y. Poon",
    "poon_inprep": "Art F. Y. Poon",
    "shang": "Yuzhang Shang",
    "solymos": "Péter Sólymos",
    "thomson": "Alec J. M. Thomson",
    "wiedemann": "Milan Wiedemann",
    "zhang": "Yichi Zhang",
    "zhu": "Weiqiang Zhu",
}
_CONTROL_WORD = re.compile(r"\\([A-Za-z]{3,})")


def test_corpus_is_the_one_described() -> None:
    files = sorted(p.stem for p in CORPUS.glob("*.bib"))
    assert files == sorted(OWNERS) and len(files) >= 15
    for path in CORPUS.glob("*.bib"):
        assert "in the public repository" in path.read_text(encoding="utf-8").splitlines()[0]


def _project(tmp: Path, name: str) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    cv = tmp / "cv.yaml"
    cv.write_text(f"person:\n  name: {OWNERS[name]}\n  email: owner@example.org\n", "utf-8")
    return cv


@cache
def _loaded(name: str, tmp: str) -> CV:
    cv, problems = load(Sources(_project(Path(tmp), name), CORPUS / f"{name}.bib", False, True))
    assert cv is not None, [str(p) for p in problems if p.is_error]
    return cv


@cache
def _raw_fields(name: str) -> dict[str, dict[str, str]]:
    library = bibtexparser.parse_string(
        (CORPUS / f"{name}.bib").read_text(encoding="utf-8"), parse_stack=[]
    )
    blocks = list(library.entries) + [
        b.ignore_error_block for b in library.failed_blocks if hasattr(b, "ignore_error_block")
    ]
    return {e.key: {f.key.lower(): str(f.value) for f in e.fields} for e in blocks if e}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("corpus")


@pytest.mark.parametrize("name", sorted(OWNERS))
def test_owner_recognised_in_every_entry_naming_them(name: str, corpus_dir: Path) -> None:
    cv = _loaded(name, str(corpus_dir / name))
    surname = fold(OWNERS[name].split()[-1])
    for pub in cv.publications:
        raw = _raw_fields(name)[pub.key]
        people = plain_reading(raw.get("author", "") + " " + raw.get("editor", ""))
        named = surname in fold(people) or surname in fold(raw.get("author", ""))
        if named:
            assert any(a.is_self for a in pub.authors), (pub.key, [a.display for a in pub.authors])


@pytest.mark.parametrize("name", sorted(OWNERS))
def test_names_titles_and_venues_read_as_written(name: str, corpus_dir: Path) -> None:
    cv = _loaded(name, str(corpus_dir / name))
    owner_words = {fold(w) for w in OWNERS[name].split()}
    for pub in cv.publications:
        raw = _raw_fields(name)[pub.key]
        decoded = latex_to_unicode(raw.get("author", ""))
        field_words = {fold(w) for w in re.split(r"[\s,~]+", decoded)}
        for author in pub.authors:
            assert author.display.strip(), pub.key
            words = {fold(w) for w in re.split(r"[\s,]+", author.display)} - {""}
            assert words <= field_words | owner_words | {"et", "al"}, (pub.key, author.display)
            _no_latex(author.display, raw.get("author", ""), pub.key)
        _no_latex(pub.title, raw.get("title", ""), pub.key)
        journal = latex_to_unicode(raw.get("journal", "")) or raw.get("journal", "").strip("{} ")
        published = journal and not server_named(journal) and venue_without_status(journal)
        if published and pub.kind is PubKind.JOURNAL:
            assert pub.venue, pub.key


def _no_latex(text: str, raw: str, key: str) -> None:
    escaped = "textbackslash" in raw or "\\{" in raw or "textbrace" in raw
    if not escaped:
        assert not set(text) & set("\\{}"), (key, text)
    plain_words = set(re.findall(r"[A-Za-z]+", _CONTROL_WORD.sub(" ", raw)))
    for macro in _CONTROL_WORD.findall(raw):
        if macro not in plain_words:
            assert not re.search(rf"\b{macro}", text, re.I) or macro.lower() in text.lower().split(
                " "
            ), (key, macro, text)


def test_ads_exports_are_journal_articles_with_the_journals_name(corpus_dir: Path) -> None:
    for name in ("ginsburg", "ferguson", "handley", "thomson"):
        cv = _loaded(name, str(corpus_dir / name))
        for pub in cv.publications:
            journal = _raw_fields(name)[pub.key].get("journal", "")
            if journal.strip("{}") in ("\\apj", "\\mnras", "\\aap", "\\aj", "\\apjl", "\\apjs"):
                assert pub.kind is PubKind.JOURNAL, pub.key
                assert pub.venue and "\\" not in pub.venue and len(pub.venue) > 10, pub.venue


def test_forthcoming_work_prints_its_status_and_check_counts_it(corpus_dir: Path) -> None:
    cv = _loaded("poon_inprep", str(corpus_dir / "poon_inprep"))
    statuses = {pub.key: pub.status for pub in cv.publications}
    assert statuses["magbor2025spatiotemporal"] == "accepted"
    assert "under review" in statuses.values() and "submitted" in statuses.values()
    dinelli = _loaded("dinelli", str(corpus_dir / "dinelli"))
    assert [p.status for p in dinelli.publications[:2]] == ["under review", "under review"]
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--cv",
            str(corpus_dir / "poon_inprep" / "cv.yaml"),
            "--bib",
            str(CORPUS / "poon_inprep.bib"),
            "--skip-bad-entries",
            "--no-cache",
        ],
    )
    assert "not yet published" in result.output and "under review" in result.output


def test_marks_and_hand_made_markup(corpus_dir: Path) -> None:
    shang = _loaded("shang", str(corpus_dir / "shang"))
    starred = [p for p in shang.publications if p.has_equal_contribution]
    assert starred and all("*" not in a.display for p in starred for a in p.authors)
    zhu = _loaded("zhu", str(corpus_dir / "zhu"))
    assert all(any(a.is_self for a in p.authors) for p in zhu.publications)
    solymos = _loaded("solymos", str(corpus_dir / "solymos"))
    assert all(any(a.display == "Péter Sólymos" for a in p.authors) for p in solymos.publications)


COMMANDS = (
    ["check"],
    ["html", "-o", "{out}/cv.html"],
    ["filter", "--format", "markdown"],
    ["bio"],
    ["export", "jekyll", "-o", "{out}/publist.yml"],
)


@pytest.mark.parametrize("lenient", [False, True], ids=["strict", "skip-bad-entries"])
def test_every_command_on_every_file_without_a_traceback(lenient: bool, corpus_dir: Path) -> None:
    runner = CliRunner()
    for name in OWNERS:
        cv = _project(corpus_dir / f"cli-{name}", name)
        out = cv.parent / "out"
        for command in COMMANDS:
            args = [a.format(out=out) for a in command]
            args += ["--cv", str(cv), "--bib", str(CORPUS / f"{name}.bib"), "--no-cache"]
            result = runner.invoke(main, args + (["--skip-bad-entries"] if lenient else []))
            assert "Traceback" not in result.output, (name, command, result.output)
            assert result.exit_code in (0, 1), (name, command, result.output)
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                name,
                command,
                result.exception,
            )
            if lenient:
                assert result.exit_code == 0, (name, command, result.output)


TYPESET = ("solymos", "zhu", "hogg", "ferguson", "handley")  # pdflatex; others need lualatex


def test_one_cv_of_the_trickiest_files_typesets(tmp_path: Path) -> None:
    """pdf through TeX once, for the files with the most LaTeX in them, combined."""
    combined = tmp_path / "all.bib"
    combined.write_text(
        "\n".join((CORPUS / f"{name}.bib").read_text(encoding="utf-8") for name in TYPESET), "utf-8"
    )
    cv = tmp_path / "cv.yaml"
    cv.write_text("person:\n  name: Adam Ginsburg\n  email: a@example.org\n", "utf-8")
    result = CliRunner().invoke(
        main,
        [
            "pdf",
            "--cv",
            str(cv),
            "--bib",
            str(combined),
            "--skip-bad-entries",
            "--no-cache",
            "-o",
            str(tmp_path / "cv.pdf"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cv.pdf").read_bytes().startswith(b"%PDF")
