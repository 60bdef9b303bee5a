"""Bounds in the model (util/bounds.py), shared with the writers: what `cvgen check` accepts,
every writer renders; past the bounds, check says where."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cvgen.cli import main
from cvgen.util.bounds import FIRST_YEAR, LAST_YEAR, MAX_AMOUNT, MAX_COUNT, MAX_YEARS, within_years
from cvgen.words import load_words

EXAMPLES = int(os.environ.get("CVGEN_FUZZ_EXAMPLES", "100"))
BAD = Path(__file__).resolve().parents[1] / "data" / "bad"


def project(tmp_path: Path, body: str, metrics: str | None = None) -> Path:
    shutil.copy(BAD / "_valid.bib", tmp_path / "publications.bib")
    (tmp_path / "cv.yaml").write_text("person:\n  name: Ada Example\n" + body, encoding="utf-8")
    if metrics is not None:
        (tmp_path / "metrics.yaml").write_text(metrics, encoding="utf-8")
    return tmp_path / "cv.yaml"


def cvgen(*args: str):
    return CliRunner().invoke(main, [*args, "--no-cache"], catch_exceptions=False)


AT_THE_BOUNDS = f"""publications: {{metrics: {{header: true, per_paper: true}}}}
grants:
  - {{title: Largest, funder: X, role: PI, amount: {MAX_AMOUNT}, currency: EUR,
     start: {FIRST_YEAR}-01-01, end: {LAST_YEAR}-12-31}}
  - {{title: Cents, funder: Y, role: PI, amount: {MAX_AMOUNT - 0.01}, currency: USD, start: 2019,
     amounts: [{{amount: {MAX_AMOUNT}, currency: CHF, per: year}}]}}
awards:
  - {{name: Prize, start: {LAST_YEAR}, amount: 0.01, currency: ILS}}
talks:
  - {{title: Series, event: Tour, kind: invited, count: {MAX_COUNT}, date: {FIRST_YEAR}}}
"""
METRICS = f"""source: OpenAlex
fetched: 2026-12-01
citations: {MAX_COUNT}
h_index: {MAX_COUNT}
i10_index: {MAX_COUNT}
works: {MAX_COUNT}
papers: {{valid2020: {MAX_COUNT}}}
"""


@pytest.mark.parametrize("locale", ["en", "de", "he"])
def test_every_writer_renders_what_check_accepts_at_the_bounds(tmp_path: Path, locale) -> None:
    cv = project(tmp_path, AT_THE_BOUNDS + f"design: {{locale: {locale}}}\n", METRICS)
    assert cvgen("check", "--cv", str(cv)).exit_code == 0
    for command, out in [("html", "x.html"), ("latex", "x.tex"), ("docx", "x.docx"),
                         ("filter", "x.md"), ("bio", "x.txt")]:  # fmt: skip
        result = cvgen(command, "--cv", str(cv), "-o", str(tmp_path / out))
        assert result.exit_code == 0, (command, result.output)
    result = cvgen("export", "document", "--cv", str(cv), "-o", str(tmp_path / "x.json"))
    assert result.exit_code == 0, result.output
    page = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert "1,000,000,000,000,000" in page or "1.000.000.000.000.000" in page


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("grants:\n  - {title: G, funder: X, role: PI, amount: 1.0e+28, currency: EUR}\n",
         "grants[0].amount: must be less than or equal to 1000000000000000"),
        ("grants:\n  - {title: G, funder: X, role: PI, amount: 1.0e+308, currency: EUR}\n",
         "grants[0].amount"),
        ("grants:\n  - {title: G, funder: X, role: PI, amount: .inf, currency: EUR}\n",
         "grants[0].amount"),
        ("awards:\n  - {name: A, amounts: [{amount: 1.0e+20, currency: EUR}]}\n",
         "awards[0].amounts[0].amount"),
        ("awards:\n  - {name: A, start: 0001-01-01}\n", "awards[0].start: year 1 is outside"),
        ("awards:\n  - {name: A, start: 2999-12-31}\n", "year 2999 is outside 1900-2200"),
        ("awards:\n  - {name: A, start: 9999}\n", "year 9999 is outside"),
        ("teaching:\n  - {course: C, enrollment: 10000000000000000000000}\n",
         "teaching[0].enrollment"),
        ("talks:\n  - {title: T, event: E, kind: invited, date: 2020, count: 1.0e+31}\n",
         "talks[0].count"),
        ("variants:\n  old: {since: 1}\n", "variants.old.since"),
    ],
)  # fmt: skip
def test_values_past_the_bounds_are_refused_with_their_place(tmp_path: Path, body, expected):
    cv = project(tmp_path, body)
    result = cvgen("check", "--cv", str(cv))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert expected in result.output


@pytest.mark.parametrize("value", ["1e31", "10000000000000000000000000000000", "-1"])
def test_metrics_past_the_bounds_are_refused(tmp_path: Path, value: str) -> None:
    metrics = METRICS.replace(f"citations: {MAX_COUNT}", f"citations: {value}")
    cv = project(tmp_path, "publications: {metrics: {header: true}}\n", metrics)
    result = cvgen("check", "--cv", str(cv))
    assert result.exit_code == 1 and "metrics.yaml:3: citations:" in result.output
    page = cvgen("html", "--cv", str(cv), "-o", str(tmp_path / "x.html"))  # shown without them
    assert page.exit_code == 0 and "metrics.yaml:3: citations:" in page.output


AMOUNTS = st.floats(min_value=0, max_value=MAX_AMOUNT, allow_nan=False, allow_infinity=False)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    amount=AMOUNTS,
    currency=st.sampled_from(["EUR", "USD", "JPY", "ILS", "CHF", "XAU"]),
    locale=st.sampled_from(["en", "en-US", "de", "fr", "he", "pt", "nl"]),
    count=st.integers(0, MAX_COUNT),
)
def test_the_words_render_every_amount_and_count_the_model_accepts(
    amount, currency, locale, count
) -> None:
    words = load_words(locale)
    assert words.money(amount, currency)
    assert words.number(count)
    assert words.number(amount)


def test_within_years_takes_the_bounds_themselves() -> None:
    assert within_years(FIRST_YEAR) and within_years(LAST_YEAR) and within_years(2024)
    assert not within_years(FIRST_YEAR - 1) and not within_years(LAST_YEAR + 1)
    assert MAX_YEARS == LAST_YEAR - FIRST_YEAR == 300
