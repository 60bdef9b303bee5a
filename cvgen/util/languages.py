"""Which language a text is in: a language as people name it in a .bib or cv.yaml, or as its
script tells.

biblatex names a reference's language by babel's names (`langid = {ngerman}`); the `language`
field of BibTeX and cv.yaml's `language:` hold whatever people write ('German', 'de', 'Hebrew',
'pt-BR'). All become one BCP 47 tag. Where nothing names a language, the script of the text
does, for the scripts one language dominates in an academic CV (Hebrew, Greek, Korean) and
with a second look at the letters for those several languages share (Persian's پ چ ژ گ ک ی
in Arabic script, Ukrainian's і ї є ґ in Cyrillic, Japanese kana among Chinese characters).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# babel's and polyglossia's language names (biblatex's langid) that are not CLDR's English name.
BABEL_NAMES = {
    "american": "en-US", "usenglish": "en-US", "canadian": "en-CA", "british": "en-GB",
    "ukenglish": "en-GB", "australian": "en-AU", "newzealand": "en-NZ", "english": "en",
    "ngerman": "de", "german": "de", "austrian": "de-AT", "naustrian": "de-AT",
    "swissgerman": "de-CH", "nswissgerman": "de-CH", "francais": "fr", "french": "fr",
    "acadian": "fr-CA", "canadien": "fr-CA", "brazil": "pt-BR", "brazilian": "pt-BR",
    "portuges": "pt", "portuguese": "pt", "spanish": "es", "mexican": "es-MX",
    "catalan": "ca", "italian": "it", "dutch": "nl", "flemish": "nl-BE", "hebrew": "he",
    "arabic": "ar", "farsi": "fa", "persian": "fa", "russian": "ru", "ukrainian": "uk",
    "polish": "pl", "czech": "cs", "slovak": "sk", "turkish": "tr", "greek": "el",
    "polutonikogreek": "el", "swedish": "sv", "danish": "da", "norsk": "nb", "bokmal": "nb",
    "norwegian": "nb", "nynorsk": "nn", "finnish": "fi", "chinese": "zh", "japanese": "ja",
    "korean": "ko", "magyar": "hu", "hungarian": "hu", "romanian": "ro", "croatian": "hr",
    "serbian": "sr", "slovene": "sl", "slovenian": "sl", "bulgarian": "bg", "latin": "la",
    "irish": "ga", "welsh": "cy", "icelandic": "is", "estonian": "et", "lithuanian": "lt",
    "latvian": "lv", "indonesian": "id", "malay": "ms", "vietnamese": "vi", "thai": "th",
    "hindi": "hi", "urdu": "ur", "bengali": "bn",
}  # fmt: skip
_TAG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?$", re.I)


@cache
def _english_names() -> dict[str, str]:
    """CLDR's English names of languages ('german' -> 'de'), from Babel."""
    from babel import Locale

    return {name.casefold(): code for code, name in Locale.parse("en").languages.items()}


def _tag(match: re.Match[str]) -> str:
    language, script, region = match.groups()
    parts = [language.lower(), script and script.title(), region and region.upper()]
    return "-".join(part for part in parts if part)


def language_code(name: str | None) -> str | None:
    """'ngerman', 'German', 'de', 'pt_BR', 'Hebrew' -> 'de', 'de', 'de', 'pt-BR', 'he'; None
    for nothing, or a name no table knows."""
    if not name or not name.strip():
        return None
    key = name.strip().casefold()
    if key in BABEL_NAMES:
        return BABEL_NAMES[key]
    if key in _english_names():
        return _english_names()[key]
    match = _TAG.match(key)
    if match and match.group(1) in _english_names().values():
        return _tag(match)
    return None


def langid(code: str) -> str:
    """biblatex's `langid` of a language code ('de' -> 'german', 'pt-BR' -> 'brazil'), which
    language_code reads back; the code itself where babel has no name for it."""
    names = [name for name, tag in BABEL_NAMES.items() if tag == code]
    english = next((name for name in names if _english_names().get(name) == code), None)
    return english or (names[0] if names else code)


def primary(tag: str) -> str:
    """'pt-BR' -> 'pt', 'zh-Hans' -> 'zh'."""
    return tag.split("-")[0].split("_")[0].lower()


def same_language(first: str, second: str) -> bool:
    return primary(first) == primary(second)


# --- scripts ------------------------------------------------------------------------------------

_PERSIAN = frozenset("پچژگکیۀ")  # letters Persian writes and Arabic does not
_UKRAINIAN = frozenset("іїєґІЇЄҐ")
_SCRIPT_WORDS = (  # (the first word of a Unicode character name, the language it stands for)
    ("HEBREW", "he"), ("ARABIC", "ar"), ("CYRILLIC", "ru"), ("GREEK", "el"),
    ("HANGUL", "ko"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"),
    ("THAI", "th"), ("DEVANAGARI", "hi"), ("ARMENIAN", "hy"), ("GEORGIAN", "ka"),
)  # fmt: skip


def _script_language(char: str) -> str | None:
    name = unicodedata.name(char, "")
    for word, language in _SCRIPT_WORDS:
        if name.startswith(word):
            return language
    return "latin" if name.startswith("LATIN") else None


def script_languages(text: str) -> dict[str, int]:
    """How many letters of `text` each script's language has ('latin' for Latin letters)."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            language = _script_language(char)
            if language:
                counts[language] = counts.get(language, 0) + 1
    return counts


def language_of_script(text: str, latin: str = "en") -> str | None:
    """The language the script of `text` stands for ('he' for Hebrew letters, `latin` for
    Latin ones), by the script most of its letters are in; None for a text without letters.
    Kana make Chinese characters Japanese; Persian letters make Arabic Persian; Ukrainian
    letters make Cyrillic Ukrainian."""
    counts = script_languages(text)
    if not counts:
        return None
    if "ja" in counts and "zh" in counts:
        counts["ja"] += counts.pop("zh")
    found = max(counts, key=lambda language: counts[language])
    if found == "ar" and any(char in _PERSIAN for char in text):
        return "fa"
    if found == "ru" and any(char in _UKRAINIAN for char in text):
        return "uk"
    return latin if found == "latin" else found


def writes_in_script(language: str, text: str) -> bool:
    """Whether `language` is written in the script most of `text` is in ('de' and a Latin
    title: yes; 'he' and a Latin title: no)."""
    found = language_of_script(text, latin="latin")
    if found is None:
        return True
    return found == script_of(language) or (found, script_of(language)) in _SHARED_SCRIPTS


def script_of(language: str) -> str:
    """The script a language writes in, named as script_languages names it ('latin', 'he',
    'ru', 'zh', ...)."""
    return language_of_script(SCRIPT_SAMPLES.get(primary(language), "a"), latin="latin") or "latin"


# A letter of each non-Latin-script language cvgen ships words for; others write Latin.
SCRIPT_SAMPLES = {
    "he": "א", "ar": "ا", "fa": "پ", "ru": "я", "uk": "ї", "el": "α", "zh": "中",
    "ja": "の", "ko": "한", "bg": "я", "sr": "я", "th": "ก", "hi": "क",
}  # fmt: skip
# Scripts a language shares with another of the same script: a Russian CV's Ukrainian title
# is still Cyrillic; Chinese characters are Japanese too.
_SHARED_SCRIPTS = frozenset(
    {("ru", "uk"), ("uk", "ru"), ("ar", "fa"), ("fa", "ar"), ("zh", "ja"), ("ja", "zh")}
)
