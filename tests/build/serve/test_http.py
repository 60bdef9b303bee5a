"""The preview's HTTP side serves the page and the preview, nothing else of the disk, and only
to itself: paths outside, other Host names (DNS rebinding) and other sites are refused."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from cvgen.build.serve.http import App, host_values
from cvgen.build.serve.server import Preview
from cvgen.build.serve.state import Channel
from tests.support.serving import (
    choose,
    events_request,
    example_project,
    previewing,
    request,
    settled,
    state_of,
    wait_until,
)


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory):
    """The example previewed, with what a project folder may hold beside it: an output folder,
    a link to a file outside and a link to the root."""
    folder = tmp_path_factory.mktemp("project")
    cv = example_project(folder)
    (folder / "output").mkdir()
    (folder / "output" / "cv.html").write_text("<p>built</p>", encoding="utf-8")
    (folder / "secret").symlink_to("/etc/passwd")
    (folder / "root").symlink_to("/")
    with previewing(cv) as running:
        yield running


def blob_urls(port: int) -> dict[str, str]:
    state = state_of(port)
    return {"html": state["html"], "pdf": state["pdf"], "page": state["pages"][0]}


def test_the_page_and_its_files_are_served(preview: Preview) -> None:
    status, headers, body = request(preview.port, "/")
    assert status == 200 and b'<script src="/preview.js"' in body
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    for path, media in [
        ("/preview.js", "text/javascript; charset=utf-8"),
        ("/preview.css", "text/css; charset=utf-8"),
        ("/favicon.svg", "image/svg+xml"),
    ]:
        status, headers, _ = request(preview.port, path)
        assert (status, headers["Content-Type"]) == (200, media), path


def test_every_response_keeps_to_its_origin(preview: Preview) -> None:
    for path in ["/", "/state", *blob_urls(preview.port).values(), "/nothing"]:
        _, headers, _ = request(preview.port, path)
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
        assert headers["X-Frame-Options"] == "SAMEORIGIN"
        assert "Access-Control-Allow-Origin" not in headers


def test_the_preview_files_are_served_by_the_hash_of_their_bytes(preview: Preview) -> None:
    urls = blob_urls(preview.port)
    status, headers, html = request(preview.port, urls["html"])
    assert status == 200 and b"Miriam Adler-Katz" in html
    policy = headers["Content-Security-Policy"]
    assert "sandbox allow-same-origin" in policy and "script-src" not in policy  # no script
    assert "immutable" in headers["Cache-Control"]
    status, headers, pdf = request(preview.port, urls["pdf"])
    assert (status, headers["Content-Type"], pdf[:5]) == (200, "application/pdf", b"%PDF-")
    status, headers, svg = request(preview.port, urls["page"])
    assert (status, headers["Content-Type"]) == (200, "image/svg+xml") and b"<svg" in svg[:200]
    assert "sandbox" in headers["Content-Security-Policy"]


OUTSIDE = [
    "/cv.yaml",
    "/publications.bib",
    "/output/cv.html",
    "/output/",
    "/secret",  # a link to /etc/passwd in the project
    "/root/etc/passwd",  # a link to /
    "/../cv.yaml",
    "/%2e%2e/cv.yaml",
    "/%2E%2E%2Fcv.yaml",
    "/..%2fcv.yaml",
    "/..\\cv.yaml",
    "/./cv.yaml",
    "//etc/passwd",
    "/etc/passwd",
    "/pages/../cv.yaml",
    "/pages/%2e%2e/%2e%2e/etc/passwd",
    "/cv/../../etc/passwd",
    "/preview.js/../cv.yaml",
    "/preview.js%00.yaml",
    "/pages/",
    "/cv/",
    "/cv/0000000000000000.html",  # no such preview file
    "/page",
    "/events/../cv.yaml",
]


@pytest.mark.parametrize("path", OUTSIDE)
def test_nothing_else_is_served(preview: Preview, path: str) -> None:
    status, _, body = request(preview.port, path)
    assert status == 404, (path, body[:200])
    assert b"root:" not in body and b"Adler" not in body


def test_absolute_paths_are_refused(preview: Preview) -> None:
    """The file's own absolute path, and a request for a whole URL (absolute form)."""
    project_cv = preview.builder.sources.cv.resolve()
    for path in [str(project_cv), f"http://127.0.0.1:{preview.port}/etc/passwd", "file:///etc"]:
        status, _, body = request(preview.port, path)
        assert status == 404 and b"Adler" not in body and b"root:" not in body, path


def test_a_preview_file_is_found_only_under_its_own_folder(preview: Preview) -> None:
    """The pdf's hash under pages/, or with the html's suffix, names nothing."""
    urls = blob_urls(preview.port)
    key = urls["pdf"].removeprefix("/cv/").removesuffix(".pdf")
    for path in [f"/pages/{key}.pdf", f"/cv/{key}.html", f"/cv/{key}.PDF"]:
        assert request(preview.port, path)[0] == 404, path


@pytest.mark.parametrize(
    "host",
    [
        "evil.example:{port}",
        "127.0.0.1.nip.io:{port}",
        "localhost.evil.example:{port}",
        "127.0.0.1:1",
        "127.0.0.1",
        "LOCALHOST:{port}x",
        "10.0.0.5:{port}",  # an address of the machine: only with --host
        "",
    ],
)
def test_another_host_name_is_refused(preview: Preview, host: str) -> None:
    """A stranger's page whose name now points at 127.0.0.1 (DNS rebinding) sends its own name."""
    for path in ["/", "/state", "/events", blob_urls(preview.port)["html"]]:
        headers = {"Host": host.format(port=preview.port)}
        status, _, body = request(preview.port, path, headers=headers)
        assert status == 403 and b"Adler" not in body, (host, path)


def test_no_host_header_is_refused(preview: Preview) -> None:
    with socket.create_connection(("127.0.0.1", preview.port), timeout=10) as connection:
        connection.sendall(b"GET /state HTTP/1.0\r\n\r\n")
        answer = connection.recv(4096)
    assert answer.startswith(b"HTTP/1.1 403") and b"Adler" not in answer


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}"])
def test_the_loopback_names_are_accepted(preview: Preview, host: str) -> None:
    status, _, _ = request(preview.port, "/state", headers={"Host": host.format(port=preview.port)})
    assert status == 200


def test_another_site_may_not_fetch_but_may_link_to_the_page(preview: Preview) -> None:
    for site in ("cross-site", "same-site"):
        fetched = {"Sec-Fetch-Site": site, "Sec-Fetch-Mode": "cors"}
        for path in ["/state", "/events", blob_urls(preview.port)["pdf"], "/"]:
            assert request(preview.port, path, headers=fetched)[0] == 403, (site, path)
        visit = {"Sec-Fetch-Site": site, "Sec-Fetch-Mode": "navigate"}
        assert request(preview.port, "/", headers=visit)[0] == 200
        assert request(preview.port, "/state", headers=visit)[0] == 403


def test_any_address_is_accepted_only_when_listening_beyond_loopback() -> None:
    local = App(Channel(), None, host_values(["127.0.0.1", "localhost", "::1"], 8000), {}, 8000)  # type: ignore[arg-type]
    assert local.is_named("[::1]:8000") and not local.is_named("192.168.1.5:8000")
    wide = App(Channel(), None, host_values(["127.0.0.1", "mybox.lan"], 8000), {}, 8000, True)  # type: ignore[arg-type]
    assert wide.is_named("192.168.1.5:8000") and wide.is_named("[fe80::1]:8000")
    assert wide.is_named("mybox.lan:8000")
    assert not wide.is_named("evil.example:8000") and not wide.is_named("192.168.1.5:8001")


def test_the_events_start_with_the_state_now(preview: Preview) -> None:
    with socket.create_connection(("127.0.0.1", preview.port), timeout=10) as connection:
        connection.sendall(events_request(preview.port))
        received = b""
        while b"\n\n" not in received.partition(b"event: state\n")[2]:
            received += connection.recv(65536)
    head, _, stream = received.partition(b"\r\n\r\n")
    assert b"Content-Type: text/event-stream" in head
    assert stream.startswith(b"retry: 1000\n\n")
    data = stream.partition(b"data: ")[2].partition(b"\n\n")[0]
    assert json.loads(data)["html"] == state_of(preview.port)["html"]


def test_a_choice_comes_only_from_the_page(preview: Preview) -> None:
    port = preview.port
    assert choose(port, {"variant": "erc"}, Origin="http://evil.example")[0] == 403
    assert choose(port, {"variant": "erc"}, Origin="null")[0] == 403
    assert choose(port, {"variant": "erc"}, **{"Content-Type": "text/plain"})[0] == 415
    assert choose(port, {"variant": "erc"}, Host="evil.example")[0] == 403
    assert choose(port, {"variant": "x" * 5000})[0] == 413
    assert choose(port, {"variant": "nope"}) == (400, b"variant 'nope' is not one cv.yaml offers\n")
    assert choose(port, {"path": "/etc/passwd"})[0] == 400
    deep = b"[" * 2000 + b"]" * 2000
    headers = {"Origin": f"http://127.0.0.1:{port}", "Content-Type": "application/json"}
    headers["Content-Length"] = str(len(deep))
    assert request(port, "/choice", "POST", headers, deep)[0] == 400
    assert state_of(port)["choice"]["variant"] is None  # none of them changed anything


def test_the_choice_changes_the_preview(tmp_path: Path) -> None:
    with previewing(example_project(tmp_path)) as preview:
        before = state_of(preview.port)
        assert choose(preview.port, {"variant": "erc", "view": "cv"})[0] == 204
        wait_until(lambda: preview.channel.state.choice.variant == "erc" and settled(preview))
        after = state_of(preview.port)
        assert after["html"] != before["html"] and after["pdf"] != before["pdf"]
        assert len(after["pages"]) < len(before["pages"])  # the ERC outputs alone
        assert choose(preview.port, {"view": "bio"})[0] == 204
        wait_until(lambda: preview.channel.state.text and settled(preview))
        assert "Miriam Adler-Katz, FIMA, is" in state_of(preview.port)["text"]
