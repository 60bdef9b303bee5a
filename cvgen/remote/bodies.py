"""What a service sent: the body, read with a cap on its decoded size, and checked to be the
kind of answer that was asked for.

httpx would inflate a gzip body in full before anyone could count it; here the raw chunks are
inflated with zlib told how much it may still produce, so a gzip bomb stops at the cap having
held no more than it. A body must also be what was asked for: a login page, an error page or
a rate-limit notice served as HTML with status 200 is named as such, and never read as an
empty list of papers.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import Any

import httpx

from cvgen.errors import CvgenError

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<!--")


class ServiceError(CvgenError):
    """A request to a service failed; the message is one line naming the service."""


class BadAnswer(ServiceError):
    """The service answered, but not with what cvgen asked for."""


@dataclass(frozen=True)
class Expect:
    """A kind of answer: its name in messages, the Accept header asking for it, and the
    content types that may carry it ('' for none given)."""

    name: str
    accept: str
    types: frozenset[str]
    suffix: str = ""  # a structured-syntax suffix that also carries it ('+json')

    def _check(self, service: str, body: bytes, kind: str) -> None:
        head = body[:512].lstrip().lower()
        if kind in _HTML_TYPES or head.startswith(_HTML_STARTS):
            raise BadAnswer(
                f"{service} answered with a web page (HTML), not {self.name}: an error, login or "
                "rate-limit page? Try again later, or check the id"
            )
        if kind not in self.types and not (self.suffix and kind.endswith(self.suffix)):
            raise BadAnswer(f"{service} answered {kind or 'without a type'}, not {self.name}")

    def text(self, service: str, body: bytes, kind: str) -> str:
        """The body as text, once it is known to be of this kind and UTF-8."""
        self._check(service, body, kind)
        try:
            return body.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise BadAnswer(
                f"{service} sent {self.name} that is not UTF-8 text (byte {error.start})"
            ) from None

    def parse(self, service: str, body: bytes, kind: str) -> Any:
        """The body as JSON."""
        text = self.text(service, body, kind)
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise BadAnswer(
                f"{service} sent malformed JSON (line {error.lineno}, column {error.colno}: "
                f"{error.msg}); try again later"
            ) from None
        except RecursionError:
            raise BadAnswer(f"{service} sent JSON nested too deeply to be an answer") from None


JSON = Expect(
    "JSON",
    "application/json",
    frozenset({"application/json", "text/json", ""}),
    suffix="+json",
)
BIBTEX_TYPES = (
    "application/x-bibtex", "text/x-bibtex", "text/bibtex", "application/x-bibtex-text-file",
    "text/plain", "application/octet-stream", "",
)  # fmt: skip
BIBTEX = Expect(
    "BibTeX",
    "application/x-bibtex, text/x-bibtex;q=0.9, text/plain;q=0.8",
    frozenset(BIBTEX_TYPES),
)


class _Inflated:
    """The decoded body, grown chunk by chunk, never past `limit` bytes."""

    def __init__(self, service: str, encoding: str, limit: int) -> None:
        self.service, self.limit = service, limit
        self.parts: list[bytes] = []
        self.size = 0
        self.fed = False  # whether any compressed byte came
        coding = encoding.strip().lower()
        if coding in ("", "identity"):
            self.inflater = None
        elif coding in ("gzip", "x-gzip", "deflate"):
            self.inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib, by header
        else:
            raise BadAnswer(f"{service} sent its answer encoded as {encoding!r}, not asked for")

    def _keep(self, piece: bytes) -> None:
        self.size += len(piece)
        if self.size > self.limit:
            raise BadAnswer(
                f"{self.service} sent more than {self.limit / 2**20:.0f} MB (decoded), more than "
                "any answer cvgen expects; not read further"
            )
        self.parts.append(piece)

    def add(self, chunk: bytes) -> None:
        if self.inflater is None:
            self._keep(chunk)
            return
        data = chunk
        self.fed = self.fed or bool(chunk)
        try:
            while data:
                self._keep(self.inflater.decompress(data, self.limit - self.size + 1))
                data = self.inflater.unconsumed_tail
        except zlib.error:
            raise BadAnswer(f"{self.service} sent a broken compressed answer") from None

    def body(self) -> bytes:
        if self.inflater is not None and self.fed and not self.inflater.eof:
            raise BadAnswer(f"{self.service} sent a compressed answer cut short")
        return b"".join(self.parts)


async def read_body(service: str, response: httpx.Response, limit: int) -> bytes:
    """The whole body, decoded, if it is at most `limit` bytes; else BadAnswer at once."""
    declared = response.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise BadAnswer(
            f"{service} announces {int(declared) / 2**20:.0f} MB, more than any answer cvgen "
            "expects; not read"
        )
    inflated = _Inflated(service, response.headers.get("content-encoding", ""), limit)
    async for chunk in response.aiter_raw():
        inflated.add(chunk)
    return inflated.body()
