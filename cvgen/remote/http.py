"""One HTTP client for every service: timeouts, retries with backoff, the polite-pool manners.

Scholarly APIs ask three things of a client (Crossref's "etiquette", OpenAlex's rate limits,
DBLP's crawling FAQ): say who you are (a User-Agent with a contact address), back off when told
to (429 with Retry-After, or a 5xx), and do not hammer. httpx gives timeouts, keep-alive across
the hundred requests of an ORCID import, and a clear exception hierarchy; the retry policy is
ours, because it must honour Retry-After and speak to the user in one line.

Every base URL comes from an environment variable, so tests and mirrors can point elsewhere.
"""

from __future__ import annotations

import email.utils
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from cvgen import __version__
from cvgen.errors import CvgenError


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
ATTEMPTS = 4
LONGEST_WAIT = 60.0  # seconds; a service asking for longer is reported, not waited for
BACKOFF_ENV = "CVGEN_HTTP_BACKOFF"  # seconds before the first retry (doubles each time)


class NotFound(CvgenError):
    """The service answered 404: the person, work or DOI is not known there."""


def _backoff_base() -> float:
    raw = os.environ.get(BACKOFF_ENV, "1")
    try:
        value = float(raw)
    except ValueError:
        raise CvgenError(f"{BACKOFF_ENV}={raw!r} is not a number of seconds") from None
    return max(value, 0.0)


def retry_delay(headers: httpx.Headers, attempt: int, base: float) -> float:
    """Seconds to wait before retry number `attempt` (1, 2, ...): Retry-After when the service
    gives it (seconds or an HTTP date), else exponential backoff."""
    raw = headers.get("retry-after", "").strip()
    if raw.isdigit():
        return float(raw)
    if raw:
        try:
            when = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError):
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


class Client:
    """GET with retries; every failure becomes one CvgenError line naming the service."""

    def __init__(self, email_address: str | None, timeout: float = 30.0):
        self.email = email_address
        self.backoff = _backoff_base()
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"User-Agent": user_agent(email_address)},
            follow_redirects=True,
        )

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.close()

    def get(
        self,
        service: Service,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        accept: str | None = None,
    ) -> httpx.Response:
        url = service.base + path
        headers = {"Accept": accept} if accept else {}
        for attempt in range(1, ATTEMPTS + 1):
            response = self._send(service, url, params, headers, last=attempt == ATTEMPTS)
            if response is not None and response.status_code not in RETRIED:
                return _checked(service, response)
            status = f"HTTP {response.status_code}" if response is not None else "no answer"
            if attempt < ATTEMPTS:
                answered = response.headers if response is not None else httpx.Headers()
                delay = retry_delay(answered, attempt, self.backoff)
                if delay > LONGEST_WAIT:
                    raise CvgenError(
                        f"{service.name} asks to wait {delay / 60:.0f} minutes ({status}): "
                        "its rate limit is reached; try again later"
                    )
                time.sleep(delay)
        raise CvgenError(
            f"{_host(url)} is not answering ({status} after {ATTEMPTS} tries); try again later"
        )

    def _send(
        self, service: Service, url: str, params: dict | None, headers: dict, last: bool
    ) -> httpx.Response | None:
        """The response, or None after a timeout worth retrying; no connection at all fails
        at once, since retrying cannot help someone who is offline."""
        try:
            return self._http.get(url, params=params, headers=headers)
        except httpx.TimeoutException:
            if last:
                raise CvgenError(f"{_host(url)} did not answer in time; try again later") from None
            return None
        except httpx.TransportError as error:
            reason = str(error) or type(error).__name__
            raise CvgenError(
                f"cannot reach {service.name} at {_host(url)} ({reason}): are you offline? "
                f"({service.env} points cvgen at a mirror)"
            ) from None


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _checked(service: Service, response: httpx.Response) -> httpx.Response:
    status = response.status_code
    if status < 400:
        return response
    if status == 404:
        raise NotFound(f"{service.name} has no such record ({response.request.url} answered 404)")
    hint = ""
    if service is OPENALEX and status in (401, 403):
        hint = "; OpenAlex needs a free API key: set CVGEN_OPENALEX_API_KEY"
    raise CvgenError(
        f"{service.name} refused the request (HTTP {status} from {response.request.url}){hint}"
    )
