"""A tiny element tree over the stdlib html.parser, for asserting on rendered HTML in tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})


@dataclass
class Element:
    tag: str
    attrs: list[tuple[str, str | None]]
    children: list[Element | str] = field(default_factory=list)

    def get(self, name: str, default: str | None = None) -> str | None:
        return dict(self.attrs).get(name, default)

    @property
    def classes(self) -> set[str]:
        return set((self.get("class") or "").split())

    def iter(self, tag: str | None = None, cls: str | None = None) -> Iterator[Element]:
        """This element and its descendants, in document order, optionally filtered."""
        if (tag is None or self.tag == tag) and (cls is None or cls in self.classes):
            yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter(tag, cls)

    def find(self, tag: str | None = None, cls: str | None = None) -> Element | None:
        return next(self.iter(tag, cls), None)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [])
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, attrs)
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if any(element.tag == tag for element in self.stack[1:]):
            while self.stack.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


BLOCKS = frozenset(
    {"p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "section", "header", "nav"}
)


def visible_text(root: Element) -> str:
    """The text a reader sees: everything but <script>, <style>, <title> and <head>; block
    elements and table cells are set apart as a browser sets them apart."""
    hidden = {"script", "style", "title", "head"}

    def walk(element: Element) -> str:
        if element.tag in hidden:
            return ""
        text = "".join(c if isinstance(c, str) else walk(c) for c in element.children)
        return f"\n{text}\n" if element.tag in BLOCKS else text

    return walk(root)
