"""Publication status from the ways people write it (load/bibtex/status.py), said in the CV's
language."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.load.bibtex.status import pubstate, stated_alone, status_in, venue_without_status
from cvgen.load.cv import load
from cvgen.load.sources import Sources
from cvgen.words import load_words
from tests.support.bib import one_entry
from tests.support.rendering import reference


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
    pub, problems = one_entry(f"@article{{a, author = {{A B}}, title = {{T}}, {fields}}}")
    assert (pub.status, pub.undated) == (status, undated)
    assert not [p for p in problems if p.is_error]
    assert status.lower() in reference(pub).lower()
    assert pub.venue in ("J", "Nature", None)


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


def test_a_note_that_only_states_the_status_is_said_in_the_cvs_language() -> None:
    # A new user's `note = {accepted}` printed "Accepted." in a German CV, and
    # `journal = {in prep.}` printed "in prep.. In Vorbereitung."
    german = load_words("de")
    accepted, _ = one_entry(
        "@article{a, author = {Sólymos, P.}, title = {T}, year = 2024,"
        " journal = {Zeitgeschichte}, note = {accepted}}"
    )
    assert (accepted.note, accepted.status) == (None, "accepted")
    assert reference(accepted, german).endswith("Zeitgeschichte, 2024. Angenommen.")
    preparing, _ = one_entry(
        "@article{a, author = {Sólymos, P.}, title = {T}, journal = {in prep.}, year = 2025}"
    )
    assert reference(preparing, german) == "P.\u00a0Sólymos. T. 2025. In Vorbereitung."
    dated, _ = one_entry(
        "@article{a, author = {Sólymos, P.}, title = {T}, journal = {J},"
        " year = 2024,"
        " note = {Accepted, August 20, 2024}}"
    )
    assert dated.note == "Accepted, August 20, 2024"  # more than the status: kept as written


def test_a_status_in_the_volume_or_as_the_journal_is_a_status() -> None:
    # seananderson.ca's cv/refs.bib: `journal = {In review}, volume = {In review}` printed
    # "In review, vol. In review, 2017. Under review."; `volume = {In press}` gave no status.
    reviewed, _ = one_entry(
        "@article{a, author = {Sólymos, P.}, title = {T},"
        " journal = {In review},"
        " volume = {In review}, year = 2017}"
    )
    assert reference(reviewed) == "P.\u00a0Sólymos. T. 2017. Under review."
    pressed, _ = one_entry(
        "@article{a, author = {Sólymos, P.}, title = {T}, journal = {Ecology},"
        " volume = {In press}, year = 2018}"
    )
    assert (pressed.volume, pressed.status) == (None, "in press")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("In press", "in press"),
        ("to appear", "accepted"),
        ("Major revision", "under review"),
        ("revise and resubmit", "under review"),
        ("Submitted, July 28, 2025", "submitted"),
        ("in prep.", "in preparation"),
        ("Proceedings of Press Freedom", None),
        (None, None),
    ],
)
def test_the_status_a_free_text_states(text: str | None, status: str | None) -> None:
    assert status_in(text) == status


def test_biblatex_pubstate_keys_and_words() -> None:
    assert [pubstate(v) for v in ("inpress", "forthcoming", "in-review", "Under review")] == [
        "in press",
        "accepted",
        "under review",
        "under review",
    ]
    assert pubstate("published") is None and pubstate(None) is None


def test_a_venue_loses_its_status_and_a_status_alone_is_no_venue() -> None:
    assert venue_without_status("Nature (under review)") == "Nature"
    assert venue_without_status("Submitted to PNAS") == "PNAS"
    assert venue_without_status("Ecology, in press") == "Ecology"
    assert venue_without_status("Submitted") is None
    assert venue_without_status("Journal of Press Studies") == "Journal of Press Studies"


def test_a_status_stated_alone_is_the_whole_text() -> None:
    assert stated_alone("accepted") == "accepted" and stated_alone("In press.") == "in press"
    assert stated_alone("Accepted, August 20, 2024") is None
    assert stated_alone("Zeitgeschichte") is None
