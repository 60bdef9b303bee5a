"""One bounded HTTP client for every service: a deadline per request and per command, a cap on
the decoded size of every answer, checks of what came back, and one clear line for every way
a request can fail.

A server's answer is untrusted input. It may never end (an endless chunked body), trickle a
byte a second (timeouts per read never fire), unpack a gzip bomb, redirect elsewhere, answer
HTML with status 200, or nest JSON deeper than Python recurses. So:

- every request must be answered, whole, within `timeout` seconds (connect, headers and body:
  asyncio's timeout, not httpx's per-read one), and the command gives up after `deadline`
  seconds in all, waits for retries included;
- the body is read raw, chunk by chunk, and decoded here (gzip, deflate) with the decoder told
  how much it may still produce, so `max_bytes` bounds what is held in memory;
- redirects are followed only within the service's own host (at most five);
- an answer must have the content type asked for (`JSON`, `BIBTEX`), and JSON must parse and,
  when a `shape` (a pydantic model) is given, fit it: otherwise BadAnswer says so in a line;
- API keys and tokens never appear in a message: URLs are shown without their query, and the
  client's secrets (and every CVGEN_*_KEY or _TOKEN variable) are replaced in its messages.

Scholarly APIs also ask a client to say who it is (a User-Agent with a contact address), to
back off when told to (429 with Retry-After, or a 5xx) and not to hammer: done here too.
Every base URL comes from an environment variable, so tests and mirrors can point elsewhere.

Use (synchronous; not from inside a running asyncio loop):

    with Client(email, secrets=[key]) as client:
        works = client.get_json(ORCID, f"/v3.0/{orcid}/works", shape=WorksSummary)
        bibtex = client.get_text(DBLP, f"/pid/{pid}.bib", expect=BIBTEX)
"""

from __future__ import annotations

import asyncio
import email.utils
import math
import os
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from cvgen import __version__
from cvgen.errors import CvgenError
from cvgen.remote.bodies import BIBTEX, JSON, BadAnswer, Expect, ServiceError, read_body


@dataclass(frozen=True)
class Service:
    name: str  # as the user knows it, in messages
    env: str  # the variable that moves its base URL
    default: str

    @property
    def base(self) -> str:
        return (os.environ.get(self.env) or self.default).rstrip("/")


DBLP = Service("DBLP", "CVGEN_DBLP_URL", "https://dblp.org")
ORCID = Service("ORCID", "CVGEN_ORCID_URL", "https://pub.orcid.org")
OPENALEX = Service("OpenAlex", "CVGEN_OPENALEX_URL", "https://api.openalex.org")
CROSSREF = Service("Crossref", "CVGEN_CROSSREF_URL", "https://api.crossref.org")

RETRIED = frozenset({429, 500, 502, 503, 504})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
ATTEMPTS = 4
MAX_REDIRECTS = 5
LONGEST_WAIT = 60.0  # seconds; a service asking for longer is reported, not waited for
MAX_BYTES = 16 * 2**20  # decoded bytes of one answer: a prolific author's DBLP file is ~5 MB
BACKOFF_ENV = "CVGEN_HTTP_BACKOFF"  # seconds before the first retry (doubles each time)
TIMEOUT_ENV = "CVGEN_HTTP_TIMEOUT"  # seconds one request may take, whole (default 30)
DEADLINE_ENV = "CVGEN_HTTP_DEADLINE"  # seconds a command may spend on the network (600)
_SECONDS = re.compile(r"[0-9]{1,9}")
Model = TypeVar("Model", bound=BaseModel)
__all__ = ["BIBTEX", "JSON", "BadAnswer", "Client", "NotFound", "Service", "ServiceError"]


class NotFound(ServiceError):
    """The service answered 404: the person, work or DOI is not known there."""


def _seconds(name: str, default: float) -> float:
    raw = os.environ.get(name, "")
    try:
        value = float(raw) if raw else default
    except ValueError:
        raise CvgenError(f"{name}={raw!r} is not a number of seconds") from None
    if not math.isfinite(value) or value < 0:
        raise CvgenError(f"{name}={raw!r} is not a number of seconds")
    return value


def retry_delay(headers: Mapping[str, str], attempt: int, base: float) -> float:
    """Seconds to wait before retry number `attempt` (1, 2, ...): Retry-After when the service
    gives it (ASCII seconds or an HTTP date), else exponential backoff."""
    raw = (headers.get("retry-after") or "").strip()
    if _SECONDS.fullmatch(raw):
        return float(raw)
    if raw:
        try:
            when = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError, OverflowError):
            when = None
        if when is not None and when.tzinfo is not None:
            return max((when - datetime.now(UTC)).total_seconds(), 0.0)
    return base * 2 ** (attempt - 1)


def user_agent(email_address: str | None) -> str:
    """'cvgen/0.1.0 (mailto:you@uni.edu)': Crossref and OpenAlex route such requests to their
    polite pool, and can write to you instead of blocking you."""
    return (
        f"cvgen/{__version__} (mailto:{email_address})" if email_address else f"cvgen/{__version__}"
    )


def _configured_secrets() -> list[str]:
    """Keys and tokens the user set for cvgen (CVGEN_OPENALEX_API_KEY, CVGEN_*_TOKEN): never
    shown in a message, whichever part of a request they end up in."""
    secret = ("_KEY", "_TOKEN", "_SECRET", "_PASSWORD")
    return [v for k, v in os.environ.items() if k.startswith("CVGEN_") and k.endswith(secret)]


def shown(url: str | httpx.URL) -> str:
    """A URL as messages show it: scheme, host and path, never the query (api_key=...)."""
    parts = urlsplit(str(url))
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.netloc else parts.path


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


class Client:
    """GET with deadlines, caps, retries and checks; every failure one ServiceError line."""

    def __init__(
        self,
        email_address: str | None,
        *,
        timeout: float | None = None,
        deadline: float | None = None,
        secrets: Iterable[str] = (),
    ) -> None:
        self.email = email_address
        self.backoff = _seconds(BACKOFF_ENV, 1.0)
        self.timeout = timeout if timeout is not None else _seconds(TIMEOUT_ENV, 30.0)
        limit = deadline if deadline is not None else _seconds(DEADLINE_ENV, 600.0)
        self.ends = time.monotonic() + limit
        self.secrets = tuple(secret for secret in (*secrets, *_configured_secrets()) if secret)
        self._loop = asyncio.new_event_loop()
        self._http = httpx.AsyncClient(
            headers={"User-Agent": user_agent(email_address), "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,
            timeout=None,  # the deadline below bounds every request whole
        )

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if not self._loop.is_closed():
            self._loop.run_until_complete(self._http.aclose())
            self._loop.close()

    # --- what services call ---------------------------------------------------------------

    def get_text(
        self,
        service: Service,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        expect: Expect = BIBTEX,
        max_bytes: int = MAX_BYTES,
    ) -> str:
        """The answer's text, of the kind `expect` says (BibTeX by default)."""
        body, kind = self.fetch(service, path, params=params, expect=expect, max_bytes=max_bytes)
        try:
            return expect.text(service.name, body, kind)
        except BadAnswer as error:
            raise BadAnswer(self.redact(error.message)) from None

    def get_json(
        self,
        service: Service,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        shape: type[Model] | None = None,
        max_bytes: int = MAX_BYTES,
    ) -> Any:
        """The answer as JSON: the parsed value, or an instance of `shape` (a pydantic model,
        whose fields are what cvgen reads) when one is given."""
        body, kind = self.fetch(service, path, params=params, expect=JSON, max_bytes=max_bytes)
        try:
            data = JSON.parse(service.name, body, kind)
        except BadAnswer as error:
            raise BadAnswer(self.redact(error.message)) from None
        if shape is None:
            return data
        try:
            return shape.model_validate(data)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "the answer"
            raise BadAnswer(
                f"{service.name} sent an answer cvgen cannot read ({where}: {first['msg']}); "
                "its API may have changed, or it is having trouble: try again later"
            ) from None

    def fetch(
        self,
        service: Service,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        expect: Expect = JSON,
        max_bytes: int = MAX_BYTES,
    ) -> tuple[bytes, str]:
        """The decoded body and its content type, after retries and redirects."""
        try:
            url = httpx.URL(service.base + path)
        except (httpx.InvalidURL, ValueError):
            raise ServiceError(
                f"{service.env}={service.base!r} is not a URL cvgen can use"
            ) from None
        if url.scheme not in ("http", "https") or not url.host:
            raise ServiceError(f"{service.env}={service.base!r} is not an http(s) URL")
        try:
            return self._loop.run_until_complete(
                self._get(service, url, params or {}, expect, max_bytes)
            )
        except ServiceError as error:
            raise type(error)(self.redact(error.message)) from None

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return text

    # --- the request ----------------------------------------------------------------------

    def _left(self, service: Service) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            raise ServiceError(
                f"{service.name}: cvgen's network time for this command is used up "
                f"({DEADLINE_ENV} sets it); try again later"
            )
        return left

    async def _get(
        self, service: Service, url: httpx.URL, params: dict, expect: Expect, max_bytes: int
    ) -> tuple[bytes, str]:
        for attempt in range(1, ATTEMPTS + 1):
            status, headers, answer = await self._attempt(service, url, params, expect, max_bytes)
            if answer is not None:
                return answer
            if attempt == ATTEMPTS:
                break
            delay = retry_delay(headers, attempt, self.backoff)
            if delay > LONGEST_WAIT:
                raise ServiceError(
                    f"{service.name} asks to wait {delay / 60:.0f} minutes ({status}): its rate "
                    "limit is reached; try again later"
                )
            if delay >= self._left(service):
                raise ServiceError(
                    f"{service.name} asks to wait {delay:.0f} s ({status}), past cvgen's network "
                    f"time for this command ({DEADLINE_ENV}); try again later"
                )
            await asyncio.sleep(delay)
        raise ServiceError(
            f"{service.name} ({_host(str(url))}) is not answering ({status} after {ATTEMPTS} "
            "tries); try again later"
        )

    async def _attempt(
        self, service: Service, url: httpx.URL, params: dict, expect: Expect, max_bytes: int
    ) -> tuple[str, Mapping[str, str], tuple[bytes, str] | None]:
        """One try: (status for messages, headers, the answer) or no answer to retry."""
        limit = min(self.timeout, self._left(service))
        try:
            async with asyncio.timeout(limit):
                return await self._follow(service, url, params, expect, max_bytes)
        except TimeoutError:
            return "no answer in time", {}, None
        except httpx.TimeoutException:
            return "no answer in time", {}, None
        except (httpx.ConnectError, httpx.ProxyError, httpx.UnsupportedProtocol) as error:
            reason = str(error) or type(error).__name__
            raise ServiceError(
                f"cannot reach {service.name} at {_host(str(url))} ({reason}): are you offline? "
                f"({service.env} points cvgen at a mirror)"
            ) from None
        except httpx.HTTPError as error:  # a broken answer: cut short, not HTTP, bad headers
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise BadAnswer(
                f"{service.name} sent a broken answer ({reason}); try again later"
            ) from None

    async def _follow(
        self, service: Service, url: httpx.URL, params: dict, expect: Expect, max_bytes: int
    ) -> tuple[str, Mapping[str, str], tuple[bytes, str] | None]:
        """The request, following redirects within the service's host."""
        headers = {"Accept": expect.accept}
        request = self._http.build_request("GET", url, params=params, headers=headers)
        for _ in range(MAX_REDIRECTS + 1):
            response = await self._http.send(request, stream=True)
            try:
                status = response.status_code
                if status in REDIRECTS:
                    request = self._redirected(service, request, response)
                    continue
                if status in RETRIED:
                    return f"HTTP {status}", response.headers, None
                _refuse_status(service, response)
                body = await read_body(service.name, response, max_bytes)
                return f"HTTP {status}", response.headers, (body, _kind(response))
            finally:
                await response.aclose()
        raise ServiceError(
            f"{service.name} redirected cvgen more than {MAX_REDIRECTS} times ({shown(url)})"
        )

    def _redirected(
        self, service: Service, request: httpx.Request, response: httpx.Response
    ) -> httpx.Request:
        location = response.headers.get("location", "")
        target = httpx.URL(urljoin(str(request.url), location)) if location else None
        origin = request.url
        same = target is not None and target.host == origin.host and target.port == origin.port
        secure = target is not None and (target.scheme == origin.scheme or target.scheme == "https")
        if not (same and secure):
            elsewhere = shown(target) if target is not None else "nowhere"
            raise ServiceError(
                f"{service.name} redirected cvgen to {elsewhere}, off {origin.host}; cvgen follows "
                f"redirects only within the service ({service.env} points it at a mirror)"
            )
        return self._http.build_request(
            "GET", target, headers={"Accept": request.headers["Accept"]}
        )


def _kind(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


def _refuse_status(service: Service, response: httpx.Response) -> None:
    status = response.status_code
    if status < 300:
        return
    where = shown(response.request.url)
    if status == 404:
        raise NotFound(f"{service.name} has no such record ({where} answered 404)")
    hint = ""
    if service is OPENALEX and status in (401, 403):
        hint = "; OpenAlex needs a free API key: set CVGEN_OPENALEX_API_KEY"
    raise ServiceError(f"{service.name} refused the request (HTTP {status} from {where}){hint}")
