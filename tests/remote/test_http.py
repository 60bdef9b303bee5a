"""The HTTP client (remote/http.py): retry delays and a User-Agent with the contact address."""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime, timedelta

import httpx

from cvgen.remote.http import retry_delay, user_agent


def test_retry_after_in_seconds_or_as_a_date_else_backoff():
    assert retry_delay(httpx.Headers({"Retry-After": "7"}), 1, 1.0) == 7.0
    soon = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= retry_delay(httpx.Headers({"Retry-After": soon}), 1, 1.0) <= 30
    assert retry_delay(httpx.Headers({"Retry-After": "whenever"}), 3, 0.5) == 2.0
    assert retry_delay(httpx.Headers(), 1, 0.5) == 0.5


def test_user_agent_carries_the_contact_address():
    assert user_agent("m@example.edu").endswith("(mailto:m@example.edu)")
    assert "mailto" not in user_agent(None)
