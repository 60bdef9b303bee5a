"""The words table: every phrase of CV content, looked up by key, in the CV's language.

One YAML file per language (en.yaml is the reference; a language's file needs only what it
changes, the rest falls back to en.yaml); a phrase is a template whose {placeholders} cvgen
fills, so a language may put the parts in its own order. Formatting into Spans keeps a
placeholder's style (a thesis title in italics) wherever a language places it. Month names,
dates, numbers and amounts come from the CLDR data of the table's `locale`, through Babel
(cldr.py): typed tables of months would be wrong in some corner of every language.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from cvgen.document import Span, merged
from cvgen.files.reading import MAX_WORDS, read_bytes
from cvgen.util.dates import Date
from cvgen.util.tables import merged_tables
from cvgen.util.yaml_lines import Yaml12Loader
from cvgen.words.cldr import NUMBERING_ZEROS as NUMBERING_ZEROS
from cvgen.words.cldr import babel_locale as babel_locale
from cvgen.words.cldr import (
    digit_table,
    language_name,
    long_month,
    money_text,
    month_year,
    number_text,
)
from cvgen.words.cldr import text_direction as text_direction

WORDS_DIR = Path(__file__).resolve().parent
BASE = "en"
# Keys that configure a table rather than hold a phrase.
SETTINGS_KEYS = ("language", "direction", "locale", "currency_symbols", "numbering")
_FORMATTER = string.Formatter()


def _leaves(table: Any, transform: Callable[[str], str]) -> Any:
    if isinstance(table, dict):
        return {key: _leaves(value, transform) for key, value in table.items()}
    if isinstance(table, list):
        return [_leaves(value, transform) for value in table]
    return transform(table) if isinstance(table, str) else table


def flat(table: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """('sections.grants', 'Research Funding'), ... for every leaf of the table."""
    pairs = []
    for key, value in table.items():
        if isinstance(value, dict):
            pairs += flat(value, f"{prefix}{key}.")
        else:
            pairs.append((f"{prefix}{key}", value))
    return pairs


def placeholders(phrase: str) -> set[str]:
    return {name for _, name, _, _ in _FORMATTER.parse(phrase) if name is not None}


def plain_fields(phrase: str) -> str | None:
    """Why a phrase's placeholders are more than {name}s, or None: a words file is data, and
    `{degree:>50000000}` (a format spec) would make a 50 MB page, `{name.__class__}` reach into
    Python; only plain names are filled (ValueError for a { without its })."""
    for _, name, spec, conversion in _FORMATTER.parse(phrase):
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            return (
                f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}} "
                "is more than a placeholder: write only {name}, without a format (:…), a "
                "conversion (!…), an attribute (.…) or an index ([…])"
            )
    return None


def fill(phrase: str, values: dict[str, str]) -> str:
    """The phrase with each {name} replaced by its value, and nothing else done: no format
    spec, conversion, attribute or index is ever applied (see plain_fields)."""
    parts = []
    for literal, name, _, _ in _FORMATTER.parse(phrase):
        parts.append(literal)
        if name is not None:
            parts.append(values[name])
    return "".join(parts)


# --- the locale library: words/cldr.py -------------------------------------------------------


def _in_form(phrase: str, form: str) -> str:
    """The part of 'one=...|two=...|other=...' for a CLDR plural or ordinal form (a part
    without a form is `other`)."""
    forms = {}
    for part in phrase.split("|"):
        name, given, template = part.partition("=")
        forms[name.strip() if given else "other"] = template if given else part
    return forms.get(form) or forms.get("other") or "{n}"


class Words:
    """A loaded words table; `words("sections.grants")` is one phrase."""

    def __init__(self, table: dict[str, Any], dress: Callable[[str], str] | None = None) -> None:
        self.table = table
        self._phrases = {key: value for key, value in flat(table) if isinstance(value, str)}
        self._dress = dress  # also applied to what the locale library words (see transformed)

    @property
    def language(self) -> str:
        return str(self.table.get("language", "en"))

    @property
    def direction(self) -> str:
        return str(self.table.get("direction", "ltr"))

    @property
    def locale(self) -> str:
        """The CLDR locale of months and numbers: the table's `locale`, else its language."""
        return str(self.table.get("locale") or self.language)

    @property
    def numbering(self) -> str:
        """The digits dates and numbers are written in: the table's `numbering` (a CLDR
        numbering system, `latn` for 0-9), else the locale's default (Persian: ۰-۹)."""
        return str(self.table.get("numbering") or "default")

    def digits(self, text: str) -> str:
        """`text` with its digits in the table's numbering system."""
        table = digit_table(self.locale, self.numbering)
        return text.translate(table) if table else text

    @property
    def symbols(self) -> frozenset[str]:
        """The currencies written with a symbol (the locale's, 'US$' or '$US'), not a code."""
        return frozenset(self.table.get("currency_symbols") or ())

    def __call__(self, key: str) -> str:
        return self._phrases[key]

    def get(self, key: str, default: str | None = None) -> str | None:
        """The phrase, or `default` when the table has none (a link label of the user's own)."""
        return self._phrases.get(key, default)

    def group(self, key: str) -> dict[str, str]:
        """A whole sub-table, e.g. the headings of every talk kind."""
        return dict(self.table[key])

    def fmt(self, key: str, **values: object) -> str:
        return fill(self(key), {name: str(value) for name, value in values.items()})

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
        from babel.dates import get_month_names

        width = "abbreviated" if short else "wide"
        name = get_month_names(width, "stand-alone", babel_locale(self.locale))[month]
        return self._dress(name) if self._dress else name

    def ordinal(self, number: int) -> str:
        """'2nd', '2.', '2e': the table's `ordinal` templates by CLDR ordinal form
        ('one={n}st|two={n}nd|few={n}rd|other={n}th'; a part without a form is `other`)."""
        form = babel_locale(self.locale).ordinal_form(number)
        return _in_form(self("ordinal"), form).replace("{n}", self.digits(str(number)))

    def counted(self, key: str, number: int) -> str:
        """'1 PhD student', '40 PhD students': the phrase of `key` in the CLDR plural form of
        the number ('one={n} PhD student|other={n} PhD students'), the number in the locale's
        digits."""
        form = babel_locale(self.locale).plural_form(number)
        return _in_form(self(key), form).replace("{n}", self.number(number))

    def listed(self, items: list[str]) -> str:
        """'A', 'A and B', 'A, B and C' with the table's `and` and `list_and`."""
        if len(items) < 2:
            return "".join(items)
        if len(items) == 2:
            return self.fmt("and", first=items[0], second=items[1])
        return self.fmt("list_and", others=", ".join(items[:-1]), last=items[-1])

    def language_name(self, name: str) -> str:
        """A language the user named ('German', 'de') in the CV's language ('Deutsch')."""
        shown = language_name(name, self.locale)
        return self._dress(shown) if self._dress and shown != name else shown

    def date(self, date: Date, with_month: bool = True, short: bool = True) -> str:
        """'Jun 2019', 'Juni 2019', '2019' or 'present', in the locale's pattern."""
        if date.present:
            return self("present")
        if with_month and date.month:
            worded = self.digits(month_year(self.locale, date.year, date.month, short))
            return self._dress(worded) if self._dress else worded
        return self.digits(str(date.year))

    def written(self, date: Date, forms: str = "written_dates") -> str:
        """A date at the precision it was given: '2018', '10/2018', '15/10/2018' (or, with
        forms='long_dates', '15 October 2018', its month in the form the locale writes it
        there: '15 октября 1985 г.', '1985年10月15日'), in the table's order; 'present' stays."""
        if date.present:
            return self("present")
        precision = "day" if date.day else "month" if date.month else "year"
        values: dict[str, object] = {"year": date.year}
        if date.month:
            name = (
                self._dressed(long_month(self.locale, date.month, bool(date.day)))
                if forms == "long_dates"
                else self.month(date.month, short=False)
            )
            values |= {"mm": f"{date.month:02d}", "month": name}
        if date.day:
            values |= {"dd": f"{date.day:02d}", "day": date.day}
        return self.digits(self.fmt(f"{forms}.{precision}", **values))

    def _dressed(self, text: str) -> str:
        return self._dress(text) if self._dress else text

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
        return first if first == last else self.fmt("period", start=first, end=last)

    def number(self, value: float) -> str:
        """'1,497,500' or '12,000.50' in the locale's digits and separators."""
        return self.digits(number_text(self.locale, float(value), self.numbering))

    def money(self, amount: float | None, currency: str | None, codes: bool = False) -> str:
        """'£298,400', '1.497.500 €', 'CHF 12,000.50'; '' without an amount. `codes`: the ISO
        code even where the language has a symbol ('USD 240,000'), to match others."""
        if amount is None:
            return ""
        if not currency:
            return self.number(amount)
        symbol = currency in self.symbols and not codes
        return self.digits(money_text(self.locale, float(amount), currency, symbol, self.numbering))

    def all_symbols(self, currencies: Iterable[str | None]) -> bool:
        """Whether every currency of a list is shown by its symbol (else all by their code:
        'ILS 2,150,000 / USD 240,000', never 'ILS 2,150,000 / $240,000')."""
        return all(currency in self.symbols for currency in currencies if currency)

    def with_phrases(self, phrases: dict[str, str]) -> Words:
        """The table with some phrases replaced, by dotted key (a user's own headings)."""
        table = self.table
        for key, phrase in phrases.items():
            *path, last = key.split(".")
            over: dict[str, Any] = {last: phrase}
            for part in reversed(path):
                over = {part: over}
            table = merged_tables(table, over)
        return Words(table, self._dress)

    # --- variants --------------------------------------------------------------------------

    def transformed(self, transform: Callable[[str], str]) -> Words:
        """Every phrase passed through `transform`, placeholders kept, and the month names the
        locale library gives too (pseudo-locale tests)."""

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
        for key in SETTINGS_KEYS:
            if key in self.table:
                table[key] = self.table[key]
        return Words(table, transform)


def shipped_languages() -> list[str]:
    """The languages cvgen ships a words file for: en, en-US, de, ..."""
    return sorted(path.stem for path in WORDS_DIR.glob("*.yaml"))


def language_listing(extra: dict[str, Path] | None = None) -> list[tuple[str, str, str, str]]:
    """(code, name in itself, name in English, direction) of each shipped language, and of
    the user's words files (`extra`: code -> file), for `cvgen locales`."""
    rows = []
    files = {code: WORDS_DIR / f"{code}.yaml" for code in shipped_languages()} | (extra or {})
    for code in sorted(files):
        table = load_words(code, [files[code]] if extra and code in extra else [])
        try:
            locale = babel_locale(table.locale)
            own, english = locale.get_display_name(locale), locale.get_display_name("en")
        except ValueError:
            own = english = table.language
        rows.append((code, own or code, english or code, table.direction))
    return rows


def read_table(path: Path) -> dict[str, Any]:
    """A words table: a shipped one, or a user's once words/check.py passed it (a regular file
    of bounded size: a named pipe would never end)."""
    text = read_bytes(path, MAX_WORDS).decode("utf-8-sig")
    table = yaml.load(text, Loader=Yaml12Loader)  # as cv.yaml: NO stays \"NO\"
    return table if isinstance(table, dict) else {}


def _stamp(path: Path) -> int:
    return path.stat().st_mtime_ns


def load_words(language: str = BASE, files: Iterable[Path] = ()) -> Words:
    """A language's words: en.yaml, under the shipped file of `language` (if any), under
    each of `files` (a user's words files, checked beforehand: see words/check.py)."""
    extra = tuple((Path(f), _stamp(Path(f))) for f in files)
    return _load_words(language, extra)


def _laid_over(table: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` on `table`; a table naming its language without a locale takes that language's
    CLDR data, not the locale of the table under it."""
    if "language" in over and "locale" not in over:
        table = {key: value for key, value in table.items() if key != "locale"}
    return merged_tables(table, over)


@cache
def _load_words(language: str, files: tuple[tuple[Path, int], ...]) -> Words:
    table = read_table(WORDS_DIR / f"{BASE}.yaml")
    own = WORDS_DIR / f"{language}.yaml"
    if language != BASE and own.is_file():
        table = _laid_over(table, read_table(own))
    for path, _ in files:
        table = _laid_over(table, read_table(path))
    return Words(table)
