"""`cvgen serve` under test: a project to preview (the example researcher, copied), the preview
running on it in this process, and plain HTTP requests to it. The command itself is run by
benchmarks/serve_latency.py's serve_command."""

from __future__ import annotations

import http.client
import json
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from cvgen.build.serve.server import Preview
from cvgen.load.sources import Sources
from tests.support.paths import ROOT

T = TypeVar("T")


# A month of 13 in the example's first degree: the error cvgen serve must show at its line.
BAD_MONTH = ("    start: 2006-10", "    start: 2006-13")
BAD_LINE = (ROOT / "cv.yaml").read_text(encoding="utf-8").splitlines().index(BAD_MONTH[0]) + 1


def example_project(folder: Path) -> Path:
    """The example cv.yaml and publications.bib copied into `folder`; the cv.yaml's path."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("cv.yaml", "publications.bib"):
        shutil.copyfile(ROOT / name, folder / name)
    return folder / "cv.yaml"


def wait_until(check: Callable[[], T], timeout: float = 30.0, step: float = 0.02) -> T:
    """`check()`'s first true value, asked every `step` seconds; AssertionError after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still not so after {timeout} s: {check}")
        time.sleep(step)


def settled(preview: Preview) -> bool:
    """The preview is built and not building: the web page and (for the CV) the PDF are shown."""
    state = preview.channel.state
    return not state.building and not state.typesetting and state.version > 0


@contextmanager
def previewing(cv: Path, engine: str = "typst") -> Iterator[Preview]:
    """`cvgen serve` in this process, on a free port, its first build done."""
    preview = Preview(Sources(cv=cv), engine=engine, port=0)
    preview.start()
    try:
        wait_until(lambda: settled(preview), timeout=60)
        yield preview
    finally:
        preview.close()


def request(
    port: int,
    path: str,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """One request sent as given (no path normalised), with Host 127.0.0.1:PORT unless given."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    sent = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    for name, value in sent.items():
        connection.putheader(name, value)
    connection.endheaders(body)
    response = connection.getresponse()
    try:
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def events_request(port: int) -> bytes:
    """The start of a page's event stream, as a browser asks for it."""
    return f"GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()


def state_of(port: int) -> dict[str, Any]:
    status, _, body = request(port, "/state")
    assert status == 200, body
    return json.loads(body)


def choose(port: int, choice: dict, **headers: str) -> tuple[int, bytes]:
    """The switcher's request, as the page sends it (its origin, JSON)."""
    body = json.dumps(choice).encode()
    sent = {
        "Origin": f"http://127.0.0.1:{port}",
        "Content-Type": "application/json",
        "Content-Length": str(len(body)),
        **headers,
    }
    status, _, answer = request(port, "/choice", "POST", sent, body)
    return status, answer
