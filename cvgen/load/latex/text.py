"""Decode the LaTeX inside BibTeX values ({\\"o}, \\&, --, $\\ell_1$, \\textbf{...}) to Unicode.

Almost every real value uses only accent macros, escaped specials, dashes and simple math,
which a few regular expressions translate in microseconds (the fast path). Anything else goes
to a small reader of LaTeX that follows the macro policy in latex_tables.py, knows the user's
own macros and the AAS journal macros, and reports the macros it does not know. Decoding never
raises: whatever goes wrong inside, the field falls back to a plain reading (braces stripped,
macro names dropped, their arguments kept) and says so.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from cvgen.load.latex import tables as T
from cvgen.load.latex.aas_journals import AAS_JOURNALS
from cvgen.load.latex.macros import NO_MACROS, MacroTable

# Text-mode names of characters that are special in LaTeX, as BibTeX writers emit them. They are
# swapped for private-use placeholders while decoding, so a decoded "\\" is never re-read as LaTeX.
_LITERALS = {
    r"\textbackslash": "\\", r"\textasciicircum": "^", r"\textasciitilde": "~",
    r"\textbraceleft": "{", r"\textbraceright": "}", r"\textbar": "|", r"\textless": "<",
    r"\textgreater": ">", r"\textunderscore": "_", r"\textdollar": "$", r"\^{}": "^",
    r"\~{}": "~", r"\{": "{", r"\}": "}", r"\$": "$", r"\_": "_", r"\#": "#", r"\%": "%",
    r"\&": "&", r"\string^": "^", r"\textasciigrave": "`",
}  # fmt: skip
_LITERAL = re.compile(
    "|".join(
        re.escape(name) + (r"(?![A-Za-z])(?:\{\}|[ \t]*)" if name[-1].isalpha() else "")
        for name in sorted(_LITERALS, key=len, reverse=True)
    )
)  # a control word swallows the spaces or the empty group after it, as in TeX
_PLACEHOLDERS = {
    literal: chr(0xE000 + i) for i, literal in enumerate(sorted(set(_LITERALS.values())))
}
_RESTORE = str.maketrans({v: k for k, v in _PLACEHOLDERS.items()})
_PLACEHOLDER = re.compile(f"[{min(_PLACEHOLDERS.values())}-{max(_PLACEHOLDERS.values())}]")
_ACCENT = re.compile(
    r"\\([\"'`^~=.]|[uvHckrdb](?=[\s{]))\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))"
)
_LETTER = re.compile(r"\\(ss|aa|AA|ae|AE|oe|OE|dh|DH|th|TH|ng|NG|[oOlLij])(?![A-Za-z])\s?")
_MATH = re.compile(r"(?<!\\)\$([^$]*)\$")
_MATH_MACRO = re.compile(r"\\([A-Za-z]+)")
_MATH_SCRIPT = re.compile(r"([_^])(?:\{([0-9+\-=()]+)\}|([0-9]))")
_UNSAFE_LEFTOVER = re.compile(r"[\\$]")
# DBLP escapes the math of titles a second time: {\textdollar}{\textbackslash}mathrm\{AC\}...
_DOUBLE_ESCAPED_MATH = re.compile(r"\{?\\textdollar\}?(.*?)\{?\\textdollar\}?", re.S)
_PLAIN_CONTROL = re.compile(r"\\(?:[A-Za-z]+\*?|.)")
MAX_DEPTH = 40
MAX_OUTPUT = 50_000
MAX_EXPANSIONS = 500


class Decoded(NamedTuple):
    """A decoded value: the text, the macros cvgen did not know, the links of \\href/\\url, and
    why the full reading failed, if it did (then `text` is the plain reading)."""

    text: str
    unknown: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    failed: str | None = None


class _Trouble(Exception):
    """The value is too deep or expands too far to read; the plain reading takes over."""


def _accent(match: re.Match[str]) -> str:
    base = match.group(2) or match.group(3)
    base = {"\\i": "i", "\\j": "j"}.get(base, base)
    return unicodedata.normalize("NFC", base + T.ACCENTS[match.group(1)])


def _math(match: re.Match[str]) -> str:
    """Simple inline math as Unicode: $\\ell_1$ -> ℓ₁, $O(n^2)$ -> O(n²); else left as is."""

    def script(m: re.Match[str]) -> str:
        table = T.SUBSCRIPTS if m.group(1) == "_" else T.SUPERSCRIPTS
        return (m.group(2) or m.group(3)).translate(table)

    body = _MATH_SCRIPT.sub(script, match.group(1))
    body = _MATH_MACRO.sub(lambda m: T.MATH_SYMBOLS.get(m.group(1), m.group(0)), body)
    leftover = _UNSAFE_LEFTOVER.search(body) or "^" in body or "_" in body
    return match.group(0) if leftover else body


def _fast_decode(value: str) -> str:
    text = _MATH.sub(_math, value) if "$" in value else value
    if "\\" in text:
        text = _ACCENT.sub(_accent, text)
        text = _LETTER.sub(lambda m: T.LETTERS[m.group(1)], text)
        text = text.replace("\\-", "").replace("\\,", " ").replace("\\ ", " ")
    return _typography(text)


def _typography(text: str) -> str:
    """TeX's dashes, double quotes (German ,,low`` ones too) and ties, the LaTeX of most titles
    without a backslash."""
    if "-" in text:
        text = text.replace("---", "—").replace("--", "–")
    if ",," in text:
        text = text.replace(",,", "„")
    if "`" in text or "'" in text:
        text = text.replace("``", "“").replace("''", "”")
    return text.replace("~", " ") if "~" in text else text


def _protect_literals(value: str) -> str:
    def swap(match: re.Match[str]) -> str:
        text = match.group(0)
        name = text if text in _LITERALS else text.rstrip(" \t").removesuffix("{}")
        return _PLACEHOLDERS[_LITERALS[name]]

    return _LITERAL.sub(swap, value)


def _undo_double_escape(value: str) -> str:
    """DBLP escapes math a second time: {\\textdollar}{\\textbackslash}mathrm..."""

    def math(match: re.Match[str]) -> str:
        body = re.sub(r"\{?\\textbackslash\}?", lambda _: "\\", match.group(1))
        body = body.replace("\\{", "{").replace("\\}", "}")
        body = re.sub(r"\{?\\\^\{\}\}?", "^", body).replace("{\\_}", "_").replace("\\_", "_")
        return "$" + body + "$"

    return _DOUBLE_ESCAPED_MATH.sub(math, value)


def plain_reading(value: str) -> str:
    """The last resort: macro names dropped, their arguments kept, braces and $ removed."""
    text = _protect_literals(value)
    text = _PLAIN_CONTROL.sub(lambda m: T.CONTROL_SYMBOLS.get(m.group(0)[1:], ""), text)
    text = text.replace("{", "").replace("}", "").replace("$", "").replace("~", " ")
    return " ".join(text.split()).translate(_RESTORE)


def decode(value: str, macros: MacroTable = NO_MACROS) -> Decoded:
    """The plain text of a BibTeX value; never raises (see the module docstring)."""
    if (
        "\\" not in value
        and "$" not in value
        and (value.isascii() or not _PLACEHOLDER.search(value))
    ):
        return Decoded(
            _quotes(" ".join(_typography(value).replace("{", "").replace("}", "").split()))
        )
    try:
        return _decode(value, macros)
    except Exception as exc:  # any failure must fall back to the plain reading, per field
        reason = str(exc) if isinstance(exc, _Trouble) else f"{type(exc).__name__}: {exc}"
        return Decoded(plain_reading(value), failed=reason)


@lru_cache(maxsize=65536)
def _decode(value: str, macros: MacroTable) -> Decoded:
    if "textdollar" in value:
        value = _undo_double_escape(value)
    protected = _protect_literals(value)
    text = _fast_decode(protected)
    if not _UNSAFE_LEFTOVER.search(text):
        text = " ".join(text.replace("{", "").replace("}", "").split())
        return Decoded(_quotes(text).translate(_RESTORE))
    reader = _Reader(macros)
    text = reader.render(protected, depth=0, math=False)
    text = " ".join(text.replace("\xa0", " ").split())
    return Decoded(
        _quotes(text).translate(_RESTORE), tuple(dict.fromkeys(reader.unknown)), tuple(reader.links)
    )


def latex_to_unicode(value: str) -> str:
    """Plain text of a BibTeX value: accents and symbols decoded, protecting braces dropped."""
    return decode(value).text


def _quotes(text: str) -> str:
    """TeX's `single quotes' become ‘…’; a lone apostrophe stays as typed."""
    if "`" not in text:
        return text
    return re.sub(r"`([^`']*)'", r"‘\1’", text).replace("`", "‘")


@lru_cache(maxsize=1024)
def _library_symbol(name: str) -> str | None:
    """pylatexenc's knowledge of a symbol macro we do not list (\\circledR, \\textfrac...)."""
    from pylatexenc.latex2text import get_default_latex_context_db

    repl = getattr(get_default_latex_context_db().get_macro_spec(name), "simplify_repl", None)
    return repl if isinstance(repl, str) and not set(repl) & set("%<>\\") else None


def is_known_macro(name: str) -> bool:
    """Whether cvgen's policy (or pylatexenc) says what `\\name` prints."""
    return (
        name in T.KEEP_ARGUMENT
        or name in T.LAST_OF
        or name in T.DROP_WITH_ARGUMENT
        or name in T.DROP
        or name in T.SPACES
        or name in T.TEXT_SYMBOLS
        or name in T.MATH_SYMBOLS
        or name in T.MATH_FUNCTIONS
        or name in T.LETTERS
        or name in T.ACCENTS
        or name in T.URL_MACROS
        or name in AAS_JOURNALS
        or name in ("sqrt", "mathbb", "textsuperscript", "textsubscript", "frac", "dfrac", "tfrac")
        or _library_symbol(name) is not None
    )


class _Reader:
    """A small recursive reader of the LaTeX found in .bib values (not a TeX engine)."""

    def __init__(self, macros: MacroTable):
        self.macros = macros
        self.unknown: list[str] = []
        self.links: list[str] = []
        self.expansions = 0

    def render(self, src: str, depth: int, math: bool) -> str:
        if depth > MAX_DEPTH:
            raise _Trouble("nested too deeply")
        out: list[str] = []
        i, n, size = 0, len(src), 0
        while i < n:
            char = src[i]
            if char == "\\":
                text, i = self._control(src, i, depth, math)
                out.append(text)
            elif char == "{":
                body, i = _group(src, i)
                out.append(self.render(body, depth + 1, math))
            elif char == "}":
                i += 1
            elif char == "$":
                end = src.find("$", i + 1)
                if end < 0:
                    i += 1
                    continue
                if end == i + 1:  # $$...$$
                    close = src.find("$$", i + 2)
                    end, body = (close, src[i + 2 : close]) if close >= 0 else (i + 1, "")
                    i = end + 2
                else:
                    body, i = src[i + 1 : end], end + 1
                out.append(self.render(body, depth + 1, math=True) if not math else body)
            elif math and char in "^_":
                arg, i = _argument(src, i + 1)
                out.append(_script(char, self.render(arg, depth + 1, math=True)))
            elif char == "~":
                out.append(" ")
                i += 1
            elif char == "-" and not math and src.startswith("--", i):
                dashes = 3 if src.startswith("---", i) else 2
                out.append("—" if dashes == 3 else "–")
                i += dashes
            elif char in "`'," and src.startswith(char * 2, i) and not (math and char == ","):
                out.append({"`": "“", "'": "”", ",": "„"}[char])
                i += 2
            else:
                out.append(char)
                i += 1
            size += len(out[-1]) if out else 0
            if size > MAX_OUTPUT:
                raise _Trouble("expands to too much text")
        return "".join(out)

    def _control(self, src: str, i: int, depth: int, math: bool) -> tuple[str, int]:
        """The text of the control sequence at src[i] and the index after it (and its args)."""
        if i + 1 >= len(src):
            return "", i + 1
        if not src[i + 1].isalpha():
            symbol = src[i + 1]
            if symbol in T.ACCENTS and symbol.isascii() and not symbol.isalnum():
                arg, end = _argument(src, i + 2)
                return _apply_accent(symbol, self.render(arg, depth + 1, math)), end
            return T.CONTROL_SYMBOLS.get(symbol, ""), i + 2
        end = i + 1
        while end < len(src) and src[end].isalpha():
            end += 1
        name = src[i + 1 : end]
        if end < len(src) and src[end] == "*":
            end += 1
        after = end
        if not math:  # a control word swallows the spaces after it, as in TeX
            while after < len(src) and src[after] in " \t\n":
                after += 1
        return self._macro(name, src, end, after, depth, math)

    def _macro(
        self, name: str, src: str, end: int, after: int, depth: int, math: bool
    ) -> tuple[str, int]:
        definition = self.macros.get(name)
        if definition is not None:
            self.expansions += 1
            if self.expansions > MAX_EXPANSIONS:
                raise _Trouble("a macro expands without end")
            args, after = _arguments(src, after, definition.nargs)
            return self.render(definition.expand(args), depth + 1, math), after
        if name in AAS_JOURNALS:
            return AAS_JOURNALS[name], after
        if name in T.LETTERS and not math:
            return T.LETTERS[name], after
        if name in T.ACCENTS:
            arg, after = _argument(src, after)
            return _apply_accent(name, self.render(arg, depth + 1, math)), after
        if name in T.KEEP_ARGUMENT:
            arg, after = _argument(src, after)
            text = self.render(arg, depth + 1, math)
            if name in T.UPPERCASE:
                text = text.upper()
            elif name in T.LOWERCASE:
                text = text.lower()
            return ("“" + text + "”" if name in ("enquote", "mkbibquote") else text), after
        if name in T.LAST_OF:
            args, after = _arguments(src, after, T.LAST_OF[name])
            if name == "href" and args:
                self.links.append(unescape_url(args[0]).translate(_RESTORE))
            return self.render(args[-1] if args else "", depth + 1, math), after
        if name in T.URL_MACROS:
            arg, after = _argument(src, after)
            if re.search(r"\\[A-Za-z]", arg):  # macros inside: not a URL, read it as text
                return self.render(arg, depth + 1, math), after
            url = unescape_url(arg).replace("\\", "")  # a backslash is no part of a link
            self.links.append(url.translate(_RESTORE))
            return url, after
        if name in T.DROP_WITH_ARGUMENT:
            _, after = _arguments(src, after, T.DROP_WITH_ARGUMENT[name])
            return "", after
        if name in ("textsuperscript", "textsubscript"):
            arg, after = _argument(src, after)
            mark = "^" if name == "textsuperscript" else "_"
            return _script(mark, self.render(arg, depth + 1, math)), after
        if name in ("frac", "dfrac", "tfrac"):
            args, after = _arguments(src, after, 2)
            parts = [self.render(a, depth + 1, True) for a in args]
            return "/".join(p if len(p) == 1 else f"({p})" for p in parts), after
        if name == "sqrt":
            if after < len(src) and src[after] == "[":
                close = src.find("]", after)
                after = close + 1 if close > 0 else after
            arg, after = _argument(src, after)
            root = self.render(arg, depth + 1, True)
            return "√" + (root if len(root) <= 1 else f"({root})"), after
        if name == "mathbb":
            arg, after = _argument(src, after)
            return "".join(
                T.DOUBLE_STRUCK.get(c, c) for c in self.render(arg, depth + 1, True)
            ), after
        if name in T.DROP:
            return "", after
        if name in T.SPACES:
            return " ", after
        if name in T.TEXT_SYMBOLS:
            return T.TEXT_SYMBOLS[name], after
        if name in T.MATH_SYMBOLS:
            return T.MATH_SYMBOLS[name], after
        if name in T.MATH_FUNCTIONS:
            follows = after < len(src) and src[after].isalnum()
            return name + (" " if follows else ""), after
        symbol = _library_symbol(name)
        if symbol is not None:
            return symbol, after
        self.unknown.append(name)
        return "", after  # its arguments follow as groups and are read as text


def _group(src: str, start: int) -> tuple[str, int]:
    """The content of the group opening at src[start] and the index after it (unclosed: to end)."""
    depth, i, n = 0, start, len(src)
    while i < n:
        char = src[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return src[start + 1 : i], i + 1
        i += 1
    return src[start + 1 :], n


def _argument(src: str, i: int) -> tuple[str, int]:
    """One macro argument: a braced group, a control sequence, or one character."""
    n = len(src)
    while i < n and src[i] in " \t\n":
        i += 1
    if i >= n:
        return "", i
    if src[i] == "{":
        return _group(src, i)
    if src[i] == "\\":
        end = i + 1
        if end < n and src[end].isalpha():
            while end < n and src[end].isalpha():
                end += 1
        else:
            end += 1
        return src[i:end], end
    return src[i], i + 1


def _arguments(src: str, i: int, count: int) -> tuple[list[str], int]:
    args = []
    for _ in range(count):
        arg, i = _argument(src, i)
        args.append(arg)
    return args, i


def _apply_accent(accent: str, text: str) -> str:
    if not text:
        return ""
    base = {"ı": "i", "ȷ": "j"}.get(text[0], text[0])
    return unicodedata.normalize("NFC", base + T.ACCENTS[accent]) + text[1:]


def _script(mark: str, text: str) -> str:
    """A super- or subscript in Unicode where it has one; marks (*, †) stand for themselves."""
    if not text:
        return ""
    chars = T.SUPERSCRIPT_CHARS if mark == "^" else T.SUBSCRIPT_CHARS
    if all(c in chars or c == "," for c in text):
        return text.translate(T.SUPERSCRIPTS if mark == "^" else T.SUBSCRIPTS)
    if all(c in T.MARK_CHARS or c in ", " for c in text):
        return text.replace(" ", "")
    return f"{mark}{text}" if len(text) == 1 else f"{mark}({text})"


_URL_ESCAPES = re.compile(r"\\([_%#&~$])")


def unescape_url(value: str) -> str:
    """URLs in .bib files are often written with \\_ and \\%; a link needs the bare characters."""
    return _URL_ESCAPES.sub(r"\1", value.replace("{", "").replace("}", "")).strip()
