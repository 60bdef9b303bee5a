"""The funding section: a table per kind (competitive, industry), newest first, with totals.

Amounts in different currencies are never added up: each currency gets its own total line.
"""

from __future__ import annotations

from collections.abc import Iterable

from cvgen.compose.career import details, joined, period, text_sentence
from cvgen.compose.context import Context
from cvgen.compose.document import Entry, Group, Span, Total
from cvgen.compose.order import grouped_by
from cvgen.model import CV, Grant

KINDS = ("competitive", "industrial")


def totals_by_currency(grants: Iterable[Grant]) -> list[tuple[str | None, float]]:
    """(currency, total) of the grants' amounts, in order of first appearance."""
    totals: dict[str | None, float] = {}
    for grant in grants:
        if grant.amount:
            totals[grant.currency] = totals.get(grant.currency, 0) + grant.amount
    return list(totals.items())


def grant_entry(ctx: Context, grant: Grant) -> Entry:
    words = ctx.words
    number = grant.number and words.fmt("grant_number", number=grant.number)
    amount = words.money(grant.amount, grant.currency) if grant.amount else ""
    return Entry(
        [Span(grant.title)],
        joined(grant.funder, grant.program, number or None),
        period(ctx, grant),
        details(text_sentence(grant.note)),
        cells=[[Span(words(f"grant_roles.{grant.role.value}"))], [Span(amount)] if amount else []],
    )


def grants(cv: CV, ctx: Context) -> list[Group]:
    words = ctx.words
    columns = [words(f"grant_columns.{name}") for name in ("title", "role", "amount", "period")]
    groups = []
    for kind, members in grouped_by(ctx.in_order(cv.data.grants), lambda g: g.kind, KINDS):
        totals = [
            Total(words("total") if index == 0 else None, words.money(amount, currency))
            for index, (currency, amount) in enumerate(totals_by_currency(members))
        ]
        groups.append(
            Group(
                words(f"grant_kinds.{kind}"),
                [grant_entry(ctx, grant) for grant in members],
                layout="table",
                id=ctx.ids(f"grants-{kind}"),
                columns=columns,
                totals=totals,
            )
        )
    return groups
