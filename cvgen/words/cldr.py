"""CLDR's data through Babel, for the words tables: month names, dates, numbers, amounts and
language names in a locale's own forms, its digits (Persian ۰-۹) and its direction. Typed
tables of months would be wrong in some corner of every language."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import Any


@cache
def babel_locale(code: str) -> Any:
    """The Babel Locale of a CLDR code ('de', 'pt_PT', 'en-US'); ValueError if unknown."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueError(f"no CLDR locale {code!r} (Babel knows e.g. de, fr, pt_PT, he)") from None


@lru_cache(maxsize=4096)
def month_year(code: str, year: int, month: int, short: bool) -> str:
    from babel.dates import format_skeleton

    skeleton = "yMMM" if short else "yMMMM"
    return format_skeleton(skeleton, dt.date(year, month, 1), locale=babel_locale(code))


def _system(code: str, numbering: str) -> str:
    """The numbering system whose separators Babel applies ('arabext': ٬ and ٫), else latn."""
    locale = babel_locale(code)
    system = locale.default_numbering_system if numbering == "default" else numbering
    return system if system in locale.number_symbols else "latn"


@lru_cache(maxsize=4096)
def number_text(code: str, value: float, numbering: str = "default") -> str:
    from babel.numbers import format_decimal

    locale = babel_locale(code)
    system = _system(code, numbering)
    if value == int(value):
        return unmarked(format_decimal(int(value), locale=locale, numbering_system=system))
    pattern = re.sub(r"\.[#0]+", ".00", locale.decimal_formats[None].pattern)
    return unmarked(format_decimal(value, format=pattern, locale=locale, numbering_system=system))


def _spaced(pattern: str, currency: str) -> str:
    """CLDR's currency spacing, which Babel leaves out: 'CHF 12,000', not 'CHF12,000'."""
    if currency[-1:].isalpha():
        pattern = re.sub(r"¤+(?=[#0])", lambda m: m.group(0) + "\u00a0", pattern)
    if currency[:1].isalpha():
        pattern = re.sub(r"(?<=[#0])¤", "\u00a0¤", pattern)
    return pattern


@lru_cache(maxsize=4096)
def money_text(code: str, amount: float, currency: str, symbol: bool, numbering: str) -> str:
    from babel.numbers import format_currency, get_currency_symbol

    locale = babel_locale(code)
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    if amount == int(amount):
        pattern = re.sub(r"\.0+", "", pattern)
    shown = get_currency_symbol(currency, locale) if symbol else currency
    pattern = _spaced(pattern if symbol else pattern.replace("¤", "¤¤"), shown)
    system = _system(code, numbering)
    text = format_currency(
        amount, currency, format=pattern, locale=locale, currency_digits=False,
        numbering_system=system,
    )  # fmt: skip
    return unmarked(text)


@cache
def language_name(name: str, code: str) -> str:
    """'German' or 'de' as the locale `code` names the language ('Deutsch' in German); the
    name as written when CLDR does not know it."""
    english = babel_locale("en").languages
    key = name.strip().casefold()
    known = (
        key
        if key in english
        else next(
            (language for language, shown in english.items() if shown.casefold() == key), None
        )
    )
    return babel_locale(code).languages.get(known, name) if known else name


# The month inside a long date, as the locale's own pattern writes it: a name in the form a
# day's date takes ("5 октября", "5 października"; stand-alone "октябрь" only without a day),
# or a number and its unit where the pattern has one ("6月" in Chinese and Japanese, where the
# wide name would be "六月").
_MONTH_FIELD = re.compile(r"([ML]+)([^\sdyGEMLa'.,]*)")


@lru_cache(maxsize=1024)
def long_month(code: str, month: int, with_day: bool) -> str:
    from babel.dates import get_month_names

    locale = babel_locale(code)
    skeleton = "yMMMMd" if with_day else "yMMMM"
    pattern = locale.datetime_skeletons[skeleton].pattern
    found = _MONTH_FIELD.search(pattern)
    field, unit = found.groups() if found else ("MMMM", "")
    if len(field) < 3:
        return f"{month}{unit}"
    context = "format" if field[0] == "M" else "stand-alone"
    width = "wide" if len(field) == 4 else "abbreviated"
    return get_month_names(width, context, locale)[month]


# The zero of CLDR's decimal numbering systems (numberingSystems.xml), which Babel names but
# does not apply to digits.
NUMBERING_ZEROS = {
    "latn": 0x30, "arab": 0x660, "arabext": 0x6F0, "deva": 0x966, "beng": 0x9E6,
    "guru": 0xA66, "gujr": 0xAE6, "orya": 0xB66, "tamldec": 0xBE6, "telu": 0xC66,
    "knda": 0xCE6, "mlym": 0xD66, "thai": 0xE50, "laoo": 0xED0, "tibt": 0xF20,
    "mymr": 0x1040, "khmr": 0x17E0, "fullwide": 0xFF10,
}  # fmt: skip


@cache
def digit_table(code: str, numbering: str) -> dict[int, str]:
    """ASCII digits to the numbering system's ('۰۱۲' in Persian); empty for Latin digits."""
    system = babel_locale(code).default_numbering_system if numbering == "default" else numbering
    zero = NUMBERING_ZEROS.get(system, 0x30)
    return {} if zero == 0x30 else {0x30 + d: chr(zero + d) for d in range(10)}


@cache
def text_direction(language: str) -> str:
    """'rtl' or 'ltr': the direction CLDR gives a language ('he', 'fa', 'ar-EG'); ltr when
    CLDR does not know it."""
    try:
        return str(babel_locale(language).text_direction)
    except ValueError:
        return "ltr"


def unmarked(text: str) -> str:
    """Without CLDR's bidi marks (Hebrew puts U+200F around amounts): a writer isolates each
    run of a right-to-left CV itself, and the marks would reorder an amount inside English."""
    return text.replace("\u200f", "").replace("\u200e", "")
