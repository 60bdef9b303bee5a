"""Characters no font can show, found before the PDF is written and named with the package that
has them.

A blank or a box where a co-author's name was is lost data, and every engine lets it pass with
exit 0. So: LuaLaTeX's log says which characters none of its fonts had ("Missing character"
lines); Typst and weasyprint use every installed font, so the CV's characters are checked
against what fontconfig says those fonts cover (one `fc-list` call, about 20 ms). By default
such a PDF is not written; `--missing-characters warn` (or the design's `missing_characters:
warn`) writes it with a warning.
"""

from __future__ import annotations

import bisect
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from cvgen.errors import CvgenError

# Default-ignorable code points (joiners, variation selectors, bidi marks): shapers draw nothing
# for them whatever the font, so no font needs them.
_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)  # fmt: skip
EMOJI_BLOCKS = ((0x1F000, 0x1FAFF),)  # pictographs: Noto Color Emoji draws them as images
CJK_BLOCKS = (
    (0x1100, 0x11FF), (0x2E80, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
)  # fmt: skip
RARE_CJK_BLOCKS = ((0x20000, 0x3FFFF),)  # CJK Extension B and later


def in_blocks(code: int, blocks: tuple[tuple[int, int], ...]) -> bool:
    """Whether a code point lies in one of the (first, last) ranges."""
    return any(low <= code <= high for low, high in blocks)


def is_emoji(ch: str) -> bool:
    return in_blocks(ord(ch), EMOJI_BLOCKS)


# (blocks, what they hold, Debian package, a font file of that package)
PACKAGES = (
    (RARE_CJK_BLOCKS, "rare CJK characters (Extension B and later)", "fonts-hanazono",
     "HanaMinB.ttf"),
    (CJK_BLOCKS, "Chinese, Japanese and Korean", "fonts-noto-cjk", "NotoSansCJK-Regular.ttc"),
    ((*EMOJI_BLOCKS, (0x2600, 0x27BF)), "emoji", "fonts-noto-color-emoji",
     "NotoColorEmoji.ttf"),
    (((0, 0x10FFFF),), "most scripts and symbols", "fonts-noto-core",
     "NotoSans-Regular.ttf"),
)  # fmt: skip
EXTRA_PACKAGE = "fonts-noto-extra"  # the rest of Noto, when fonts-noto-core lacks a character
SHOWN = 12  # characters listed in a message; the rest are counted
_MISSING_LINE = re.compile(r"Missing character: There is no (.) \(U\+([0-9A-F]{4,6})\)")


class MissingCharacters(CvgenError):
    """Characters of the CV that no font of the engine has; nothing was written."""


class Coverage:
    """What the installed fonts cover, read from fontconfig's listing one font at a time, only
    as far as a question needs: a CV's characters are mostly found in the first fonts asked,
    while reading every font's ranges takes 0.2 s on a machine with 400 fonts."""

    def __init__(self, charsets: dict[str, str]) -> None:
        self.charsets = charsets  # font file -> fontconfig's ranges, such as `20-7e a0`
        self._ranges: dict[str, tuple[list[int], list[int]]] = {}

    def _covers(self, file: str, code: int) -> bool:
        if file not in self._ranges:
            self._ranges[file] = _merged(_code_range(item) for item in self.charsets[file].split())
        starts, ends = self._ranges[file]
        index = bisect.bisect_right(starts, code) - 1
        return index >= 0 and code <= ends[index]

    def has(self, code: int) -> bool:
        return any(self._covers(file, code) for file in self.charsets)

    def fonts_with(self, code: int) -> list[str]:
        return [Path(file).name for file in self.charsets if self._covers(file, code)]


def _merged(ranges: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Ranges (of one file's faces, which may overlap) as sorted disjoint starts and ends."""
    starts: list[int] = []
    ends: list[int] = []
    for low, high in sorted(ranges):
        if ends and low <= ends[-1] + 1:
            ends[-1] = max(ends[-1], high)
        else:
            starts.append(low)
            ends.append(high)
    return starts, ends


def _code_range(item: str) -> tuple[int, int]:
    low, _, high = item.partition("-")
    return int(low, 16), int(high or low, 16)


@lru_cache(maxsize=1)
def installed_coverage() -> Coverage | None:
    """The installed fonts' coverage, as fontconfig knows it; None where there is no
    fontconfig (then nothing is checked, rather than everything refused)."""
    if not shutil.which("fc-list"):
        return None
    try:
        listing = subprocess.run(
            ["fc-list", "--format", "%{file}\t%{charset}\n"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return parse_fc_list(listing)


def parse_fc_list(listing: str) -> Coverage:
    """`fc-list --format '%{file}\\t%{charset}\\n'`: a file, then ranges such as `20-7e a0`
    (a file with several faces comes once per face)."""
    charsets: dict[str, str] = {}
    for line in listing.splitlines():
        file, _, charset = line.partition("\t")
        charsets[file] = f"{charsets[file]} {charset}" if file in charsets else charset
    return Coverage(charsets)


def _needs_a_font(ch: str) -> bool:
    code = ord(ch)
    if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
        return False
    return not in_blocks(code, _IGNORABLE)


def uncovered(text: Iterable[str], coverage: Coverage) -> list[str]:
    """The distinct characters of `text` that no installed font has, in code-point order."""
    return sorted(ch for ch in set(text) if _needs_a_font(ch) and not coverage.has(ord(ch)))


def tex_missing(log: str) -> list[str]:
    """The characters a LuaLaTeX log says none of its fonts had."""
    found = {chr(int(code, 16)) for _, code in _MISSING_LINE.findall(log)}
    return sorted(ch for ch in found if _needs_a_font(ch))


def document_texts(tree: Any) -> list[str]:
    """Every string in the document's JSON (to_json), to find the characters and where."""
    if isinstance(tree, str):
        return [tree]
    if isinstance(tree, dict):
        return [text for value in tree.values() for text in document_texts(value)]
    if isinstance(tree, list | tuple):
        return [text for value in tree for text in document_texts(value)]
    return []


def _where(ch: str, texts: list[str]) -> str:
    text = next((t for t in texts if ch in t), "")
    index = text.find(ch)
    if index < 0:
        return ""
    start, end = max(0, index - 15), min(len(text), index + 16)
    snippet = " ".join(text[start:end].split())
    return f", in “{'…' if start else ''}{snippet}{'…' if end < len(text) else ''}”"


def _packages(chars: list[str], coverage: Coverage | None) -> str:
    """Which Debian package has which of the characters, and whether it is installed."""
    files = {Path(file).name for file in coverage.charsets} if coverage else set()
    groups: dict[tuple[str, str, str], list[str]] = {}
    for ch in chars:
        _, what, package, marker = next(entry for entry in PACKAGES if in_blocks(ord(ch), entry[0]))
        if package == "fonts-noto-core" and marker in files:
            package = EXTRA_PACKAGE
        groups.setdefault((what, package, marker), []).append(ch)
    parts = []
    for (what, package, marker), group in groups.items():
        shown = " ".join(group[:SHOWN])
        if package == EXTRA_PACKAGE:
            parts.append(f"{package}, the rest of the Noto fonts, may have {shown}")
        elif marker in files:
            parts.append(f"{package} (installed) has {what}, but not {shown}: a newer one may")
        else:
            parts.append(f"{package} for {what}: {shown}")
    return "; ".join(parts)


def missing_message(chars: list[str], engine: str, texts: list[str]) -> str:
    """What is missing and where, which package has it, and what else to do."""
    coverage = installed_coverage()
    listed = ", ".join(f"{ch} (U+{ord(ch):04X}{_where(ch, texts)})" for ch in chars[:SHOWN])
    more = f", and {len(chars) - SHOWN} more" if len(chars) > SHOWN else ""
    count = f"{len(chars)} character{'s' if len(chars) != 1 else ''}"
    lines = [
        f"{engine} has no font for {count} of the CV, so the PDF would show blanks or boxes "
        f"there: {listed}{more}."
    ]
    elsewhere = [ch for ch in chars if coverage and coverage.has(ord(ch))]
    if elsewhere:
        fonts = sorted({f for ch in elsewhere for f in coverage.fonts_with(ord(ch))})  # type: ignore[union-attr]
        lines.append(
            f"Installed fonts that have {' '.join(elsewhere[:SHOWN])}: {', '.join(fonts[:4])}; "
            "the typst and weasyprint engines use every installed font (--engine typst)."
        )
    absent = [ch for ch in chars if ch not in elsewhere]
    if absent:
        lines.append(
            f"No installed font has {' '.join(absent[:SHOWN])}. On Debian/Ubuntu: "
            f"{_packages(absent, coverage)}. Or write them differently."
        )
    lines.append(
        "To write the PDF anyway, with this warning: --missing-characters warn, or in cv.yaml "
        "design: {missing_characters: warn}."
    )
    return "\n".join(lines)
