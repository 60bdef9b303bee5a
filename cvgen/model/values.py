"""What people write, as the model's values: currency codes, the kind of a grant role, the
category of a service.

A CV is typed by hand: '€' where the model needs 'EUR', 'Sole PI' where it needs one of five
roles. These functions accept what is unambiguous and explain, in plain words, what is not.
"""

from __future__ import annotations

import re

# Symbols and everyday names people type for a currency -> its ISO 4217 code.
CURRENCY_WORDS: dict[str, str] = {
    "€": "EUR", "euro": "EUR", "euros": "EUR",
    "$": "USD", "us$": "USD", "usd$": "USD", "dollar": "USD", "dollars": "USD",
    "£": "GBP", "pound": "GBP", "pounds": "GBP", "stg": "GBP",
    "₪": "ILS", "nis": "ILS", "shekel": "ILS", "shekels": "ILS",
    "¥": "JPY", "yen": "JPY", "円": "JPY",
    "元": "CNY", "rmb": "CNY", "yuan": "CNY",
    "₹": "INR", "rs": "INR", "rupee": "INR", "rupees": "INR",
    "₩": "KRW", "won": "KRW",
    "chf": "CHF", "fr.": "CHF", "sfr": "CHF", "franc": "CHF", "francs": "CHF",
    "r$": "BRL", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD",
    "zł": "PLN", "zl": "PLN", "₺": "TRY", "₽": "RUB", "kč": "CZK", "ft": "HUF",
}  # fmt: skip
_OTHER_DOLLARS = "AUD, CAD, NZD or SGD for other dollars"
_ISO_CODE = re.compile(r"^[A-Z]{3}$")


def currency_code(value: object) -> object:
    """'EUR' stays; '€', 'eur' or 'NIS' are errors that name the code to use. Other
    three-letter codes pass to the model's pattern check."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    code = CURRENCY_WORDS.get(text.casefold()) or (text.upper() if len(text) == 3 else None)
    if code == value:
        return value
    if code and _ISO_CODE.match(code):
        extra = f" ({_OTHER_DOLLARS})" if text == "$" else ""
        raise ValueError(f"use {code} for {text!r}{extra}: currencies are ISO 4217 codes")
    raise ValueError(
        f"{text!r} is not a currency code: use its three-letter ISO 4217 code, "
        "such as EUR, USD, GBP, CHF or ILS"
    )


# The roles a grant may be held in, and what people write for each (first match wins, so
# co-PI comes before PI).
ROLE_KINDS = ("PI", "co-PI", "co-I", "partner", "collaborator")
_ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("co-PI", re.compile(r"\bco[-\s]?(pi|principal)\b")),
    ("co-I", re.compile(r"\bco[-\s]?(i|investigator|applicant)\b")),
    (
        "PI",
        re.compile(r"\b(pi|principal investigator|principal applicant|lead applicant|sole pi)\b"),
    ),
    ("partner", re.compile(r"\b(partner|work ?package leader|wp leader|beneficiary)\b")),
    ("collaborator", re.compile(r"\b(collaborator|consultant|senior personnel|participant)\b")),
)


def role_kind(role: str) -> str | None:
    """'Sole PI' -> 'PI', 'PI in a MAGNET consortium' -> 'PI', 'Co-investigator' -> 'co-I';
    None when the words name none of the kinds."""
    text = role.casefold()
    for kind, pattern in _ROLE_PATTERNS:
        if pattern.search(text):
            return kind
    return None


def standard_role(role: str) -> str | None:
    """The kind itself when the role is written as one ('pi', 'Co-PI'), else None: such a role
    is printed in the CV's words, a free-text one as written."""
    folded = role.strip().casefold()
    return next((kind for kind in ROLE_KINDS if kind.casefold() == folded), None)


_SERVICE_WORDS = [
    ("editorial", ("editor", "editorial")),
    ("reviewing", ("review", "referee")),
    ("organising", ("organi", "chair", "program committee", "programme committee")),
    ("outreach", ("outreach", "public", "school")),
    ("university", ("university", "senate", "faculty")),
    ("departmental", ("department",)),
]


def service_category(role: str, organization: str) -> str:
    """A service's category from its words: 'Associate Editor' is editorial."""
    words = f"{role} {organization}".lower()
    for category, cues in _SERVICE_WORDS:
        if any(cue in words for cue in cues):
            return category
    return "professional"
