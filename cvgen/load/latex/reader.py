"""A small recursive reader of the LaTeX found in .bib values (not a TeX engine).

It follows the macro policy of tables.py: each macro is read by the handler its kind names
(keep the argument, keep the last argument, drop the arguments, an accent over a math base,
...) or printed as the symbol it stands for; a macro nobody knows prints nothing and is
listed, so the caller can say so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from cvgen.load.latex import tables as T
from cvgen.load.latex.aas_journals import AAS_JOURNALS
from cvgen.load.latex.literals import RESTORE, unescape_url
from cvgen.load.latex.macros import MacroDef, MacroTable

MAX_DEPTH = 40
MAX_OUTPUT = 50_000
MAX_EXPANSIONS = 500
_ARGUMENT_MACRO = re.compile(r"\\[A-Za-z]")


class Trouble(Exception):
    """The value is too deep or expands too far to read; the plain reading takes over."""


@lru_cache(maxsize=1024)
def library_symbol(name: str) -> str | None:
    """pylatexenc's knowledge of a symbol macro we do not list (\\circledR, \\textfrac...)."""
    from pylatexenc.latex2text import get_default_latex_context_db

    repl = getattr(get_default_latex_context_db().get_macro_spec(name), "simplify_repl", None)
    return repl if isinstance(repl, str) and not set(repl) & set("%<>\\") else None


class Reader:
    """Reads one value; collects the macros it did not know and the links of \\href/\\url."""

    def __init__(self, macros: MacroTable):
        self.macros = macros
        self.unknown: list[str] = []
        self.links: list[str] = []
        self.expansions = 0

    def render(self, src: str, depth: int, math: bool) -> str:
        if depth > MAX_DEPTH:
            raise Trouble("nested too deeply")
        out: list[str] = []
        i, n, size = 0, len(src), 0
        while i < n:
            char = src[i]
            if char == "\\":
                text, i = self._control(src, i, depth, math)
            elif char == "{":
                body, i = group(src, i)
                text = self.render(body, depth + 1, math)
            elif char == "$":
                text, i = self._math(src, i, depth, math)
            elif math and char in "^_":
                arg, i = argument(src, i + 1)
                text = script(char, self.render(arg, depth + 1, math=True))
            elif char == "-" and not math and src.startswith("--", i):
                dashes = 3 if src.startswith("---", i) else 2
                text, i = ("—" if dashes == 3 else "–"), i + dashes
            elif char in "`'," and src.startswith(char * 2, i) and not (math and char == ","):
                text, i = {"`": "“", "'": "”", ",": "„"}[char], i + 2
            else:
                text, i = {"}": "", "~": " "}.get(char, char), i + 1
            out.append(text)
            size += len(text)
            if size > MAX_OUTPUT:
                raise Trouble("expands to too much text")
        return "".join(out)

    def _math(self, src: str, i: int, depth: int, math: bool) -> tuple[str, int]:
        """$...$ or $$...$$ at src[i]: its text and the index after it."""
        end = src.find("$", i + 1)
        if end < 0:
            return "", i + 1
        if end == i + 1:  # $$...$$
            close = src.find("$$", i + 2)
            end, body = (close, src[i + 2 : close]) if close >= 0 else (i + 1, "")
            after = end + 2
        else:
            body, after = src[i + 1 : end], end + 1
        return (self.render(body, depth + 1, math=True) if not math else body), after

    def _control(self, src: str, i: int, depth: int, math: bool) -> tuple[str, int]:
        """The text of the control sequence at src[i] and the index after it (and its args)."""
        if i + 1 >= len(src):
            return "", i + 1
        if not src[i + 1].isalpha():
            symbol = src[i + 1]
            if symbol in T.ACCENTS and symbol.isascii() and not symbol.isalnum():
                arg, end = argument(src, i + 2)
                return apply_accent(symbol, self.render(arg, depth + 1, math)), end
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
        return self._macro(name, src, after, depth, math)

    def _macro(self, name: str, src: str, after: int, depth: int, math: bool) -> tuple[str, int]:
        definition = self.macros.get(name)
        if definition is not None:
            return self._expand(definition, src, after, depth, math)
        if name in AAS_JOURNALS:
            return AAS_JOURNALS[name], after
        if name in T.LETTERS and not math:
            return T.LETTERS[name], after
        handler = _HANDLERS.get(name)
        if handler is not None:
            return handler(self, name, src, after, depth, math)
        text = _SYMBOLS.get(name)
        if text is not None:
            return text, after
        if name in T.MATH_FUNCTIONS:
            follows = after < len(src) and src[after].isalnum()
            return name + (" " if follows else ""), after
        symbol = library_symbol(name)
        if symbol is not None:
            return symbol, after
        self.unknown.append(name)
        return "", after  # its arguments follow as groups and are read as text

    def _expand(self, definition: MacroDef, src: str, after: int, depth: int, math: bool):
        self.expansions += 1
        if self.expansions > MAX_EXPANSIONS:
            raise Trouble("a macro expands without end")
        args, after = arguments(src, after, definition.nargs)
        return self.render(definition.expand(args), depth + 1, math), after

    # --- one handler per kind of macro: (name, src, index after the name, depth, math) --------

    def _accent(self, name: str, src: str, after: int, depth: int, math: bool):
        arg, after = argument(src, after)
        return apply_accent(name, self.render(arg, depth + 1, math)), after

    def _keep(self, name: str, src: str, after: int, depth: int, math: bool):
        arg, after = argument(src, after)
        text = self.render(arg, depth + 1, math)
        if name in T.UPPERCASE:
            text = text.upper()
        elif name in T.LOWERCASE:
            text = text.lower()
        return ("“" + text + "”" if name in ("enquote", "mkbibquote") else text), after

    def _last_of(self, name: str, src: str, after: int, depth: int, math: bool):
        args, after = arguments(src, after, T.LAST_OF[name])
        if name == "href" and args:
            self.links.append(unescape_url(args[0]).translate(RESTORE))
        return self.render(args[-1] if args else "", depth + 1, math), after

    def _url(self, name: str, src: str, after: int, depth: int, math: bool):
        arg, after = argument(src, after)
        if _ARGUMENT_MACRO.search(arg):  # macros inside: not a URL, read it as text
            return self.render(arg, depth + 1, math), after
        url = unescape_url(arg).replace("\\", "")  # a backslash is no part of a link
        self.links.append(url.translate(RESTORE))
        return url, after

    def _drop(self, name: str, src: str, after: int, depth: int, math: bool):
        _, after = arguments(src, after, T.DROP_WITH_ARGUMENT[name])
        return "", after

    def _text_script(self, name: str, src: str, after: int, depth: int, math: bool):
        arg, after = argument(src, after)
        mark = "^" if name == "textsuperscript" else "_"
        return script(mark, self.render(arg, depth + 1, math)), after

    def _fraction(self, name: str, src: str, after: int, depth: int, math: bool):
        args, after = arguments(src, after, 2)
        parts = [self.render(a, depth + 1, True) for a in args]
        return "/".join(p if len(p) == 1 else f"({p})" for p in parts), after

    def _root(self, name: str, src: str, after: int, depth: int, math: bool):
        if after < len(src) and src[after] == "[":
            close = src.find("]", after)
            after = close + 1 if close > 0 else after
        arg, after = argument(src, after)
        root = self.render(arg, depth + 1, True)
        return "√" + (root if len(root) <= 1 else f"({root})"), after

    def _double_struck(self, name: str, src: str, after: int, depth: int, math: bool):
        arg, after = argument(src, after)
        text = self.render(arg, depth + 1, True)
        return "".join(T.DOUBLE_STRUCK.get(c, c) for c in text), after

    def _math_accent(self, name: str, src: str, after: int, depth: int, math: bool):
        """$\\bar{t}$ -> t̄, $\\overline{D}$ -> D̅: the mark over each character of the base."""
        arg, after = argument(src, after)
        mark = T.MATH_ACCENTS[name]
        base = self.render(arg, depth + 1, True)
        return "".join(c + mark if c.isalnum() else c for c in base), after

    def _unicode(self, name: str, src: str, after: int, depth: int, math: bool):
        """MathJax's \\unicode{x2013} or \\unicode{8211}: that character."""
        if after < len(src) and src[after] == "[":
            close = src.find("]", after)
            after = close + 1 if close > 0 else after
        arg, after = argument(src, after)
        code = arg.strip().lower()
        try:
            number = int(code[1:], 16) if code.startswith(("x", "#x")) else int(code.strip("#"))
            return chr(number) if 0x20 <= number <= 0x10FFFF else "", after
        except ValueError:
            return arg, after


_Handler = Callable[[Reader, str, str, int, int, bool], tuple[str, int]]


def _handlers() -> dict[str, _Handler]:
    """Macro name -> handler; where tables overlap, the earlier kind wins (as it always has)."""
    kinds: list[tuple[object, _Handler]] = [
        (T.ACCENTS, Reader._accent),
        (T.KEEP_ARGUMENT, Reader._keep),
        (T.LAST_OF, Reader._last_of),
        (T.URL_MACROS, Reader._url),
        (T.DROP_WITH_ARGUMENT, Reader._drop),
        (("textsuperscript", "textsubscript"), Reader._text_script),
        (("frac", "dfrac", "tfrac"), Reader._fraction),
        (("sqrt",), Reader._root),
        (("mathbb",), Reader._double_struck),
        (T.MATH_ACCENTS, Reader._math_accent),
        (("unicode",), Reader._unicode),
    ]
    table: dict[str, _Handler] = {}
    for names, handler in reversed(kinds):
        table.update(dict.fromkeys(names, handler))  # type: ignore[call-overload]
    return table


_HANDLERS = _handlers()
HANDLED = frozenset(_HANDLERS)
# Macros that print a fixed text: nothing (font switches), a space, or a symbol.
_SYMBOLS = {
    **T.MATH_SYMBOLS,
    **T.TEXT_SYMBOLS,
    **dict.fromkeys(T.SPACES, " "),
    **dict.fromkeys(T.DROP, ""),
}


def group(src: str, start: int) -> tuple[str, int]:
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


def argument(src: str, i: int) -> tuple[str, int]:
    """One macro argument: a braced group, a control sequence, or one character."""
    n = len(src)
    while i < n and src[i] in " \t\n":
        i += 1
    if i >= n:
        return "", i
    if src[i] == "{":
        return group(src, i)
    if src[i] == "\\":
        end = i + 1
        if end < n and src[end].isalpha():
            while end < n and src[end].isalpha():
                end += 1
        else:
            end += 1
        return src[i:end], end
    return src[i], i + 1


def arguments(src: str, i: int, count: int) -> tuple[list[str], int]:
    args = []
    for _ in range(count):
        arg, i = argument(src, i)
        args.append(arg)
    return args, i


def apply_accent(accent: str, text: str) -> str:
    if not text:
        return ""
    base = {"ı": "i", "ȷ": "j"}.get(text[0], text[0])
    return unicodedata.normalize("NFC", base + T.ACCENTS[accent]) + text[1:]


def script(mark: str, text: str) -> str:
    """A super- or subscript in Unicode where it has one; marks (*, †) stand for themselves."""
    if not text:
        return ""
    chars = T.SUPERSCRIPT_CHARS if mark == "^" else T.SUBSCRIPT_CHARS
    if all(c in chars or c == "," for c in text):
        return text.translate(T.SUPERSCRIPTS if mark == "^" else T.SUBSCRIPTS)
    if all(c in T.MARK_CHARS or c in ", " for c in text):
        return text.replace(" ", "")
    return f"{mark}{text}" if len(text) == 1 else f"{mark}({text})"
