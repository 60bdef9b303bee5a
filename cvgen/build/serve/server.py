"""The preview server's life: bind the address, build and watch in threads, stop cleanly.

It listens on 127.0.0.1 unless told otherwise (another address lets others on the network
read the CV: the command line warns). Without a port asked for, it takes 8000 or the next
free one, so two projects can be previewed at once. Nothing is written to disk: the preview
lives in memory (the inputs are read without the cache, whose entries would pile up at every
save), and stopping leaves no file behind.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
import socketserver
import threading
from dataclasses import replace

from cvgen.build.serve.builder import Builder
from cvgen.build.serve.http import App, Handler, PreviewServer, host_values, read_assets
from cvgen.build.serve.state import Channel
from cvgen.errors import CvgenError
from cvgen.load.sources import Sources

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PORTS_TRIED = 20
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
POLL_SECONDS = 0.5  # how often the listening thread looks for a stop (its only idle work)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Listener(PreviewServer):
    def __init__(self, host: str, port: int) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__((host, port), Handler)

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse lookup of the address (slow without DNS)."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)


def bind(host: str, port: int | None) -> _Listener:
    """A listening server on `host`: on `port`, else on 8000 or the next free port."""
    ports = [port] if port is not None else range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED)
    for candidate in ports:
        try:
            return _Listener(host, candidate)
        except OSError as error:
            if error.errno == errno.EADDRINUSE and port is None:
                continue
            if error.errno == errno.EADDRINUSE:
                raise CvgenError(
                    f"port {port} is in use (another cvgen serve?); choose another with --port, "
                    "or --port 0 for any free port"
                ) from None
            raise CvgenError(f"cannot listen on {host}: {error.strerror or error}") from None
    last = DEFAULT_PORT + PORTS_TRIED - 1
    raise CvgenError(f"ports {DEFAULT_PORT} to {last} are all in use; choose one with --port")


class Preview:
    """`cvgen serve` for one project: start() it, then close() it (Ctrl-C)."""

    def __init__(
        self,
        sources: Sources,
        engine: str = "typst",
        host: str = DEFAULT_HOST,
        port: int | None = None,
    ) -> None:
        if not sources.cv.parent.is_dir():
            raise CvgenError(f"{sources.cv}: there is no folder {sources.cv.parent}")
        self.channel = Channel()
        self.builder = Builder(replace(sources, use_cache=False), engine, self.channel)
        self.listener = bind(host, port)
        local = is_loopback(host)
        hosts = host_values([*LOOPBACK_NAMES, *([] if local else [host])], self.port)
        assets = read_assets()
        self.listener.app = App(self.channel, self.builder, hosts, assets, self.port, not local)
        self.host = host
        self._threads = [
            threading.Thread(target=self.builder.run, name="cvgen-build", daemon=True),
            threading.Thread(target=self.builder.watch, name="cvgen-watch", daemon=True),
            threading.Thread(
                target=self.listener.serve_forever, args=(POLL_SECONDS,), name="cvgen-http",
                daemon=True,
            ),
        ]  # fmt: skip

    @property
    def port(self) -> int:
        return self.listener.server_port

    @property
    def url(self) -> str:
        shown = "127.0.0.1" if self.host in ("0.0.0.0", "::") else self.host
        name = f"[{shown}]" if ":" in shown else shown
        return f"http://{name}:{self.port}/"

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def close(self) -> None:
        """Stop building, watching and serving; end the pages' event streams."""
        self.builder.stop()
        self.channel.close()
        self.listener.shutdown()
        self.listener.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
