"""Amounts (compose/amounts.py): money per period, in kind, totals per currency, in the locale's
number format."""

from __future__ import annotations

import pytest

from cvgen.compose import Settings, compose
from cvgen.compose.amounts import amount_text, part_texts, totals_by_currency
from cvgen.model import CV, Award, Grant
from cvgen.words import load_words
from tests.support.rendering import WORDS

# The ERC grant of the example (EUR 1,497,500) as each locale writes an amount (CLDR).
AMOUNTS = {
    "en": "€1,497,500",
    "en-US": "€1,497,500",
    "de": "1.497.500\u00a0€",
    "fr": "1\u202f497\u202f500\u00a0€",
    "es": "1.497.500\u00a0€",
    "it": "1.497.500\u00a0€",
    "pt": "€\u00a01.497.500",
    "nl": "€\u00a01.497.500",
    "he": "1,497,500\u00a0€",
}


@pytest.mark.parametrize("code", sorted(AMOUNTS))
def test_amounts_are_in_the_locale_number_format(code: str, example_cv: CV) -> None:
    document = compose(example_cv, Settings(words=load_words(code)))
    grants = next(s for s in document.sections if s.name == "grants")
    cells = [e.cells[-1][0].text for e in grants.all_entries() if e.cells[-1]]
    assert AMOUNTS[code] in cells
    totals = [total.amount for group in grants.groups for total in group.totals]
    assert AMOUNTS[code] in totals


def test_an_amount_lists_money_per_period_then_contributions_in_kind() -> None:
    award = Award(name="P", amount=10000, currency="EUR", per="year",
                  amounts=[{"in_kind": "20,000 GPU hours"}])  # fmt: skip
    assert amount_text(WORDS, award) == "€10,000 per year + 20,000 GPU hours in kind"
    assert part_texts(WORDS, award.amount_parts[1]) == ["20,000 GPU hours in kind"]
    assert amount_text(WORDS, Award(name="Medal")) == ""


def test_totals_add_only_sums_given_once_per_currency_in_order_of_appearance() -> None:
    grants = [
        Grant(title="a", funder="f", role="PI", amount=5, currency="EUR"),
        Grant(title="b", funder="f", role="PI", amount=7, currency="USD"),
        Grant(title="c", funder="f", role="PI", amount=1, currency="EUR", per="year"),
        Grant(title="d", funder="f", role="PI", amount=2, currency="EUR"),
    ]
    assert totals_by_currency(grants) == [("EUR", 7.0), ("USD", 7.0)]
