"""The one-screen summary `cvgen check` prints (build/summary.py)."""

from __future__ import annotations

from cvgen.build.summary import summarize
from cvgen.model import CV


def test_the_summary_counts_each_section_each_kind_and_the_marks(small_cv: CV) -> None:
    lines = summarize(small_cv).splitlines()
    assert lines[0] == "Jonas Åberg — Professor of Physics & Data"
    assert "  grants                 2" in lines and "  press                  1" in lines
    assert "Publications  5 (2009–2024)" in lines
    assert "  journal                1" in lines and "  patent                 1" in lines
    assert "  by you (name matched)       5" in lines
    assert "  with a student              3" in lines
    assert lines[-1] == "  tags: erc (1), selected (1)"


def test_an_emptied_section_counts_zero(small_cv: CV) -> None:
    data = small_cv.data.model_copy(update={"press": []})
    lines = summarize(small_cv.model_copy(update={"data": data})).splitlines()
    assert "  press                  0" in lines and "  talks                  1" in lines
