"""A stand-in for DBLP, ORCID, OpenAlex and Crossref on 127.0.0.1, for the import tests.

It serves the response files in tests/data/remote/ (each names the documentation it follows)
under one prefix per service, records every request (path, query, headers), and can be told to
fail a path a few times first (429, 500) to exercise the client's retries.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.support.paths import DATA

REMOTE = DATA / "remote"
PREFIXES = {
    "CVGEN_DBLP_URL": "/dblp",
    "CVGEN_ORCID_URL": "/orcid",
    "CVGEN_OPENALEX_URL": "/openalex",
    "CVGEN_CROSSREF_URL": "/crossref",
}


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    headers: dict[str, str]


@dataclass(frozen=True)
class Request:
    path: str
    query: dict[str, str]
    headers: dict[str, str]


Route = Callable[[dict[str, str]], Reply]


def reply(body: str | bytes | dict, status: int = 200, **headers: str) -> Reply:
    if isinstance(body, dict):
        body, headers = json.dumps(body), {"Content-Type": "application/json", **headers}
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Reply(status, data, headers)


def data_file(name: str) -> Reply:
    """A file of tests/data/remote/; JSON files are served as JSON."""
    path = REMOTE / name
    kind = "application/json" if path.suffix == ".json" else "text/plain; charset=utf-8"
    return Reply(200, path.read_bytes(), {"Content-Type": kind})


class FakeServices:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.failures: dict[str, list[Reply]] = {}
        self.requests: list[Request] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def serve(self, path: str, answer: Reply | Route) -> None:
        """Answer GET `path` (also asked in other case, if `path` is lower case: DOIs are
        case-insensitive) with `answer`, or with what `answer(query)` returns."""
        self.routes[path] = answer if callable(answer) else (lambda query, a=answer: a)

    def fail_first(self, path: str, *replies: Reply) -> None:
        self.failures.setdefault(path, []).extend(replies)

    def requested(self, prefix: str) -> list[Request]:
        return [r for r in self.requests if r.path.startswith(prefix)]

    def reset(self) -> None:
        self.routes.clear()
        self.failures.clear()
        self.requests.clear()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        services = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                path = unquote(parts.path)
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                services.requests.append(Request(path, query, dict(self.headers)))
                queued = services.failures.get(path)
                if queued:
                    answer = queued.pop(0)
                elif path in services.routes or path.lower() in services.routes:
                    route = services.routes.get(path) or services.routes[path.lower()]
                    answer = route(query)
                else:
                    answer = reply({"error": f"no route {path}"}, 404)
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output clean

        return Handler


DBLP_BIB = "/dblp/pid/71/8342.bib"


ORCID_WORKS = "/orcid/v3.0/0000-0002-7134-5861/works"


OPENALEX_WORKS = "/openalex/works"


CROSSREF = "/crossref/works/{}/transform/application/x-bibtex"


def running_services() -> Iterator[FakeServices]:
    """A started server for a test module's fixture (`yield from running_services()`)."""
    running = FakeServices()
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def remote_server() -> Iterator[FakeServices]:
    yield from running_services()


def point_at(server: FakeServices, monkeypatch: Any) -> FakeServices:
    """Every service's base URL on `server` under its own prefix, with a tiny backoff; the
    server's routes and records reset."""
    server.reset()
    for env, prefix in PREFIXES.items():
        monkeypatch.setenv(env, server.url + prefix)
    monkeypatch.setenv("CVGEN_HTTP_BACKOFF", "0.001")
    return server


@pytest.fixture
def services(remote_server: FakeServices, monkeypatch: pytest.MonkeyPatch):
    """Every service on one local server, each under its own prefix, with tiny backoff."""
    point_at(remote_server, monkeypatch)
    monkeypatch.delenv("CVGEN_OPENALEX_API_KEY", raising=False)
    remote_server.serve(DBLP_BIB, data_file("dblp-71-8342.bib"))
    remote_server.serve(ORCID_WORKS, data_file("orcid-works.json"))
    for put_code in (3003, 3004):
        remote_server.serve(
            f"{ORCID_WORKS[:-1]}/{put_code}", data_file(f"orcid-work-{put_code}.json")
        )
    for doi, name in [
        ("10.1109/TSP.2019.2912345", "tsp"),
        ("10.1137/21M1412345", "siam"),
        ("10.1101/2024.03.01.582345", "biorxiv"),
    ]:
        remote_server.serve(CROSSREF.format(doi).lower(), data_file(f"crossref-{name}.bib"))
    pages = {"*": 1, "IlsxNjYz": 2, "IlsxNjUx": 3}
    remote_server.serve(
        OPENALEX_WORKS, lambda query: data_file(f"openalex-works-{pages[query['cursor'][:8]]}.json")
    )
    remote_server.serve("/openalex/authors/A5023888391", data_file("openalex-author.json"))
    return remote_server
