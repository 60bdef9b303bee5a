"""Crossref's BibTeX repaired before it is read (remote/crossref.py)."""

from __future__ import annotations

from cvgen.remote.crossref import repaired


def test_crossref_bibtex_is_repaired_before_reading():
    text = (
        " @article{X_2024, title={T}, DOI={10.1101/1}, publisher={CSHL}, year={2024}, month=march }"
    )
    fixed = repaired(text, "10.1101/1")
    assert fixed.startswith("@unpublished{") and "month={march}" in fixed
    assert repaired(text.replace("10.1101", "10.5555"), "10.5555/1").startswith("@misc{")
    journal = " @article{Y, journal={J}, month=jun }"
    assert repaired(journal, "10.5555/2") == journal
