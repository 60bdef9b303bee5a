"""The LaTeX preamble of the CV: packages, fonts for every script and language, colours.

The layout itself lives in the theme's latex.tex (cvgen/themes/<name>/latex.tex), a dozen
macros (\\cvsection, \\cvdated, cvpubs, cvgrants, ...), so the generated .tex reads like a
hand-written CV and whoever edits it restyles everything in one place. This module sets up what
the theme builds on, for every engine: pdflatex gets the theme's family in T1 (fast); LuaLaTeX
and XeLaTeX get its OpenType version, and when the text holds characters pdflatex cannot set,
LuaLaTeX borrows them from fallback fonts and babel orders right-to-left scripts. A CV in a
right-to-left language (Hebrew) is set right to left throughout, its lists and tables mirrored.
"""

from __future__ import annotations

import re

from cvgen.themes import Theme
from cvgen.util.languages import primary
from cvgen.writers.latex.babel import babel_name, lua_babel, plain_babel, used_languages
from cvgen.writers.pdf.fonts import CJK_BLOCKS, EMOJI_BLOCKS, RARE_CJK_BLOCKS, in_blocks
from cvgen.writers.pdf.tex import PDFLATEX_CHARS

PACKAGES = (
    "iftex", "xcolor", "tabularx", "xltabular", "booktabs", "needspace", "fancyhdr", "multicol",
)  # fmt: skip
PAPERS = {"a4": "a4paper", "letter": "letterpaper"}
LUATEX_DEFAULT_FONT = "Latin Modern Roman"  # what LuaLaTeX sets when told nothing


# Symbols of the data set in math (the l of l1, <=, a lone alpha) copy from TeX's math fonts as
# other characters ("`" for the l): \cvmath{code}{tex} tells readers the Unicode text. LuaLaTeX
# sets the character itself from a Unicode font (see FALLBACK).
COPYABLE_MATH = r"""\frenchspacing
\usepackage{accsupp}
\newcommand{\cvmath}[2]{\BeginAccSupp{method=hex,unicode,ActualText=#1}#2\EndAccSupp{}}
\newcommand{\cvemoji}[2]{\BeginAccSupp{method=hex,unicode,ActualText=#1}#2\EndAccSupp{}}"""

# Students' names are underlined with ulem's \uline (latex_markup.LATEX_STYLE), which breaks
# between words; where ulem is missing (Debian: texlive-plain-generic), LaTeX's \underline.
# A theme sets the underline's depth, \ULdepth.
UNDERLINE = r"""\IfFileExists{ulem.sty}{\usepackage[normalem]{ulem}}
  {\newcommand{\uline}[1]{\underline{#1}}\newlength{\ULdepth}}"""


def fonts(theme: Theme) -> str:
    """pdflatex's T1 fonts of the theme's family (and copy-paste that gives back Unicode)."""
    return "\n".join(
        [
            "",
            r"\ifPDFTeX",
            r"  \usepackage[T1]{fontenc}",
            f"  {theme.config.fonts.pdflatex}",
            r"  \input{glyphtounicode}\pdfgentounicode=1",
            r"\fi",
            COPYABLE_MATH,
            "",
        ]
    )


# Under LuaLaTeX, a CV in Latin Modern whose text has letters of other scripts (a Greek or
# Hebrew co-author) is set in one family that has them all, Noto Serif, rather than Latin
# Modern with a few borrowed, visibly heavier, words. Characters the main font lacks come from
# fallback fonts; each costs about 0.2 s a pass, so only those covering characters of the
# document are loaded, in this order.
NOTO = "Noto Serif"
GREEK_FONT = "NotoSerif-Regular.ttf"  # or the theme's fonts.greek


def _noto(script: str, *blocks: tuple[int, int], sans_only: bool = False) -> tuple:
    """Noto Serif's font for a script (fonts-noto-core), else its Sans one."""
    files = (f"NotoSans{script}-Regular.ttf",)
    return ((() if sans_only else (f"NotoSerif{script}-Regular.ttf",)) + files, blocks)


FALLBACK_FONTS = (
    ((GREEK_FONT,), ((0x0370, 0x052F), (0x1E00, 0x1FFF), (0x2070, 0x214F))),  # Greek, ...
    _noto("Armenian", (0x0530, 0x058F)),
    _noto("Devanagari", (0x0900, 0x097F), (0xA8E0, 0xA8FF)),  # Hindi, Marathi, Nepali
    _noto("Bengali", (0x0980, 0x09FF)),
    _noto("Gurmukhi", (0x0A00, 0x0A7F)),
    _noto("Gujarati", (0x0A80, 0x0AFF)),
    _noto("Oriya", (0x0B00, 0x0B7F), sans_only=True),
    _noto("Tamil", (0x0B80, 0x0BFF)),
    _noto("Telugu", (0x0C00, 0x0C7F)),
    _noto("Kannada", (0x0C80, 0x0CFF)),
    _noto("Malayalam", (0x0D00, 0x0D7F)),
    _noto("Sinhala", (0x0D80, 0x0DFF)),
    _noto("Thai", (0x0E00, 0x0E7F)),
    _noto("Lao", (0x0E80, 0x0EFF)),
    (("NotoSerifTibetan-Regular.ttf",), ((0x0F00, 0x0FFF),)),
    _noto("Myanmar", (0x1000, 0x109F)),
    _noto("Georgian", (0x10A0, 0x10FF), (0x2D00, 0x2D2F)),
    _noto("Ethiopic", (0x1200, 0x139F)),
    _noto("Khmer", (0x1780, 0x17FF)),
    (("NotoSerifCJK-Regular.ttc", "NotoSansCJK-Regular.ttc"), (*CJK_BLOCKS, *RARE_CJK_BLOCKS)),
    (("NotoColorEmoji.ttf",), EMOJI_BLOCKS),  # fonts-noto-color-emoji
    (("DejaVuSerif.ttf",), ((0x0080, 0x10FFFF),)),  # symbols, arrows, letterlike, ...
    (("NotoSansSymbols2-Regular.ttf", "NotoSansSymbols-Regular.ttf", "NotoSansMath-Regular.ttf"),
     ((0x2000, 0x2BFF), (0x1D400, 0x1D7FF), (0x1F000, 0x1FBFF))),  # what DejaVu lacks: ⏻, ...
)  # fmt: skip
FALLBACK = r"""  \usepackage{fontspec}
  \directlua{
    local found = {}
    for _, file in ipairs({%s}) do
      if kpse.find_file((file:gsub("[(][0-9]+[)]$", "")), "truetype fonts") then
        table.insert(found, "file:" .. file .. ":mode=harf")
      end
    end
    luaotfload.add_fallback("cvgen", found)
  }
  \setmainfont{%s}[
    %sRawFeature={fallback=cvgen}]
  \renewcommand{\cvmath}[2]{\char"#1\relax}
  \renewcommand{\cvemoji}[2]{\BeginAccSupp{method=hex,unicode,ActualText=#1}%%
    \rlap{\pdfextension literal direct{3 Tr}x\pdfextension literal direct{0 Tr}}#2\EndAccSupp{}}"""


# A colour emoji is an image in LuaTeX's PDF: the invisible x gives its ActualText (above) a
# glyph to stand for, so copying and text extraction give the emoji back.
def _uses(chars: set[str], blocks: tuple[tuple[int, int], ...]) -> bool:
    return any(in_blocks(ord(ch), blocks) for ch in chars)


_MATH_CODE = re.compile(r"\\cvmath\{([0-9A-F]{4,6})\}")


def _features(theme: Theme) -> str:
    small_caps = theme.config.fonts.small_caps
    return f"SmallCapsFont={{{small_caps}}}, " if small_caps else ""


def _other_script(chars: set[str]) -> bool:
    """Letters beyond Latin (and its extensions), which Latin Modern cannot set."""
    return any(ch.isalpha() and not ("\u1e00" <= ch <= "\u1eff") for ch in chars if ch > "\u024f")


def _main_font(theme: Theme, files: list[str], chars: set[str]) -> list[str]:
    found = ", ".join(f'"{file}"' for file in files)
    main, features = theme.config.fonts.main, _features(theme)
    if main == LUATEX_DEFAULT_FONT and _other_script(chars):
        main, features = NOTO, ""
    return [FALLBACK % (found, main, features)]


def languages(body: str, theme: Theme, language: str, direction: str) -> str:
    """Fonts and languages beyond pdflatex's; '' for a Latin-script English CV in a theme whose
    font LuaLaTeX sets anyway. Under LuaLaTeX: the theme's OpenType font with fallback fonts
    for the characters it lacks (each costs about 0.2 s a pass, so only those the text needs)
    and babel for right-to-left text and scripts with fonts of their own (latex/babel.py).
    Under every engine: babel for the CV's language and the languages of its runs, so words
    break by their hyphenation rules."""
    chars = {ch for ch in body if ch not in PDFLATEX_CHARS}
    if chars:  # the \cvmath symbols, which LuaLaTeX sets from the font
        chars |= {chr(int(code, 16)) for code in _MATH_CODE.findall(body)}
    main = babel_name(language)
    latin = f"{_features(theme)}RawFeature={{fallback=cvgen}}"
    lua = lua_babel(main or "english", direction, body, theme, latin) if chars else []
    lines: list[str] = []
    if chars or lua or theme.config.fonts.main != LUATEX_DEFAULT_FONT:
        files = [f for files, blocks in FALLBACK_FONTS if _uses(chars, blocks) for f in files]
        files = [theme.config.fonts.greek if f == GREEK_FONT else f for f in files]
        files = [_cjk_face(f, language, body) for f in files]
        lines += [r"\ifLuaTeX", *_main_font(theme, files, chars), *lua, r"\fi"]
    if not lua:
        lines += plain_babel(None if main == "english" else main, body)
    return "\n".join([*lines, ""]) if lines else ""


# The faces of a Noto CJK collection, by language: Chinese characters take the forms of the
# text's language (a Japanese name in Japanese forms).
_CJK_FACES = {"ja": 0, "ko": 1, "zh": 2, "zh-Hant": 3}


def _cjk_face(file: str, language: str, body: str) -> str:
    if not file.endswith(".ttc") or "CJK" not in file:
        return file
    cjk = [name for name in used_languages(body) if name in ("japanese", "korean")]
    code = primary(language) if primary(language) in _CJK_FACES else None
    code = code or {"japanese": "ja", "korean": "ko"}.get(cjk[0] if cjk else "", "zh")
    return f"{file}({_CJK_FACES[code]})"


def _hex_colour(name: str, value: str) -> str:
    """xcolor's definition of '#1c4d85': rgb to two decimals (as precise as print needs),
    gray when the three are equal."""
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (1, 3, 5))
    if red == green == blue:
        return rf"\definecolor{{{name}}}{{gray}}{{{red:.2f}}}"
    return rf"\definecolor{{{name}}}{{rgb}}{{{red:.2f},{green:.2f},{blue:.2f}}}"


def colours(theme: Theme, accent: str | None) -> str:
    """cvaccent, cvmuted, cvrule and cvtext, from theme.yaml and the design's accent."""
    palette = theme.config.colours
    values = {"accent": accent or palette.accent, "muted": palette.muted, "rule": palette.rule}
    values["text"] = palette.text
    return "\n".join(_hex_colour(f"cv{name}", value) for name, value in values.items())
