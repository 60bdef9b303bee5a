"""The preview server's life: where it listens, and that it stops whole."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from cvgen.build.serve import server
from cvgen.build.serve.server import Preview, bind, is_loopback
from cvgen.errors import CvgenError
from cvgen.load.sources import Sources
from tests.support.serving import example_project, previewing, request


def busy_port() -> socket.socket:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    return taken


def test_loopback_addresses() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "127.0.0.2"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.5", "example.org"))


def test_a_port_asked_for_and_taken_is_an_error() -> None:
    with busy_port() as taken:
        port = taken.getsockname()[1]
        with pytest.raises(CvgenError, match=f"port {port} is in use .*--port 0 for any free"):
            bind("127.0.0.1", port)


def test_without_a_port_the_next_free_one_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    with busy_port() as taken:
        port = taken.getsockname()[1]
        monkeypatch.setattr(server, "DEFAULT_PORT", port)
        listener = bind("127.0.0.1", None)
        try:
            assert listener.server_port > port
        finally:
            listener.server_close()


def test_an_address_not_of_this_machine_is_an_error() -> None:
    with pytest.raises(CvgenError, match=r"cannot listen on 203\.0\.113\.9"):
        bind("203.0.113.9", 0)  # TEST-NET-3: never a local address


def test_closing_stops_every_thread_and_frees_the_port(tmp_path: Path) -> None:
    before = set(threading.enumerate())
    with previewing(example_project(tmp_path)) as preview:
        port = preview.port
        assert request(port, "/state")[0] == 200
    assert set(threading.enumerate()) <= before
    with socket.socket() as again:
        again.bind(("127.0.0.1", port))  # free at once


def test_listening_beyond_loopback_answers_to_an_address_of_the_machine(tmp_path: Path) -> None:
    preview = Preview(Sources(cv=example_project(tmp_path)), host="0.0.0.0", port=0)
    preview.start()
    try:
        assert preview.url == f"http://127.0.0.1:{preview.port}/"
        for host in ("127.0.0.1", "10.1.2.3"):
            headers = {"Host": f"{host}:{preview.port}"}
            assert request(preview.port, "/", headers=headers)[0] == 200
        stranger = {"Host": f"evil.example:{preview.port}"}
        assert request(preview.port, "/", headers=stranger)[0] == 403
    finally:
        preview.close()
