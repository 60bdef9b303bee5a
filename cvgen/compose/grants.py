"""The funding section: a table per kind (competitive, industry, internal), newest first, with
totals.

Amounts in different currencies are never added up: each currency gets its own total line. A
grant's own share counts instead of a consortium's whole amount; a declined grant is printed
as declined and counts nowhere.
"""

from __future__ import annotations

from cvgen.compose.amounts import amount_text, totals_by_currency
from cvgen.compose.career import details, joined, period, text_sentence
from cvgen.compose.context import Context
from cvgen.compose.order import grouped_by
from cvgen.document import Entry, Group, Span, Total
from cvgen.model import CV, Grant
from cvgen.model.values import standard_role

KINDS = ("competitive", "industrial", "internal")


def role_text(ctx: Context, grant: Grant) -> str:
    """A role written as one of the kinds in the CV's words; a free-text one as written."""
    kind = standard_role(grant.role)
    return ctx.words(f"grant_roles.{kind}") if kind else grant.role


def grant_entry(ctx: Context, grant: Grant) -> Entry:
    words = ctx.words
    number = grant.number and words.fmt("grant_number", number=grant.number)
    amount = amount_text(words, grant)
    return Entry(
        [Span(grant.title)],
        joined(grant.funder, grant.program, number or None),
        period(ctx, grant),
        details(
            [Span(words("grant_declined"))] if grant.declined else [], text_sentence(grant.note)
        ),
        cells=[[Span(role_text(ctx, grant))], [Span(amount)] if amount else []],
        tags=list(grant.tags),
    )


def grants(cv: CV, ctx: Context) -> list[Group]:
    words = ctx.words
    columns = [words(f"grant_columns.{name}") for name in ("title", "role", "amount", "period")]
    groups = []
    for kind, members in grouped_by(ctx.in_order(cv.data.grants), lambda g: g.kind, KINDS):
        sums = totals_by_currency(members)
        codes = not words.all_symbols(currency for currency, _ in sums)
        totals = [
            Total(words("total") if index == 0 else None, words.money(amount, currency, codes))
            for index, (currency, amount) in enumerate(sums)
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
