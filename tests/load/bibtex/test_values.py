"""Raw field values evaluated (load/bibtex/values.py): concatenation, @strings, months, an
expansion bomb stopped at its line, an escaped brace named."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.load.bibtex.file import parse_bibtex
from cvgen.load.bibtex.values import (
    BadValue,
    ExpansionBudget,
    UndefinedMacro,
    collect_strings,
    escaped_brace_warning,
    evaluate,
    missing_comma,
)
from tests.support.bib import one_entry


def test_escaped_brace_is_named_not_an_undefined_macro() -> None:
    for doi in (r"{10.1000/x\}#frag}", r"{10.1000/x\} and more}"):
        _, problems = one_entry(
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


def test_quoted_braced_numbers_strings_and_months_concatenate() -> None:
    strings = {"jml": "J. Mach. Learn."}
    assert evaluate('jml # " Res." # { 3}', strings) == "J. Mach. Learn. Res. 3"
    assert (
        evaluate("2019", {}) == "2019"
        and evaluate("aug", {}) == "8"
        and evaluate("August", {}) == "8"
    )
    assert evaluate('{a # b} # "c # d"', {}) == "a # bc # d"  # '#' inside a part is text


def test_an_undefined_macro_and_an_unreadable_value_are_named() -> None:
    with pytest.raises(UndefinedMacro, match="undefined @string macro 'jmlr'") as raised:
        evaluate("jmlr", {})
    assert raised.value.name == "jmlr"
    with pytest.raises(BadValue, match="check for an unbalanced brace or quote"):
        evaluate('{unbalanced # "x', {})


def test_the_budget_stops_an_expansion_far_beyond_the_file() -> None:
    budget = ExpansionBudget(file_size=10)
    budget.spend(budget.limit)
    with pytest.raises(BadValue, match="is a macro defined by doubling another"):
        budget.spend(1)


def test_strings_build_on_earlier_ones_and_a_bomb_is_one_error() -> None:
    raw = [("a", '"x"', 1), ("b", 'a # "y"', 2), ("c", "nope", 3), ("d", "c # c", 4)]
    strings, bad = collect_strings(raw, ExpansionBudget(100))
    assert strings == {"a": "x", "b": "xy"}
    assert bad == [(3, "c", "@string c uses undefined macro 'nope'"), (4, "d", None)]


def test_a_swallowed_field_and_an_escaped_brace_are_found() -> None:
    assert missing_comma("{377--407}\n  year = {2017}") == ("{377--407}", 13, "year", " {2017}")
    assert missing_comma("{a = b}") is None and missing_comma("{plain}") is None
    assert escaped_brace_warning(r"{10.1000/x\}#frag}") is not None
    assert escaped_brace_warning(r"{\{balanced\}}") is None and escaped_brace_warning("{x}") is None
