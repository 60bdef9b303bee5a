"""babel for the CV's languages: the CV's own, and each language a run of it is in.

A run in another language (an English reference in a Hebrew CV, a German one in an English
CV) is `\\foreignlanguage{german}{...}` in the body (latex/markup.py), as biblatex sets a
reference with a `langid`: its hyphenation, and under LuaLaTeX its direction and its script's
font. This module declares every language the body names, from babel's CLDR-based ini files
(TeX Live 2022 has them all), so no TeX Live language package is needed.

Scripts with a font of their own (Hebrew, Arabic, Chinese, Japanese, Korean) are switched by
character (`onchar=ids fonts`): the theme names a serif (or sans) of each with a real bold; as
these scripts have no italics, their \\textit is that bold. babel breaks Chinese and Japanese
lines between characters (its ini files' `linebreaking = c`), keeping closing punctuation
off a line's start. Right-to-left text needs LuaLaTeX's bidi (`bidi=basic`).
"""

from __future__ import annotations

import re

from cvgen.themes import Theme
from cvgen.util.languages import primary

# babel's names of the languages cvgen ships words for (and a few more).
BABEL_NAMES = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
    "pt": "portuguese", "nl": "dutch", "he": "hebrew", "ar": "arabic", "fa": "persian",
    "zh": "chinese-simplified", "ja": "japanese", "ko": "korean", "ru": "russian",
    "uk": "ukrainian", "pl": "polish", "cs": "czech", "tr": "turkish", "el": "greek",
    "sv": "swedish", "da": "danish", "nb": "norwegianbokmal", "nn": "norwegiannynorsk",
    "fi": "finnish", "hu": "hungarian", "ro": "romanian", "ca": "catalan", "sk": "slovak",
    "hr": "croatian", "sl": "slovenian", "bg": "bulgarian", "sr": "serbian",
    "et": "estonian", "lt": "lithuanian", "lv": "latvian", "is": "icelandic", "ga": "irish",
    "cy": "welsh", "la": "latin", "id": "indonesian", "vi": "vietnamese", "hi": "hindi",
    "th": "thai", "ur": "urdu", "hy": "armenian", "ka": "georgian",
}  # fmt: skip
RTL_LANGUAGES = frozenset({"hebrew", "arabic", "persian", "urdu"})
# The theme's font of each script (theme.yaml fonts:), by babel language.
SCRIPT_FONTS = {
    "hebrew": "hebrew", "arabic": "arabic", "persian": "arabic", "urdu": "arabic",
    "chinese-simplified": "chinese", "japanese": "japanese", "korean": "korean",
}  # fmt: skip
_FOREIGN = re.compile(r"\\foreignlanguage\{([a-z-]+)\}")
# Characters that call for a script's language where the body names none (a Hebrew name in an
# English reference): Unicode blocks, tested in this order.
_SCRIPT_CHARS = (
    ("hebrew", re.compile("[\u0590-\u05ff\ufb1d-\ufb4f]")),
    ("arabic", re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff]")),
    ("japanese", re.compile("[\u3040-\u30ff]")),
    ("korean", re.compile("[\uac00-\ud7af\u1100-\u11ff]")),
    ("chinese-simplified", re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")),
)


def babel_name(tag: str) -> str | None:
    """babel's name of a BCP 47 tag ('pt-BR' -> 'portuguese'); None where it has none."""
    if tag.lower() in ("zh-hant", "zh-tw", "zh-hk"):
        return "chinese-traditional"
    return BABEL_NAMES.get(primary(tag))


def foreign_language(tag: str, inner: str) -> str:
    """A run in `tag`'s language; a language babel does not know is set as the text around."""
    name = babel_name(tag)
    return rf"\foreignlanguage{{{name}}}{{{inner}}}" if name else inner


def used_languages(body: str) -> list[str]:
    """The languages the body names, then those its characters call for, in order."""
    named = list(dict.fromkeys(_FOREIGN.findall(body)))
    found = [name for name, chars in _SCRIPT_CHARS if chars.search(body)]
    if "japanese" in found:  # kana: the Chinese characters around are Japanese
        found = [name for name in found if name != "chinese-simplified"]
    return list(dict.fromkeys([*named, *found]))


def _font(theme: Theme, language: str) -> str | None:
    slot = SCRIPT_FONTS.get(language)
    return getattr(theme.config.fonts, slot) if slot else None


def _script_font(language: str, font: str, main: bool) -> list[str]:
    """The font of a script with its own (for the document's `main` language: every font)."""
    target = "" if main else f"[{language}]"
    features = r"Renderer=HarfBuzz,RawFeature={fallback=cvgen},ItalicFont={* Bold}"
    return [rf"  \babelfont{target}{{rm}}[{features}]{{{font}}}"]


def lua_babel(main: str, direction: str, body: str, theme: Theme, latin_features: str) -> list[str]:
    """babel under LuaLaTeX for a CV whose language or text needs more than pdflatex's: right
    to left, or a script with a font of its own; [] when plain babel will do (see
    `plain_babel`). `latin_features` are the theme's main font's fontspec options."""
    others = [name for name in used_languages(body) if name != main]
    rtl = direction == "rtl" or any(name in RTL_LANGUAGES for name in others)
    main_font = _font(theme, main)
    if not rtl and main_font is None and not any(_font(theme, name) for name in others):
        return []
    layout = ",layout=lists.tabular" if direction == "rtl" else ""
    lines = [rf"  \usepackage[{'bidi=basic' if rtl else ''}{layout}]{{babel}}".replace("[]", "")]
    if main_font:
        lines += [rf"  \babelprovide[import,main,onchar=ids fonts]{{{main}}}"]
        lines += _script_font(main, main_font, main=True)
        lines += [r"  \babelprovide[import,onchar=ids fonts]{english}"]
        lines += [rf"  \babelfont[english]{{rm}}[{latin_features}]{{{theme.config.fonts.main}}}"]
        others = [name for name in others if name != "english"]
    else:
        lines.append(rf"  \babelprovide[import,main]{{{main}}}")
    for name in others:
        font = _font(theme, name)
        lines.append(rf"  \babelprovide[import{',onchar=ids fonts' if font else ''}]{{{name}}}")
        lines += _script_font(name, font, main=False) if font else []
    lines += _isolates(main, rtl)
    return lines


def _isolates(main: str, rtl: bool) -> list[str]:
    r"""\cvltr{...} sets a run left to right (a number range, a Latin name in a right-to-left
    line), \cvrtl{...} a right-to-left phrase in a left-to-right run."""
    if not rtl:
        return []
    right = main if main in RTL_LANGUAGES else "hebrew"
    lines = [r"  \providecommand{\cvltr}[1]{\foreignlanguage{english}{#1}}"]
    lines.append(rf"  \providecommand{{\cvrtl}}[1]{{\foreignlanguage{{{right}}}{{#1}}}}")
    return [*lines, r"  \setlength{\emergencystretch}{1.5em}"]


def plain_babel(main: str | None, body: str) -> list[str]:
    """babel for Latin-script languages, under every engine: the CV's, so words break by its
    hyphenation rules, and the others the body names."""
    others = [name for name in dict.fromkeys(_FOREIGN.findall(body)) if name != main]
    if main is None and not others:
        return []
    lines = [r"\usepackage{babel}", rf"\babelprovide[import,main]{{{main or 'english'}}}"]
    return lines + [rf"\babelprovide[import]{{{name}}}" for name in others]
