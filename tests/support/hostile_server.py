"""A hostile stand-in for DBLP, ORCID, OpenAlex and Crossref on 127.0.0.1: it answers at the
level of raw bytes on the socket, so it can do what no polite test server does.

Each path is given a behaviour: a status line, headers and a body written as they are (a
Content-Length that lies, a body that never ends, a gzip bomb, a redirect elsewhere, bytes
that are not HTTP), optionally trickled a few bytes at a time with a delay between writes.
The server counts the bytes it sent, so tests can check what a client read.
"""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

Chunks = Callable[[], Iterator[bytes]]


@dataclass
class Behaviour:
    """What the server sends for one path: `head` (status line and headers, as bytes), then
    the chunks of `body` (a generator may never end), each after `delay` seconds."""

    head: bytes
    body: Chunks = lambda: iter(())
    delay: float = 0.0
    close: bool = False  # close the connection after it, whatever the headers said
    sent: list[int] = field(default_factory=list)  # bytes of body sent, per request


def head(status: int = 200, reason: str = "OK", **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def answer(body: bytes, status: int = 200, content_type: str = "application/json", **headers):
    """A complete, honest answer."""
    return Behaviour(
        head(status, Content_Type=content_type, Content_Length=str(len(body)), **headers),
        lambda: iter([body]),
    )


def json_answer(data: object, status: int = 200) -> Behaviour:
    return answer(json.dumps(data).encode(), status)


def endless(chunk: bytes = b"x" * 65536, content_type: str = "application/json") -> Behaviour:
    """A chunked body that never ends."""

    def chunks() -> Iterator[bytes]:
        while True:
            yield f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"

    return Behaviour(head(Content_Type=content_type, Transfer_Encoding="chunked"), chunks)


def trickle(body: bytes, every: float, content_type: str = "application/json") -> Behaviour:
    """An honest body, one byte at a time, `every` seconds apart."""
    headers = head(Content_Type=content_type, Content_Length=str(len(body)))
    return Behaviour(headers, lambda: (body[i : i + 1] for i in range(len(body))), every)


def slow_head(every: float) -> Behaviour:
    """The status line and headers themselves a byte at a time (and never finished)."""
    line = b"HTTP/1.1 200 OK\r\nX-Padding: " + b"a" * 100000
    return Behaviour(b"", lambda: (line[i : i + 1] for i in range(len(line))), every)


def gzip_bomb(size: int, content_type: str = "application/json", wrap: str = "gzip"):
    """`size` bytes of zeros, compressed (about a thousandth of it on the wire)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31 if wrap == "gzip" else 15)
    block = bytes(1 << 20)
    compressed = b"".join(packer.compress(block) for _ in range(size >> 20)) + packer.flush()
    headers = head(
        Content_Type=content_type,
        Content_Encoding=wrap,
        Content_Length=str(len(compressed)),
    )
    return Behaviour(headers, lambda: iter([compressed]))


def gzipped(body: bytes, content_type: str = "application/json") -> Behaviour:
    packed = gzip.compress(body)
    headers = head(
        Content_Type=content_type, Content_Encoding="gzip", Content_Length=str(len(packed))
    )
    return Behaviour(headers, lambda: iter([packed]))


def redirect(location: str, status: int = 302) -> Behaviour:
    return Behaviour(head(status, "Found", Location=location, Content_Length="0"))


def raw(data: bytes) -> Behaviour:
    """Bytes as they are, HTTP or not; then the connection closes."""
    return Behaviour(data, close=True)


class HostileServer:
    """One thread per connection; each request's path picks its behaviour (404 otherwise)."""

    def __init__(self) -> None:
        self.routes: dict[str, Behaviour] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._socket.getsockname()[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self._socket.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _request(self, connection: socket.socket) -> tuple[str, dict[str, str]] | None:
        data = b""
        while b"\r\n\r\n" not in data:
            try:
                piece = connection.recv(65536)
            except OSError:  # the client hung up
                return None
            if not piece:
                return None
            data += piece
        first, *lines = data.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
        headers = dict(line.split(": ", 1) for line in lines if ": " in line)
        return first.split(" ")[1], {k.lower(): v for k, v in headers.items()}

    def _answer(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(30)
            while not self._stop.is_set():
                request = self._request(connection)
                if request is None:
                    return
                self.requests.append(request)
                path = request[0].split("?")[0]
                behaviour = self.routes.get(path) or answer(b'{"error": "no route"}', 404)
                if not self._send(connection, behaviour):
                    return

    def _send(self, connection: socket.socket, behaviour: Behaviour) -> bool:
        """Send the behaviour; False once the client has gone (or the body is over and the
        answer had no length, so the connection must close)."""
        sent = 0
        behaviour.sent.append(0)
        try:
            connection.sendall(behaviour.head)
            for chunk in behaviour.body():
                if self._stop.is_set():
                    return False
                if behaviour.delay:
                    time.sleep(behaviour.delay)
                connection.sendall(chunk)
                sent += len(chunk)
                behaviour.sent[-1] = sent
        except OSError:
            return False
        return b"Content-Length" in behaviour.head and not behaviour.close
