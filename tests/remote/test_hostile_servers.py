"""The HTTP client against servers that misbehave on purpose (tests/hostile_server.py): every
answer is read within its deadline and its size cap, checked to be what was asked for, and
every failure is one CvgenError line that names the service and leaks no secret."""

from __future__ import annotations

import gzip
import json
import os
import time
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from cvgen.errors import CvgenError
from cvgen.remote.http import (
    BIBTEX,
    MAX_BYTES,
    OPENALEX,
    BadAnswer,
    Client,
    NotFound,
    ServiceError,
    retry_delay,
)
from cvgen.remote.orcid import OrcidSource
from tests.support.hostile_server import (
    Behaviour,
    HostileServer,
    answer,
    endless,
    gzip_bomb,
    gzipped,
    head,
    json_answer,
    raw,
    redirect,
    slow_head,
    trickle,
)

EXAMPLES = int(os.environ.get("CVGEN_FUZZ_EXAMPLES", "40"))
SECRET = "sk-live-9f8e7d6c5b4a"
MB = 2**20


@pytest.fixture(scope="module")
def server():
    with HostileServer() as running:
        yield running


@pytest.fixture
def services(server: HostileServer, monkeypatch: pytest.MonkeyPatch) -> HostileServer:
    server.routes.clear()
    server.requests.clear()
    for env in ("CVGEN_DBLP_URL", "CVGEN_ORCID_URL", "CVGEN_OPENALEX_URL", "CVGEN_CROSSREF_URL"):
        monkeypatch.setenv(env, server.url)
    monkeypatch.setenv("CVGEN_HTTP_BACKOFF", "0.001")
    monkeypatch.setenv("CVGEN_OPENALEX_API_KEY", SECRET)
    return server


def client(**limits: float) -> Client:
    return Client("ada@example.edu", **limits)


def failure(call, *args, **kwargs) -> tuple[CvgenError, float]:
    """The CvgenError the call raises (nothing else may escape), and the seconds it took."""
    start = time.monotonic()
    with pytest.raises(CvgenError) as caught:
        call(*args, **kwargs)
    message = caught.value.message
    assert "\n" not in message and "Traceback" not in message
    assert SECRET not in str(caught.value)
    return caught.value, time.monotonic() - start


def peak_memory(call) -> int:
    """Bytes allocated at the peak while `call` runs (it is expected to fail)."""
    tracemalloc.start()
    try:
        with pytest.raises(CvgenError):
            call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- size: endless bodies, bombs, lies ------------------------------------------------------


@pytest.mark.parametrize(
    "behaviour",
    [
        endless(),
        endless(b"[" * 4096),
        gzip_bomb(256 * MB),
        gzip_bomb(256 * MB, wrap="deflate"),
    ],
    ids=["endless chunks", "endless nesting", "gzip bomb", "deflate bomb"],
)
def test_an_answer_past_the_cap_stops_there(services, behaviour: Behaviour) -> None:
    services.routes["/works"] = behaviour
    with client() as http:
        peak = peak_memory(lambda: http.get_json(OPENALEX, "/works"))
        error, _ = failure(http.get_json, OPENALEX, "/works")
    assert isinstance(error, BadAnswer) and "more than 16 MB (decoded)" in error.message
    assert peak < 3 * MAX_BYTES, f"peak {peak / MB:.0f} MB"


def test_an_announced_giant_is_not_read_at_all(services) -> None:
    services.routes["/works"] = Behaviour(
        head(Content_Type="application/json", Content_Length=str(2**40))
    )
    with client() as http:
        error, seconds = failure(http.get_json, OPENALEX, "/works")
    assert "announces 1048576 MB" in error.message and seconds < 2


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (raw(b"SSH-2.0-OpenSSH_9.6\r\n"), "sent a broken answer"),
        (raw(head(Content_Type="application/json", Content_Length="100") + b"{}"), "broken answer"),
        (raw(b"HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n{}"), "sent a broken answer"),
        (answer(b"{}", Content_Encoding="br"), "encoded as 'br', not asked for"),
        (answer(gzip.compress(b'{"a": 1}' * 100)[:30], Content_Encoding="gzip"), "cut short"),
        (
            answer(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage", Content_Encoding="gzip"),
            "broken compressed answer",
        ),
    ],
    ids=["not HTTP", "cut short", "bad length", "unasked encoding", "gzip cut", "corrupt gzip"],
)
def test_a_broken_answer_is_one_line(services, sent: Behaviour, expected: str) -> None:
    services.routes["/works"] = sent
    with client(timeout=3) as http:
        error, _ = failure(http.get_json, OPENALEX, "/works")
    assert expected in error.message and "OpenAlex" in error.message


# --- time: trickles, slow headers, the command's deadline ------------------------------------


@pytest.mark.parametrize(
    "behaviour",
    [trickle(b'{"results": []}' * 100, 0.05), slow_head(0.05)],
    ids=["a byte at a time", "headers a byte at a time"],
)
def test_a_trickle_is_cut_at_the_request_deadline(services, behaviour: Behaviour) -> None:
    services.routes["/works"] = behaviour
    with client(timeout=0.5, deadline=30) as http:
        error, seconds = failure(http.get_json, OPENALEX, "/works")
    assert "is not answering (no answer in time after 4 tries)" in error.message
    assert seconds < 4 * 0.5 + 1.5


def test_the_command_deadline_bounds_everything(services) -> None:
    services.routes["/works"] = trickle(b"{}" * 1000, 0.05)
    with client(timeout=10, deadline=1.0) as http:
        _, seconds = failure(http.get_json, OPENALEX, "/works")
        again, quick = failure(http.get_json, OPENALEX, "/works")
    assert seconds < 2.5 and quick < 0.5
    assert "network time for this command is used up (CVGEN_HTTP_DEADLINE" in again.message


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [("²", "not answering"), ("٣", "not answering"), ("1e9", "not answering"),
     ("99999", "asks to wait 1667 minutes"), ("Wed, 21 Oct 2999 07:28:00 GMT", "asks to wait"),
     ("Wed, 99 Foo 2015 99:99:99 GMT", "not answering")],
)  # fmt: skip
def test_retry_after_is_read_as_ascii_seconds_or_a_date(services, retry_after, expected) -> None:
    busy = head(429, "Busy", Content_Type="text/plain", Content_Length="4")
    busy = busy.replace(b"\r\n\r\n", f"\r\nRetry-After: {retry_after}\r\n\r\n".encode())
    services.routes["/works"] = Behaviour(busy, lambda: iter([b"busy"]))
    with client(timeout=5) as http:
        error, seconds = failure(http.get_json, OPENALEX, "/works")
    assert expected in error.message and seconds < 5


def test_retry_delay_never_takes_unicode_digits() -> None:
    assert retry_delay({"retry-after": "²"}, 2, 0.5) == 1.0
    assert retry_delay({"retry-after": "12"}, 1, 0.5) == 12.0


# --- what came back: type, syntax, shape -----------------------------------------------------


class Works(BaseModel):
    results: list[dict]


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (answer(b"<!DOCTYPE html><title>Login</title>", content_type="text/html"), "(HTML)"),
        (answer(b"<html><body>rate limited</body></html>"), "web page (HTML)"),
        (answer(b"{'results': []}"), "malformed JSON (line 1, column 2"),
        (answer(b'{"results": [1, 2'), "malformed JSON"),
        (answer(b"[" * 100_000 + b"]" * 100_000), "nested too deeply"),
        (answer(b'{"results": 5}'), "cannot read (results: Input should be a valid list)"),
        (answer(b"\xff\xfe{}"), "not UTF-8 text"),
        (answer(b"<records/>", content_type="application/xml"), "answered application/xml, not"),
        (gzipped(b"<html>hello</html>", content_type="text/html"), "web page (HTML)"),
    ],
    ids=["html page", "html as json", "single quotes", "cut json", "deep nesting", "wrong shape",
         "not utf-8", "xml", "gzipped html"],
)  # fmt: skip
def test_an_answer_of_the_wrong_kind_is_named(services, sent: Behaviour, expected: str) -> None:
    services.routes["/works"] = sent
    with client() as http:
        error, _ = failure(http.get_json, OPENALEX, "/works", shape=Works)
    assert isinstance(error, BadAnswer) and expected in error.message


def test_bibtex_must_not_be_a_web_page(services) -> None:
    services.routes["/pid/71/8342.bib"] = answer(
        b"<html>maintenance</html>", content_type="text/plain"
    )
    with client() as http:
        error, _ = failure(http.get_text, OPENALEX, "/pid/71/8342.bib", expect=BIBTEX)
    assert "web page (HTML), not BibTeX" in error.message


@pytest.mark.parametrize(
    "group",
    [5, [{"work-summary": "x"}], [{"work-summary": [{"put-code": "../../../etc/passwd"}]}],
     [{"work-summary": [{"put-code": -3}]}], [{"work-summary": [{"put-code": 1.5}]}]],
)  # fmt: skip
def test_orcid_answers_of_another_shape_give_no_work_and_no_request(services, group) -> None:
    """What ORCID sends is read through orcid_shapes: a group or put-code of another shape is
    left out, and nothing it holds goes into a URL."""
    services.routes["/v3.0/0000-0002-7134-5861/works"] = json_answer({"group": group})
    with client() as http:
        assert OrcidSource("0000-0002-7134-5861", "A. Owner").works(http) == []
    assert [path for path, _ in services.requests] == ["/v3.0/0000-0002-7134-5861/works"]


# --- where it goes: redirects, hosts, secrets ------------------------------------------------


def test_redirects_stay_on_the_service_host(services) -> None:
    services.routes["/works"] = redirect("/elsewhere")
    services.routes["/elsewhere"] = json_answer({"results": []})
    with client() as http:
        assert http.get_json(OPENALEX, "/works") == {"results": []}
        services.routes["/works"] = redirect("https://evil.example/steal")
        error, _ = failure(http.get_json, OPENALEX, "/works")
        assert "redirected cvgen to https://evil.example/steal, off 127.0.0.1" in error.message
        services.routes["/works"] = redirect("/works")
        error, _ = failure(http.get_json, OPENALEX, "/works")
        assert "redirected cvgen more than 5 times" in error.message


@pytest.mark.parametrize("status", [401, 403, 404, 418, 500, 503])
def test_an_api_key_never_reaches_a_message(services, status: int) -> None:
    services.routes["/authors/A5023888391"] = answer(f"key {SECRET} refused".encode(), status)
    with client(timeout=2) as http:
        error, _ = failure(
            http.get_json, OPENALEX, "/authors/A5023888391", params={"api_key": SECRET}
        )
    assert "OpenAlex" in error.message
    assert isinstance(error, NotFound) == (status == 404)


def test_unreachable_and_misconfigured_services_are_one_line(monkeypatch) -> None:
    monkeypatch.setenv("CVGEN_OPENALEX_URL", "http://127.0.0.1:9")
    with client(timeout=2) as http:
        error, _ = failure(http.get_json, OPENALEX, "/works")
        assert "cannot reach OpenAlex at 127.0.0.1:9" in error.message
        monkeypatch.setenv("CVGEN_OPENALEX_URL", "ftp://[::1")
        error, _ = failure(http.get_json, OPENALEX, "/works")
        assert "CVGEN_OPENALEX_URL=" in error.message


# --- any answer at all -----------------------------------------------------------------------

STATUSES = st.sampled_from([200, 200, 200, 201, 204, 301, 302, 400, 401, 404, 429, 500, 503, 999])
TYPES = st.sampled_from(
    ["application/json", "application/vnd.orcid+json", "text/html", "text/plain", "", "x/y",
     "application/json; charset=latin-1", "text/x-bibtex"]
)  # fmt: skip
BODIES = st.one_of(
    st.binary(max_size=2000),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=30,
    ).map(lambda value: json.dumps(value).encode()),
    st.sampled_from([b"<html></html>", b"@article{a, title={x}}", b"", b"[" * 5000]),
)
HEADERS = st.dictionaries(
    st.sampled_from(["Retry-After", "Location", "Content-Encoding", "X-Other"]),
    st.text(st.characters(codec="latin-1", exclude_characters="\r\n"), max_size=30),
    max_size=3,
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(status=STATUSES, kind=TYPES, body=BODIES, headers=HEADERS, gz=st.booleans())
def test_any_answer_is_data_or_one_line(services, status, kind, body, headers, gz) -> None:
    packed = gzip.compress(body) if gz else body
    extra = {name.replace("-", "_"): value for name, value in headers.items()}
    if gz:
        extra["Content_Encoding"] = "gzip"
    services.routes["/works"] = Behaviour(
        head(status, "X", Content_Type=kind, Content_Length=str(len(packed)), **extra),
        lambda: iter([packed]),
    )
    start = time.monotonic()
    with client(timeout=2, deadline=8) as http:
        try:
            http.get_json(OPENALEX, "/works", params={"api_key": SECRET})
        except ServiceError as error:
            assert "\n" not in error.message and SECRET not in error.message
        try:
            http.get_text(OPENALEX, "/works", expect=BIBTEX)
        except ServiceError as error:
            assert "\n" not in error.message and SECRET not in error.message
    assert time.monotonic() - start < 10
