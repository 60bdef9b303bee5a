"""citeproc-py, adapted to a CV: every author listed, no citation numbers, names findable.

A parsed style is changed once, in its XML tree, before it formats anything:
- the et-al rules go (a CV lists every author, so no "et al." can hide the owner);
- the style's citation number goes with its brackets (cvgen numbers the list itself);
- every name element gets given/family name parts wrapped in sentinels (see sentinels.py), so
  `decode` can find each author's whole printed name after initialising and inverting.
This is the only module that imports citeproc and lxml; it is loaded only when a reference is
not in the cache.
"""

from __future__ import annotations

import warnings
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc.source.json import CiteProcJSON
from citeproc.string import String
from lxml import etree

from cvgen.citations import fixes, sentinels, speedups
from cvgen.citations.catalog import StyleFile
from cvgen.citations.decode import Quotes
from cvgen.citations.formatter import Formatter
from cvgen.errors import CvgenError
from cvgen.util.progress import advance

CSL = "{http://purl.org/net/xbiblio/csl}"
_ET_AL = (
    "et-al-min",
    "et-al-use-first",
    "et-al-use-last",
    "et-al-subsequent-min",
    "et-al-subsequent-use-first",
)
_NAME_PARTS = {
    "given": (sentinels.GIVEN_OPEN, sentinels.GIVEN_CLOSE),
    "family": (sentinels.FAMILY_OPEN, sentinels.FAMILY_CLOSE),
}

speedups.install()
fixes.install()


class _Source(CiteProcJSON):
    """CSL-JSON read as plain text: cvgen's strings hold no markup, so a title's literal
    '<span class="nocase">' stays text."""

    def parse_string(self, string: Any) -> String:
        return String(str(string))


def _adapt(root: etree._Element) -> None:
    for element in root.iter():
        for attribute in _ET_AL:
            element.attrib.pop(attribute, None)
    for tag in ("text", "number"):
        for element in list(root.iter(CSL + tag)):
            if element.get("variable") == "citation-number":
                element.getparent().remove(element)
    bibliography = root.find(CSL + "bibliography")
    for attribute in ("second-field-align", "subsequent-author-substitute"):
        bibliography.attrib.pop(attribute, None)
    for name in _name_elements(root):
        for part, (opening, closing) in _NAME_PARTS.items():
            element = name.find(f"{CSL}name-part[@name='{part}']")
            if element is None:
                element = etree.SubElement(name, CSL + "name-part", name=part)
            element.set("prefix", opening + element.get("prefix", ""))
            element.set("suffix", element.get("suffix", "") + closing)


def _name_elements(root: etree._Element) -> list[etree._Element]:
    """Every cs:name that formats names (not the style's own <info> credits). A cs:names without
    one gets an empty cs:name, as citeproc-py would at render time, unless it is a substitute
    (which borrows its parent's name element)."""
    found = []
    for names in root.iter(CSL + "names"):
        name = names.find(CSL + "name")
        if name is None and names.getparent().tag != CSL + "substitute":
            name = etree.Element(CSL + "name")
            names.insert(0, name)
        if name is not None:
            found.append(name)
    return found


def _locale_quotes(style: CitationStylesStyle) -> Quotes | None:
    if (style.root.get_locale_option("punctuation-in-quote") or "").lower() != "true":
        return None
    terms = [str(style.root.get_single_term(name)) for name in ("open-quote", "close-quote")]
    return Quotes(*terms) if all(terms) and terms[0] != terms[1] else None


class Engine:
    """One parsed, adapted style; formats CSL-JSON items into sentinel-marked strings."""

    def __init__(self, style_file: StyleFile, origin: str) -> None:
        where = f"{origin}: {style_file.dependent or style_file.path}"
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                style = CitationStylesStyle(
                    str(style_file.path), locale=style_file.locale, validate=False
                )
        except etree.XMLSyntaxError as exc:
            raise CvgenError(f"{where} is not a valid CSL file: {exc}") from None
        except Exception as exc:  # citeproc-py fails on odd styles with assorted errors
            raise CvgenError(f"{where}: citeproc-py cannot read this style ({exc})") from None
        if style.root.tag != CSL + "style":
            raise CvgenError(f"{where} is not a CSL style (its root is not <style>)")
        if not style.has_bibliography():
            raise CvgenError(f"{where} has no bibliography layout, so it cannot format a list")
        _adapt(style.root)
        style.root.formatter = Formatter
        self.style = style
        self.quotes = _locale_quotes(style)
        # lxml keeps an element's Python object (the memo's key) only while it is referenced.
        self._elements = [e for tree in (style.root, *style.root.locales) for e in tree.iter()]

    def format(self, items: list[dict[str, Any]]) -> list[str | None]:
        """One string per item, in the given order (the CV's, not the style's sort); None for an
        item citeproc-py failed on, so one odd entry cannot stop the whole list."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # citeproc-py warns about CSL keys it ignores
            source = _Source(items)
            bibliography = CitationStylesBibliography(self.style, source, Formatter)
            for item in items:
                bibliography.register(Citation([CitationItem(item["id"])]))
            cites = bibliography.items
            formatted = []
            for done, cite in enumerate(cites):
                advance(done, len(cites))
                formatted.append(self._one(cite))
            return formatted

    def _one(self, cite: CitationItem) -> str | None:
        try:
            rendered = self.style.render_bibliography([cite])
        except Exception:  # a style feature citeproc-py trips over on this item
            return None
        return str(rendered[0]) if rendered else None
