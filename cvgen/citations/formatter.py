"""The formatter citeproc-py writes through: each style (italic, bold, ...) as a pair of
sentinels around the text, which `decode` turns into Span flags."""

from __future__ import annotations

from collections.abc import Callable

from citeproc.string import String

from cvgen.citations import sentinels as s


class _Wrapped(String):
    """A formatted piece; capitalising skips the leading sentinels to reach the first letter
    (and, as CSL says, leaves a first word that is not all lower case alone)."""

    def capitalize_first(self) -> String:
        text = str(self)
        start = s.LEADING.match(text).end()  # type: ignore[union-attr]
        words = s.SENTINEL.sub("", text).split(maxsplit=1)
        if start == len(text) or not words or not words[0].islower():
            return self
        return _Wrapped(text[:start] + text[start].upper() + text[start + 1 :])


def _wrapper(opening: str, closing: str) -> Callable[[object], String]:
    def wrap(text: object) -> String:
        return _Wrapped(f"{opening}{text}{closing}")

    return wrap


class Formatter:
    """The formatter citeproc-py calls (it expects a module's names: Italic, Bold, ...)."""

    Italic = Oblique = staticmethod(_wrapper(s.ITALIC_OPEN, s.ITALIC_CLOSE))
    Bold = staticmethod(_wrapper(s.BOLD_OPEN, s.BOLD_CLOSE))
    Underline = staticmethod(_wrapper(s.UNDERLINE_OPEN, s.UNDERLINE_CLOSE))
    Superscript = staticmethod(_wrapper(s.SUPERSCRIPT_OPEN, s.SUPERSCRIPT_CLOSE))
    Subscript = SmallCaps = staticmethod(_wrapper(s.PLAIN_OPEN, s.PLAIN_CLOSE))

    @staticmethod
    def preformat(text: object) -> object:
        return text

    Light = preformat  # a CV has no light weight: the text stays as it is
