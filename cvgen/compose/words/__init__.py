"""The words table: every phrase of CV content, looked up by key, in the CV's language.

One YAML file per language (en.yaml is the reference); a phrase is a template whose
{placeholders} cvgen fills, so a language may put the parts in its own order. Formatting
into Spans keeps a placeholder's style (a thesis title in italics) wherever a language
places it.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from cvgen.compose.document import Span, merged
from cvgen.dates import Date

WORDS_DIR = Path(__file__).resolve().parent
CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}
_FORMATTER = string.Formatter()


def _leaves(table: Any, transform: Callable[[str], str]) -> Any:
    if isinstance(table, dict):
        return {key: _leaves(value, transform) for key, value in table.items()}
    if isinstance(table, list):
        return [_leaves(value, transform) for value in table]
    return transform(table) if isinstance(table, str) else table


def _flat(table: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """('sections.grants', 'Research Funding'), ... for every phrase of the table."""
    pairs = []
    for key, value in table.items():
        if isinstance(value, dict):
            pairs += _flat(value, f"{prefix}{key}.")
        elif isinstance(value, str):
            pairs.append((f"{prefix}{key}", value))
    return pairs


class Words:
    """A loaded words table; `words("sections.grants")` is one phrase."""

    def __init__(self, table: dict[str, Any]) -> None:
        self.table = table
        self._phrases = dict(_flat(table))

    @property
    def language(self) -> str:
        return str(self.table.get("language", "en"))

    @property
    def direction(self) -> str:
        return str(self.table.get("direction", "ltr"))

    def __call__(self, key: str) -> str:
        return self._phrases[key]

    def get(self, key: str, default: str | None = None) -> str | None:
        """The phrase, or `default` when the table has none (a link label of the user's own)."""
        return self._phrases.get(key, default)

    def group(self, key: str) -> dict[str, str]:
        """A whole sub-table, e.g. the headings of every talk kind."""
        return dict(self.table[key])

    def fmt(self, key: str, **values: object) -> str:
        return self(key).format(**{name: str(value) for name, value in values.items()})

    def spans(self, key: str, **values: str | Span | list[Span]) -> list[Span]:
        """The phrase as Spans: literal text plain, each placeholder as given (styled)."""
        out: list[Span] = []
        for literal, name, _, _ in _FORMATTER.parse(self(key)):
            if literal:
                out.append(Span(literal))
            if name is None:
                continue
            value = values[name]
            if isinstance(value, str):
                out.append(Span(value))
            elif isinstance(value, Span):
                out.append(value)
            else:
                out.extend(value)
        return merged(out)

    # --- dates and numbers -----------------------------------------------------------------

    def month(self, month: int, short: bool = True) -> str:
        return self.table["months_short" if short else "months"][month - 1]

    def date(self, date: Date, with_month: bool = True, short: bool = True) -> str:
        """'Jun 2019', '2019' or 'present'."""
        if date.present:
            return self("present")
        if with_month and date.month:
            return f"{self.month(date.month, short)} {date.year}"
        return str(date.year)

    def written(self, date: Date, forms: str = "written_dates") -> str:
        """A date at the precision it was given: '2018', '10/2018', '15/10/2018' (or, with
        forms='long_dates', '15 October 2018'), in the table's order; 'present' stays."""
        if date.present:
            return self("present")
        precision = "day" if date.day else "month" if date.month else "year"
        values = {"year": date.year}
        if date.month:
            values |= {"mm": f"{date.month:02d}", "month": self.month(date.month, short=False)}
        if date.day:
            values |= {"dd": f"{date.day:02d}", "day": date.day}
        return self.fmt(f"{forms}.{precision}", **values)

    def period(
        self,
        start: Date | None,
        end: Date | None,
        with_month: bool = False,
        as_written: bool = False,
    ) -> str:
        """'2015 – 2019', '2019 – present', '2019' (same year or no end), '' (no dates);
        `as_written` keeps each date's own precision: '10/2018 – 09/2022'."""
        if start is None and end is None:
            return ""

        def word(date: Date) -> str:
            return self.written(date) if as_written else self.date(date, with_month)

        if start is None:
            return word(end)  # type: ignore[arg-type]
        first = word(start)
        last = word(end) if end is not None else first
        return first if first == last else f"{first} – {last}"

    def number(self, value: float) -> str:
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"

    def money(self, amount: float | None, currency: str | None) -> str:
        """'£298,400', '€1,497,500', 'CHF 12,000.50'; '' without an amount."""
        if amount is None:
            return ""
        number = self.number(amount)
        if currency in CURRENCY_SYMBOLS:
            return CURRENCY_SYMBOLS[currency] + number
        return f"{currency}\u00a0{number}" if currency else number  # never split

    # --- variants --------------------------------------------------------------------------

    def transformed(self, transform: Callable[[str], str]) -> Words:
        """Every phrase passed through `transform`, placeholders kept (pseudo-locale tests)."""

        def keep_fields(text: str) -> str:
            parts = []
            for literal, name, spec, conversion in _FORMATTER.parse(text):
                parts.append(transform(literal) if literal.strip() else literal)
                if name is not None:
                    parts.append(
                        "{"
                        + name
                        + (f"!{conversion}" if conversion else "")
                        + (f":{spec}" if spec else "")
                        + "}"
                    )
            return "".join(parts)

        table = _leaves(self.table, keep_fields)
        for key in ("language", "direction"):
            table[key] = self.table[key]
        return Words(table)


@cache
def load_words(language: str = "en") -> Words:
    """The shipped words table of a language."""
    with (WORDS_DIR / f"{language}.yaml").open(encoding="utf-8") as handle:
        return Words(yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
