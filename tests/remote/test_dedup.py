"""Duplicate decisions (remote/dedup.py): a preprint listed before its published version, a
published version of a preprint in the file, short titles."""

from __future__ import annotations

from cvgen.load.identity import Identity, Index
from cvgen.remote.dedup import IgnoreList, Verdict, decide
from cvgen.remote.works import Work


def work(title: str, year: int, preprint: bool = False, doi: str | None = None) -> Work:
    return Work(title, year, Identity.of(title, year, [doi], preprint=preprint))


def test_a_preprint_listed_before_its_published_version_is_caught():
    works = [
        work("Sharpness-Aware Minimisation Revisited", 2023, preprint=True),
        work("Sharpness-aware minimisation, revisited", 2024),
    ]
    first, second = decide(works, Index(), IgnoreList([]))
    assert (first.verdict, second.verdict) == (Verdict.PREPRINT, Verdict.NEW)
    again = decide(works, Index(), IgnoreList([]), include_preprints=True)
    assert again[0].verdict is Verdict.NEW and again[0].note.startswith("a preprint of")


def test_a_published_version_of_a_preprint_in_the_file_is_added_with_a_note():
    index = Index()
    index.add(
        work("Label Shift and Distributional Robustness", 2023, preprint=True).identity, "q23"
    )
    (decision,) = decide(
        [work("Label shift and distributional robustness", 2024)], index, IgnoreList([])
    )
    assert decision.verdict is Verdict.NEW
    assert decision.note == "the published version of preprint q23"


def test_short_titles_match_nothing_by_title():
    index = Index()
    index.add(work("Preface", 2022).identity, "preface2022")
    assert decide([work("Preface", 2022)], index, IgnoreList([]))[0].verdict is Verdict.NEW
