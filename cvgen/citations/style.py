"""The citation styles a CV's publication list can take, behind one call: `references(pubs)`.

    style = load_style("apa", base_dir=cv_folder)          # or "ieee", "my.csl"; None: cvgen's
    spans = style.references(pubs)                          # {pub.key: [Span, ...]}

The spans are the reference alone (the composer appends cvgen's annotations and links), in
the style's words and punctuation, with the CV's marks: the owner bold, students underlined,
equal contribution starred, whatever the style does to names. Numbering and order stay
cvgen's: numeric styles lose their own number. An entry the style cannot format is left out
of the result, with a warning, and the composer prints it in cvgen's own style.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from cvgen.citations import catalog
from cvgen.citations.cache import ReferenceCache, reference_key
from cvgen.citations.csl_json import csl_item
from cvgen.citations.items import engine_item, marks_of
from cvgen.document import Span
from cvgen.errors import Problem, Severity
from cvgen.files.project import Project
from cvgen.model import Publication
from cvgen.util.progress import step

if TYPE_CHECKING:
    from cvgen.citations.engine import Engine


class References(dict[str, list[Span]]):
    """Formatted references by publication key, and warnings about any the style could not
    format (those are left out: the composer prints them in cvgen's own style)."""

    def __init__(self, spans: dict[str, list[Span]], problems: list[Problem]) -> None:
        super().__init__(spans)
        self.problems = problems


@lru_cache(maxsize=8)
def _engine(style_file: catalog.StyleFile, fingerprint: str, origin: str) -> Engine:
    """One parsed style per process and file content (a .csl edited under `cvgen watch` is
    read again)."""
    from cvgen.citations.engine import Engine  # citeproc and lxml: only when formatting

    return Engine(style_file, origin)


class CitationStyle:
    """A CSL style, parsed on first need and cached per process; its references on disk."""

    def __init__(self, style_file: catalog.StyleFile, origin: str) -> None:
        self.file = style_file
        self.name = style_file.name
        self.origin = origin

    @property
    def title(self) -> str:
        return catalog.title_of(self.file.dependent or self.file.path)

    def engine(self) -> Engine:
        """The parsed style; raises CvgenError if the file is not a usable CSL style."""
        return _engine(self.file, self.file.fingerprint(), self.origin)

    def references(
        self, pubs: list[Publication], use_cache: bool = True, bib: str = "publications.bib"
    ) -> References:
        """Every publication's reference, formatted in one citeproc bibliography (only those
        not already in the cache). `bib` names the .bib file in warnings."""
        keys = [reference_key(pub) for pub in pubs]
        cache = ReferenceCache(self.file.fingerprint(), enabled=use_cache)
        found = {index: cache.get(key) for index, key in enumerate(keys)}
        missing = [index for index, spans in found.items() if spans is None]
        problems: list[Problem] = []
        if missing:
            from cvgen.citations.decode import decode

            with step(f"Reading the {self.name} style"):
                engine = self.engine()
            items = {i: csl_item(pubs[i]) for i in missing}
            with step(f"Formatting {len(missing)} references in the {self.name} style"):
                raws = engine.format([engine_item(items[i], pubs[i], f"i{i}") for i in missing])
            for index, raw in zip(missing, raws, strict=True):
                pub = pubs[index]
                if raw is None:
                    problems.append(self._fallback_problem(pub, bib))
                    continue
                found[index] = decode(raw, marks_of(pub, items[index]), engine.quotes)
                cache.put(keys[index], found[index])  # type: ignore[arg-type]
            cache.save(set(keys))
        spans = {pub.key: found[i] for i, pub in enumerate(pubs) if found[i] is not None}
        return References(spans, problems)  # type: ignore[arg-type]

    def _fallback_problem(self, pub: Publication, bib: str) -> Problem:
        message = f"the {self.name} style could not format this entry; cvgen's own style is used"
        return Problem(bib, pub.line, pub.key, message, Severity.WARNING)


_PREFERRED_REGIONS = {"en": "en-GB", "pt": "pt-BR"}  # cvgen's English is British


def csl_locale(language: str) -> str | None:
    """The CSL locale closest to a CV's language ('de' -> 'de-DE', 'en' -> 'en-GB'), so a
    style's terms ("pp.", "eds.", "in press") are in the CV's language; None if CSL has none."""
    import importlib.machinery

    spec = importlib.machinery.PathFinder.find_spec("citeproc")  # found on disk, not imported
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "data" / "locales"
    names = {p.name[len("locales-") : -len(".xml")] for p in folder.glob("locales-*.xml")}
    base = language.split("-")[0].lower()
    for candidate in (language, _PREFERRED_REGIONS.get(base), f"{base}-{base.upper()}", base):
        if candidate in names:
            return candidate
    return next((name for name in sorted(names) if name.startswith(f"{base}-")), None)


def load_style(
    spec: str | None,
    base_dir: Path,
    origin: str = "--style",
    locale: str | None = None,
    project: Project | None = None,
) -> CitationStyle | None:
    """The style `spec` names: None for cvgen's own (spec 'cvgen', None or ''), else the CSL
    style of that name or the .csl file at that path relative to `base_dir` (cv.yaml's
    folder). Raises CvgenError naming `origin` and the nearest style names when there is no
    such style. `locale` (e.g. 'en-GB') overrides the
    style's default locale: its terms, dates and quotation marks. A file cv.yaml names must
    stay inside its `project`."""
    style_file = catalog.resolve(spec or "", base_dir, origin, project)
    if style_file is None:
        return None
    if locale:
        style_file = dataclasses.replace(style_file, locale=locale)
    return CitationStyle(style_file, origin)
