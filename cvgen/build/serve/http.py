"""The preview's HTTP side: a fixed set of addresses, and nothing of the disk.

The addresses: `/` (the page), its files (/preview.js, /preview.css, /favicon.svg, read from
the package at start), /events (server-sent events: the state as JSON after each change),
/state (the same, once), POST /choice (the switcher), and the preview's files by the hash of
their bytes (/cv/KEY.html, /cv/KEY.pdf, /pages/KEY.svg or .png), held in memory. A path is
compared as sent, never decoded nor joined to a folder, so no `..`, `%2e%2e`, absolute path or
symbolic link can name a file: anything else is 404.

Who may ask: the Host header must name this server as 127.0.0.1, localhost or [::1] (or the
--host given), with its port, so a stranger's page whose own name was made to point at
127.0.0.1 (DNS rebinding) is refused; a request a browser marks as coming from another site
(Sec-Fetch-Site) is refused too, but for a plain visit of `/`; a choice must come from this
origin. No response allows another origin to read it (no CORS), frame it, or embed its files
(Cross-Origin-Resource-Policy). The CV itself is sandboxed: no script in a template runs.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cvgen.build.serve.builder import Builder
from cvgen.build.serve.choice import choice_from_json
from cvgen.build.serve.state import Blob, Channel, State

logger = logging.getLogger(__name__)

PAGE_FOLDER = Path(__file__).resolve().parent / "page"
ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/preview.js": ("preview.js", "text/javascript; charset=utf-8"),
    "/preview.css": ("preview.css", "text/css; charset=utf-8"),
    "/favicon.svg": ("favicon.svg", "image/svg+xml"),
}
BLOB_PATH = re.compile(r"/(cv|pages)/[0-9a-f]{16}\.(html|pdf|svg|png)")
HEARTBEAT_SECONDS = 15.0
MAX_CHOICE_BYTES = 4096

COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
}
_NO_FORMS = "base-uri 'none'; form-action 'none'"
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    f"connect-src 'self'; frame-src 'self'; {_NO_FORMS}; frame-ancestors 'none'"
)
# The CV: its own inline style and data: images, nothing fetched; no script, even opened alone.
CV_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src data:; "
    f"{_NO_FORMS}; frame-ancestors 'self'; "
    "sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox"
)
IMAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
POLICIES = {"html": CV_POLICY, "svg": IMAGE_POLICY, "png": IMAGE_POLICY}


@dataclass(frozen=True)
class App:
    """What the handlers share: the state, the builder, the page's files, and who this server
    is: the Host header values that name it, its port, and whether any IP address of the
    machine names it too (when told to listen beyond 127.0.0.1: an address, unlike a name,
    cannot be rebound)."""

    channel: Channel
    builder: Builder
    hosts: frozenset[str]
    assets: dict[str, tuple[bytes, str]]
    port: int
    any_address: bool = False

    def is_named(self, host: str | None) -> bool:
        """Whether a request's Host header names this server."""
        if host in self.hosts:
            return True
        if host is None or not self.any_address:
            return False
        name, _, port = host.rpartition(":")
        try:
            ipaddress.ip_address(name.removeprefix("[").removesuffix("]"))
        except ValueError:
            return False
        return port == str(self.port)


def read_assets() -> dict[str, tuple[bytes, str]]:
    """The page's files, by address, read once from the package."""
    return {
        path: ((PAGE_FOLDER / name).read_bytes(), media) for path, (name, media) in ASSETS.items()
    }


def host_values(names: list[str], port: int) -> frozenset[str]:
    """The Host headers that name this server: each name with the port (IPv6 in brackets)."""
    return frozenset(f"[{name}]:{port}" if ":" in name else f"{name}:{port}" for name in names)


class PreviewServer(ThreadingHTTPServer):
    """One thread per request (an event stream holds its thread while the page is open)."""

    daemon_threads = True
    app: App

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A request that failed is logged, not printed (socketserver prints a traceback)."""
        logger.exception("cvgen serve: a request from %s failed", client_address)


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    server_version = "cvgen-serve"
    sys_version = ""
    timeout = 60  # seconds a connection may stay silent (an idle keep-alive, a stalled client)

    def do_GET(self) -> None:
        path = self.path.partition("?")[0]
        if not self._allowed(navigation=path == "/"):
            return
        app = self.server.app
        if path in app.assets:
            data, media = app.assets[path]
            policy = PAGE_POLICY if path == "/" else None
            self._send(200, data, media, policy=policy)
        elif path == "/events":
            self._events(app.channel)
        elif path == "/state":
            self._send(200, _state_json(app.channel.state), "application/json")
        elif BLOB_PATH.fullmatch(path) and (blob := app.channel.blob(path)):
            self._send_blob(blob)
        else:
            self._send(404, b"Not found\n", "text/plain; charset=utf-8")

    def do_POST(self) -> None:
        if not self._allowed(navigation=False):
            return
        if self.path != "/choice":
            self._send(404, b"Not found\n", "text/plain; charset=utf-8")
            return
        host = self.headers.get("Host", "")
        if self.headers.get("Origin") != f"http://{host}":
            self._refuse(403, "a choice is taken only from the preview page itself")
            return
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            self._refuse(415, "send the choice as application/json")
            return
        self._choose()

    def _choose(self) -> None:
        try:
            length = int(self.headers.get("Content-Length") or "0")
        except ValueError:
            length = -1
        if not 0 < length <= MAX_CHOICE_BYTES:
            self._refuse(413 if length > 0 else 411, "a choice is a small JSON object")
            return
        try:
            choice = choice_from_json(json.loads(self.rfile.read(length)))
        except (ValueError, RecursionError) as error:
            self._refuse(400, str(error))
            return
        refusal = self.server.app.builder.choose(choice)
        if refusal:
            self._refuse(400, refusal)
        else:
            self._send(204, b"", "text/plain")

    def _allowed(self, navigation: bool) -> bool:
        """The Host header names this server, and no other site sent the browser here (but
        for a visit of the page itself)."""
        if not self.server.app.is_named(self.headers.get("Host")):
            self._refuse(
                403, "cvgen serve answers only to its own address (127.0.0.1 or localhost)"
            )
            return False
        site = self.headers.get("Sec-Fetch-Site")
        mode = self.headers.get("Sec-Fetch-Mode")
        if site in ("cross-site", "same-site") and not (navigation and mode == "navigate"):
            self._refuse(403, "cvgen serve answers only to its own page")
            return False
        return True

    def _events(self, channel: Channel) -> None:
        """The state now and after each change, until the page goes or the server stops."""
        self.send_response(200)
        self._headers("text/event-stream", cache="no-store")
        self.end_headers()
        self.close_connection = True
        version, chunk = -1, b"retry: 1000\n\n"
        while not channel.closed:
            try:
                self.wfile.write(chunk)
                self.wfile.flush()
            except OSError:
                return  # the page went away
            state = channel.next_after(version, HEARTBEAT_SECONDS)
            if state is None:
                chunk = b": still here\n\n"
            else:
                version, chunk = (
                    state.version,
                    b"event: state\ndata: " + _state_json(state) + b"\n\n",
                )

    def _send_blob(self, blob: Blob) -> None:
        headers = (
            {"Content-Disposition": 'inline; filename="cv.pdf"'} if blob.suffix == "pdf" else {}
        )
        cache = "private, max-age=31536000, immutable"
        self._send(200, blob.data, blob.media, POLICIES.get(blob.suffix), cache, headers)

    def _refuse(self, status: int, reason: str) -> None:
        """Say why not, and close the connection (a body left unread must not be taken for
        the next request)."""
        self.close_connection = True
        self._send(status, reason.encode() + b"\n", "text/plain; charset=utf-8")

    def _send(
        self,
        status: int,
        body: bytes,
        media: str,
        policy: str | None = None,
        cache: str = "no-store",
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self._headers(media, policy, cache, extra)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            self.close_connection = True

    def _headers(
        self,
        media: str,
        policy: str | None = None,
        cache: str = "no-store",
        extra: dict[str, str] | None = None,
    ) -> None:
        for name, value in {**COMMON_HEADERS, **(extra or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Type", media)
        self.send_header("Cache-Control", cache)
        if policy:
            self.send_header("Content-Security-Policy", policy)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.address_string(), format % args)


def _state_json(state: State) -> bytes:
    return json.dumps(state.to_json(), ensure_ascii=False).encode("utf-8")


def _event(state: State) -> bytes:
    return b"event: state\ndata: " + _state_json(state) + b"\n\n"
