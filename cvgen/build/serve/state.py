"""What the preview shows now, published to every open page.

A State is immutable: the builder publishes a new one (the last good preview kept in it when a
build fails), and each page's event stream waits for the next. The files it holds (the web
page, the PDF, its page images) are named by a hash of their bytes, so a page unchanged by a
save keeps its address and the browser its copy. Recent files stay served (up to KEPT_BYTES,
the current state's always), so a page still fetching those of a state that a burst of saves
has since replaced finds them.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from cvgen.build.serve.choice import Choice, Offers

KEPT_BYTES = 64 * 1024 * 1024  # the example's pages are 0.45 MB each; its web page 0.1 MB


@dataclass(frozen=True)
class Blob:
    """A file of the preview, served at /<folder>/<key>.<suffix>."""

    data: bytes
    media: str
    suffix: str
    folder: str = "cv"

    @cached_property
    def key(self) -> str:
        return hashlib.sha256(self.data).hexdigest()[:16]

    @property
    def url(self) -> str:
        return f"/{self.folder}/{self.key}.{self.suffix}"


@dataclass(frozen=True)
class State:
    """The preview: the choice, what was built for it, and the problems found on the way."""

    version: int = 0
    building: bool = True
    choice: Choice = field(default_factory=Choice)
    offers: Offers | None = None
    problems: tuple[dict[str, Any], ...] = ()
    html: Blob | None = None
    text: str | None = None  # a bio or biosketch, shown instead of the CV
    pdf: Blob | None = None
    pages: tuple[Blob, ...] = ()
    typesetting: bool = False  # the PDF of the web page shown is still being made
    note: str = ""  # about the PDF pane (no page images for this engine, say)
    seconds: tuple[tuple[str, float], ...] = ()

    def blobs(self) -> list[Blob]:
        return [b for b in (self.html, self.pdf, *self.pages) if b is not None]

    def to_json(self) -> dict[str, Any]:
        """What the page reads: the files by address, never their bytes."""
        return {
            "version": self.version,
            "building": self.building,
            "choice": self.choice.to_json(),
            "offers": self.offers.to_json() if self.offers else None,
            "problems": list(self.problems),
            "html": self.html.url if self.html else None,
            "text": self.text,
            "pdf": self.pdf.url if self.pdf else None,
            "pages": [page.url for page in self.pages],
            "typesetting": self.typesetting,
            "note": self.note,
            "seconds": dict(self.seconds),
        }


class Channel:
    """The current State, and a wait for the next one (each page's event stream)."""

    def __init__(self) -> None:
        self._state = State()
        self._served: OrderedDict[str, Blob] = OrderedDict()  # the oldest first
        self._changed = threading.Condition()
        self.closed = False

    @property
    def state(self) -> State:
        return self._state

    def publish(self, **changes: Any) -> State:
        """A new State: the current one with `changes`, told to every waiting page."""
        with self._changed:
            previous = self._state
            self._state = replace(previous, version=previous.version + 1, **changes)
            self._keep(self._state.blobs())
            self._changed.notify_all()
            return self._state

    def _keep(self, current: list[Blob]) -> None:
        """Serve `current`, and the most recent others within KEPT_BYTES."""
        for blob in current:
            self._served[blob.url] = blob
            self._served.move_to_end(blob.url)
        now = {blob.url for blob in current}
        size = sum(len(blob.data) for blob in self._served.values())
        for url in [url for url in self._served if url not in now]:
            if size <= KEPT_BYTES:
                break
            size -= len(self._served.pop(url).data)

    def blob(self, url: str) -> Blob | None:
        """The file at `url`, if the current state has it or a recent one had it."""
        return self._served.get(url)

    def next_after(self, version: int, timeout: float) -> State | None:
        """The state once newer than `version`; None after `timeout` or once closed."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self._state.version > version, timeout)
            newer = self._state.version > version and not self.closed
            return self._state if newer else None

    def close(self) -> None:
        """End every page's event stream (the server is stopping)."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()
