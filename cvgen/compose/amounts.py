"""How much an award or grant brought: money, per year or in kind, in one or several parts.

'£20,000 per year + 20,000 GPU credits in kind'. Totals add only sums of money given once:
a per-year amount times an uncertain number of years, or a contribution in kind, is no sum
one could add to others.
"""

from __future__ import annotations

from collections.abc import Iterable

from cvgen.model import Amount, Funded
from cvgen.words import Words


def part_texts(words: Words, part: Amount) -> list[str]:
    """['€10,000'], ['$40,000 per year'], ['20,000 GPU credits in kind'], or money and kind."""
    texts = []
    if part.amount is not None:
        money = words.money(part.amount, part.currency)
        texts.append(words.fmt(f"amount_per.{part.per}", amount=money) if part.per else money)
    if part.in_kind:
        texts.append(words.fmt("in_kind", what=part.in_kind))
    return texts


def amount_text(words: Words, item: Funded) -> str:
    """Every part of the item's amount, joined ('' when it names none); a grant's own share of
    a project's amount after it: '€2,500,000 (own share €400,000)'."""
    texts = [text for part in item.amount_parts for text in part_texts(words, part)]
    share = getattr(item, "share", None)
    if share is not None and texts:
        own = words.money(share, item.currency)
        texts[0] = words.fmt("own_share", amount=texts[0], share=own)
    return words("amount_plus").join(texts)


def counted_parts(item: Funded) -> list[Amount]:
    """The parts a total adds: none of a declined grant, the own share instead of a project's
    whole amount."""
    if getattr(item, "declined", False):
        return []
    parts = item.amount_parts
    share = getattr(item, "share", None)
    if share is not None and parts:
        parts = [parts[0].model_copy(update={"amount": share}), *parts[1:]]
    return parts


def totals_by_currency(items: Iterable[Funded]) -> list[tuple[str | None, float]]:
    """(currency, total) of the sums given once, in order of first appearance."""
    totals: dict[str | None, float] = {}
    for item in items:
        for part in counted_parts(item):
            if part.amount and part.per is None:
                totals[part.currency] = totals.get(part.currency, 0) + part.amount
    return list(totals.items())
