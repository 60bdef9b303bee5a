"""Site exports beyond the publication list: talks (Jekyll data, Hugo Blox events, academicpages
talks), the group (Jekyll team and alumni, Hugo Blox authors); page names in every script,
short, unique in any case; no invented dates; what the site's own _config.yml lacks; and the
temporary files of a killed export removed by the next run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cvgen.cli import main
from cvgen.exports.academicpages import missing_categories, page_date, page_name, venue_line
from cvgen.exports.site_data import MAX_NAME_BYTES, short_name, title_slug, unique_name
from cvgen.files.folder import write_folder
from cvgen.model import AcademicPagesSite, Author, PubKind, Publication

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ["--cv", str(ROOT / "cv.yaml"), "--bib", str(ROOT / "publications.bib")]
# Hugo Blox's event/single.html and functions/get_event_dates.html read these (notes §2.5).
EVENT_KEYS = frozenset(
    "title event event_url location date date_end all_day show_date summary tags url_slides "
    "url_video".split()
)
TALK_KEYS = frozenset("title collection type talk_type permalink venue date location link".split())


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def export(*args: str) -> str:
    result = CliRunner().invoke(main, ["export", *args, *EXAMPLE])
    assert result.exit_code == 0, result.output
    return result.output


def test_hugo_events_have_the_keys_the_event_layout_reads(tmp_path: Path):
    export("hugo", str(tmp_path), "--section", "talks")
    pages = {p.parent.name: front_matter(p) for p in tmp_path.glob("content/event/*/index.md")}
    assert len(pages) == 13
    for matter in pages.values():
        assert set(matter) <= EVENT_KEYS and matter["all_day"] is True
    keynote = pages["2023-implicit-bias-what-gradient-descent-knows-that-we-dont"]
    assert keynote["event"].startswith("International Conference on Machine Learning")
    assert keynote["url_video"] == "https://slideslive.com/icml2023/implicit-bias-keynote"
    assert keynote["date"] == "2023-07-26" and "show_date" not in keynote


def test_academicpages_talks_say_their_type_to_the_list_and_the_page(tmp_path: Path):
    export("academicpages", str(tmp_path), "--section", "talks")
    pages = [front_matter(p) for p in (tmp_path / "_talks").glob("*.md")]
    assert len(pages) == 13
    for matter in pages:
        assert set(matter) <= TALK_KEYS
        assert matter["type"] == matter["talk_type"]  # the list reads one, the layout the other
        assert matter["permalink"].startswith("/talks/")


def test_hugo_authors_and_jekyll_alumni_of_the_group(tmp_path: Path):
    export("hugo", str(tmp_path), "--section", "students")
    authors = {p.parent.name: front_matter(p) for p in tmp_path.glob("content/authors/*/_index.md")}
    assert authors["aisha-rahman"] == {
        "title": "Aisha Rahman",
        "role": "Research Scientist, Helix Labs",
        "user_groups": ["Alumni"],
    }
    assert authors["lin-qiao"]["user_groups"] == ["PhD student"]
    output = export("jekyll", "--section", "alumni", "-o", str(tmp_path / "alumni.yml"))
    alumni = yaml.safe_load((tmp_path / "alumni.yml").read_text())
    rahman = next(a for a in alumni if a["name"] == "Aisha Rahman")
    assert rahman == {
        "name": "Aisha Rahman",
        "duration": "Jan 2020 – Dec 2022",
        "info": "Research Scientist, Helix Labs",
    }
    assert "no photo for" in output  # the template prints a picture for every alumnus


def forthcoming(**extra) -> Publication:
    values = {
        "key": "k",
        "entry_type": "article",
        "kind": PubKind.JOURNAL,
        "title": "Bounds",
        "authors": [Author(first="A", last="B")],
        "year": 2026,
        "venue": "JMLR",
        "status": "in press",
        "undated": True,
    }
    return Publication(**(values | extra))


def test_a_paper_not_out_yet_gets_no_invented_date():
    pub = forthcoming()
    assert page_date(pub) is None and page_name(pub) == "Bounds"
    assert venue_line(pub) == "JMLR (in press)"
    dated = forthcoming(undated=False, status=None, month=None)
    assert page_name(dated) == "2026-01-01-Bounds"  # a year: the theme prints the year only


def test_missing_publication_categories_are_named_with_the_lines_to_add(tmp_path: Path):
    (tmp_path / "_config.yml").write_text("publication_category:\n  manuscripts: {title: J}\n")
    pubs = [forthcoming(), forthcoming(kind=PubKind.THESIS), forthcoming(kind=PubKind.PATENT)]
    (problem,) = missing_categories(pubs, tmp_path, AcademicPagesSite())
    assert "2 exported papers have a category publication_category does not list" in (
        problem.message
    )
    assert "thesis: {title: Theses}; patent: {title: Patents}" in problem.message
    (tmp_path / "_config.yml").write_text("title: no categories\n")
    assert missing_categories(pubs, tmp_path, AcademicPagesSite()) == []


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("深度学习的理论", "Shen-Du-Xue-Xi-De-Li-Lun"),
        ("Глубокое обучение", "Glubokoe-obuchenie"),
        ("Ελληνικά θέματα", "Ellinika-themata"),
        ("למידה עמוקה", "lmydh-mvkh"),
        ("日本語のテキスト", "Ri-Ben-Yu-no-te-ki-su-to"),
        ("€€€", "publication"),
    ],
)
def test_titles_in_every_script_name_their_page(title: str, slug: str):
    assert title_slug(title) == slug


@given(st.text(min_size=1, max_size=400))
def test_names_fit_a_disk_and_stay_apart(name: str):
    short = short_name(name)
    assert len(short.encode()) <= MAX_NAME_BYTES
    if len(name.encode()) > MAX_NAME_BYTES:
        assert short != short_name(name + "x")


def test_names_differing_only_in_case_are_two_pages():
    taken: set[str] = set()
    assert [unique_name(n, taken) for n in ("Deep-Nets", "deep-nets", "DEEP-NETS")] == [
        "Deep-Nets",
        "deep-nets-2",
        "DEEP-NETS-3",
    ]
    with pytest.raises(ValueError, match="differ only in case"):
        write_folder(Path("/nonexistent"), {"A.md": "", "a.md": ""}, "test")


def test_a_killed_exports_temporary_files_go_with_the_next_run(tmp_path: Path):
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = int(gone.stdout)
    bundle = tmp_path / "content" / "publication" / "some-paper"
    bundle.mkdir(parents=True)
    leftover = bundle / f".index.md.{dead}.abcd1234.tmp"
    alive = bundle / f".index.md.{os.getpid()}.abcd1234.tmp"  # a run still going
    leftover.write_text("half")
    alive.write_text("half")
    mine = bundle / "featured.jpg"
    mine.write_bytes(b"jpg")
    write_folder(tmp_path / "content" / "publication", {"other/index.md": "x"}, "test")
    assert not leftover.exists() and alive.exists() and mine.exists()
