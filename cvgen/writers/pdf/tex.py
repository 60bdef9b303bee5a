"""Run a TeX engine on a generated document, safely, and turn its failures into readable errors.

TeX is a programming language, and a user's theme brings TeX code of its own (its latex.tex,
the LaTeX lines of its theme.yaml), so we run every engine as untrusted, alike: no shell
escape (shell_escape=f), no sockets (LuaTeX's --nosocket), writes only into a fresh private
work folder (openout_any=p; see files/private.py), reads refused for dot files and parent
folders (openin_any=p), an environment without the user's secrets (files/children.py), capped
memory and processor time, and a timeout per pass. kpathsea's settings do not cover all of
TeX: pdfTeX's `\\pdfobj file {...}` embeds any file, and LuaTeX's Lua opens any file and
registers file-finding callbacks. So on Linux the engine runs under Landlock (files/
confine.py): it reads only TeX's own trees, the fonts and its work folder, writes only there
(and in a private luaotfload cache), and connects nowhere. Where Landlock is missing, a theme
that is not cvgen's own is refused unless the user names it in CVGEN_TRUSTED_THEMES.

Passes repeat only until the .aux stops changing (page N of M needs two); the first one skips
writing the PDF (draft mode). pdflatex is about four times faster than lualatex, so `auto`
picks it whenever every character of the CV's text is one that pdflatex's T1/TS1 fonts can
set; Greek, Hebrew, CJK or math symbols in the data switch to lualatex. The theme never
decides: only the text the CV shows is looked at, not the theme's macros.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cvgen.errors import CvgenError
from cvgen.files.children import confined, environment
from cvgen.files.private import work_folder
from cvgen.util.progress import step
from cvgen.writers.pdf.tex_sandbox import luaotfload_cache, refuse_unconfined, tex_folders

ENGINES = ("pdflatex", "lualatex", "xelatex")
# Run by LuaTeX before its format loads (and so before luaotfload takes os.tmpname): kpathsea
# set up as usual, and temporary names in the work folder, since Lua's own are in /tmp, which
# the confined engine may not write (luaotfload keeps a colour emoji's PNG there).
LUA_INIT_FILE = "cvgen-init.lua"
LUA_INIT = """texconfig.kpse_init = true
local count = 0
function os.tmpname()
  count = count + 1
  return "cvgen-tmp-" .. count
end
"""
TIMEOUT_SECONDS = 120  # per pass; the first lualatex run on a machine builds its font cache
MAX_PASSES = 4
MAX_MEMORY = 1 << 30  # bytes of data (heap); the fonts LuaLaTeX maps count apart
DEBIAN_PACKAGES = (
    "texlive-latex-base texlive-latex-recommended texlive-latex-extra "
    "texlive-fonts-recommended texlive-plain-generic texlive-luatex lmodern fonts-noto-core "
    "tex-gyre fonts-texgyre"
)
ENGINE_PACKAGES = {
    "pdflatex": "texlive-latex-base",
    "lualatex": "texlive-luatex",
    "xelatex": "texlive-xetex",
}

# Code points pdflatex sets with T1 + TS1 fonts (from t1enc.dfu, ts1enc.dfu, ot1enc.dfu and
# omsenc.dfu; tests/writers/pdf/test_tex.py compiles all of them with pdflatex).
_PDFLATEX_RANGES = (
    (0x0020, 0x007E), (0x00A0, 0x0125), (0x0128, 0x0137), (0x0139, 0x013E), (0x0141, 0x0148),
    (0x014A, 0x0165), (0x0168, 0x017E), (0x0192, 0x0192), (0x01C4, 0x01D4), (0x01E2, 0x01E3),
    (0x01E6, 0x01EB), (0x01F0, 0x01F0), (0x01F4, 0x01F5), (0x0218, 0x021B), (0x0232, 0x0233),
    (0x0237, 0x0237), (0x02C7, 0x02C7), (0x02D8, 0x02D9), (0x02DB, 0x02DB), (0x02DD, 0x02DD),
    (0x0E3F, 0x0E3F), (0x1E02, 0x1E03), (0x1E0D, 0x1E0D), (0x1E1E, 0x1E21), (0x1E25, 0x1E25),
    (0x1E30, 0x1E31), (0x1E37, 0x1E37), (0x1E43, 0x1E43), (0x1E45, 0x1E45), (0x1E47, 0x1E47),
    (0x1E5B, 0x1E5B), (0x1E63, 0x1E63), (0x1E6D, 0x1E6D), (0x1E8E, 0x1E91), (0x1E9E, 0x1E9E),
    (0x1EF2, 0x1EF3), (0x2010, 0x2016), (0x2018, 0x201A), (0x201C, 0x201E), (0x2020, 0x2022),
    (0x2026, 0x2026), (0x2030, 0x2031), (0x2039, 0x203B), (0x203D, 0x203D), (0x2044, 0x2044),
    (0x204E, 0x204E), (0x2052, 0x2052), (0x20A1, 0x20A1), (0x20A4, 0x20A4), (0x20A6, 0x20A6),
    (0x20A9, 0x20A9), (0x20AB, 0x20AC), (0x20B1, 0x20B1), (0x2103, 0x2103), (0x2116, 0x2117),
    (0x211E, 0x211E), (0x2120, 0x2120), (0x2122, 0x2122), (0x2126, 0x2127), (0x212E, 0x212E),
    (0x2190, 0x2193), (0x2329, 0x232A), (0x2422, 0x2423), (0x25E6, 0x25E6), (0x25EF, 0x25EF),
    (0x266A, 0x266A), (0x27E8, 0x27E9), (0x3008, 0x3009), (0xFB00, 0xFB06),
)  # fmt: skip
PDFLATEX_CHARS = frozenset(
    chr(code) for low, high in _PDFLATEX_RANGES for code in range(low, high + 1)
) | frozenset("\n\t")

# A TeX error: "! ..." at the start of a line or right after a closing bracket (of a page or a
# file: "[1{pdftex.map}]! Unable to read an entire line"), or file:line: with -file-line-error.
_ERROR_START = re.compile(r"^(! .*)|[\])}](! [A-Z=].*)|^([^\s:]+:\d+: .*)")
_SOURCE_LINE = re.compile(r"^l\.(\d+) |^.*?\.tex:(\d+): ")
_REFUSED = re.compile(r"\S+: (\S.*?): Permission denied$", re.M)  # a file Landlock kept from it
_PROMPT = re.compile(r"^(Type |or enter new name|Enter file name|<read |See the LaTeX manual)")


class TexNotFound(CvgenError):
    """No usable TeX engine on this machine; `cvgen pdf --engine auto` falls back on it."""


@dataclass(frozen=True)
class TexResult:
    pdf: bytes
    engine: str
    passes: int
    log: str


def unicode_char(tex: str) -> str | None:
    """The first character pdflatex cannot set, or None when pdflatex will do."""
    return next((ch for ch in tex if ch not in PDFLATEX_CHARS), None)


def choose_engine(text: str, engine: str = "auto") -> str:
    """The engine to run: the one asked for, or for `auto` the fastest that sets every
    character of `text` (the CV's own text, never a theme's macros)."""
    if engine != "auto":
        return engine
    if unicode_char(text) or (not shutil.which("pdflatex") and shutil.which("lualatex")):
        return "lualatex"  # LuaTeX sets Latin text too, only slower
    return "pdflatex"


def _pdflatex_cannot(char: str) -> CvgenError:
    """pdflatex asked for by name, for a CV with characters its 8-bit fonts lack: said plainly
    rather than as TeX's 'Unicode character ... not set up for use with LaTeX'."""
    name = unicodedata.name(char, f"U+{ord(char):04X}")
    script = name.split()[0].capitalize()
    return CvgenError(
        f"pdflatex cannot set {script} text (the CV has {char!r}, {name}); use the default "
        "engine (--engine auto, which picks LuaLaTeX for such a CV), or --engine lualatex "
        "or --engine typst."
    )


def _missing(engine: str, asked: str) -> TexNotFound:
    if asked == "auto":
        return TexNotFound(
            "No TeX engine is installed (cvgen looks for pdflatex and lualatex). "
            f"On Debian/Ubuntu: sudo apt-get install {DEBIAN_PACKAGES}"
        )
    return TexNotFound(
        f"{engine} is not installed. On Debian/Ubuntu: sudo apt-get install "
        f"{ENGINE_PACKAGES[engine]} (everything a CV uses: {DEBIAN_PACKAGES})"
    )


def source_date_epoch() -> str:
    """$SOURCE_DATE_EPOCH when set (reproducible-builds.org), else today's midnight UTC: the
    same inputs then give a byte-identical PDF all day, and its date is still the build date."""
    today = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return os.environ.get("SOURCE_DATE_EPOCH") or str(int(today.timestamp()))


def _environment() -> dict[str, str]:
    return environment(
        {
            "SOURCE_DATE_EPOCH": source_date_epoch(),
            "FORCE_SOURCE_DATE": "1",  # also fixes the PDF's /ID, which TeX derives from the date
            "openout_any": "p",
            "openin_any": "p",
            "shell_escape": "f",
            "max_print_line": "10000",  # unwrapped log lines, so errors can be quoted whole
            "error_line": "254",
            "half_error_line": "238",
            "TEXMFCACHE": str(luaotfload_cache()),
        }
    )


def _command(engine: str, draft: bool) -> list[str]:
    command = [engine, "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error"]
    command.append("-file-line-error")
    if engine == "lualatex":  # the format after LUA_INIT, which runs first (see LUA_INIT)
        command += ["--nosocket", f"--lua={LUA_INIT_FILE}", "--fmt=lualatex"]
    if draft:
        command.append("-no-pdf" if engine == "xelatex" else "-draftmode")
    return [*command, "cv.tex"]


def error_excerpt(log: str, tex: str) -> str | None:
    """The `!` error of a TeX log with its context lines, and the source line it points at;
    None when the log holds no error."""
    lines = log.splitlines()
    found = next(((i, m) for i, line in enumerate(lines) if (m := _ERROR_START.search(line))), None)
    if found is None:
        return None
    start, match = found
    first = next(group for group in match.groups() if group)
    excerpt = [first, *lines[start + 1 : start + 12]]
    for end, line in enumerate(excerpt):
        if line.startswith("l.") and end:
            excerpt = excerpt[: end + 1]
            break
    numbers = [m.group(1) or m.group(2) for m in map(_SOURCE_LINE.match, excerpt) if m]
    source = tex.splitlines()
    if numbers and 0 < int(numbers[-1]) <= len(source):
        excerpt.append(f"cv.tex line {numbers[-1]}: {source[int(numbers[-1]) - 1].strip()}")
    if "Unable to read an entire line" in excerpt[0]:  # not a setting to raise: data to cut
        excerpt[1:] = [
            "(a line of cv.tex is longer than TeX reads: a text in the data is too long)"
        ]
    return "\n".join(line for line in excerpt if line.strip() and not _PROMPT.match(line))


def _run_pass(engine: str, directory: Path, draft: bool, tex: str) -> str:
    read, write = [*tex_folders(), directory], [directory, luaotfload_cache()]
    command = confined(_command(engine, draft), read, write, MAX_MEMORY, TIMEOUT_SECONDS)
    try:
        done = subprocess.run(
            command,
            cwd=directory,
            env=_environment(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise CvgenError(
            f"{engine} did not finish within {TIMEOUT_SECONDS} s; nothing was written."
        ) from None
    log_path = directory / "cv.log"
    log = log_path.read_text("utf-8", errors="replace") if log_path.exists() else ""
    if done.returncode != 0:
        streams = b"\n".join((done.stdout, done.stderr))  # a fatal error is not in the log
        output = streams.decode("utf-8", "replace")
        refused = _REFUSED.search(output)
        if refused:
            raise CvgenError(
                f"{engine} was refused {refused.group(1)}: the theme's TeX asked for a file "
                "outside TeX's own and its work folder, which cvgen does not let it read or "
                "write; nothing was written."
            )
        detail = error_excerpt(log, tex) or error_excerpt(output, tex)
        detail = detail or "\n".join((log or output).splitlines()[-15:])
        raise CvgenError(f"{engine} failed; nothing was written. From the TeX log:\n{detail}")
    return log


def run_tex(
    tex: str, engine: str = "auto", text: str | None = None, theme: str | None = None
) -> TexResult:
    """Typeset `tex` in a temporary directory; the PDF bytes, the engine and passes used.
    `text` is what the CV shows (it chooses the engine for `auto`; default: all of `tex`);
    `theme` names a theme that is not cvgen's own, whose TeX runs only where it can be
    confined or where the user trusts it."""
    shown = tex if text is None else text  # the CV's own text, never a theme's macros
    chosen = choose_engine(shown, engine)
    if chosen == "pdflatex" and (char := unicode_char(shown)):
        raise _pdflatex_cannot(char)
    if not shutil.which(chosen):
        raise _missing(chosen, engine)
    if theme is not None:
        refuse_unconfined(theme)
    with work_folder("tex") as directory:
        (directory / "cv.tex").write_text(tex, encoding="utf-8")
        (directory / LUA_INIT_FILE).write_text(LUA_INIT, encoding="utf-8")
        aux = directory / "cv.aux"
        previous, log = None, ""
        for passes in range(1, MAX_PASSES + 1):
            draft = passes == 1
            with step(f"Typesetting with {chosen}, pass {passes}"):
                log = _run_pass(chosen, directory, draft, tex)
            current = aux.read_bytes() if aux.exists() else b""
            if not draft and current == previous:
                break
            previous = current
        return TexResult((directory / "cv.pdf").read_bytes(), chosen, passes, log)
