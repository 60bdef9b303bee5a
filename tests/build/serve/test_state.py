"""The preview's state: published to every waiting page, its files by the hash of their bytes."""

from __future__ import annotations

import threading

import pytest

from cvgen.build.serve import state
from cvgen.build.serve.state import Blob, Channel


def page(text: str) -> Blob:
    return Blob(text.encode(), "image/svg+xml", "svg", "pages")


def test_a_file_is_named_by_its_bytes() -> None:
    assert page("a").url == page("a").url != page("b").url
    assert page("a").url.startswith("/pages/") and page("a").url.endswith(".svg")
    assert len(page("a").key) == 16


def test_recent_files_are_served_within_a_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(state, "KEPT_BYTES", 3)
    channel = Channel()
    first, second, third, fourth = page("1"), page("2"), page("3"), page("4")
    for each in (first, second, third):
        channel.publish(pages=(each,))
    assert [channel.blob(p.url) for p in (first, second, third)] == [first, second, third]
    channel.publish(pages=(fourth,))
    assert channel.blob(first.url) is None  # the oldest goes first
    assert [channel.blob(p.url) for p in (second, third, fourth)] == [second, third, fourth]


def test_the_current_files_are_served_whatever_their_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(state, "KEPT_BYTES", 0)
    channel = Channel()
    channel.publish(pages=(page("old"),))
    pages = (page("big one"), page("another"))
    channel.publish(pages=pages)
    assert [channel.blob(p.url) for p in pages] == list(pages)
    assert channel.blob(page("old").url) is None


def test_a_waiting_page_is_told_of_each_new_state() -> None:
    channel = Channel()
    version = channel.publish(building=True).version
    assert channel.next_after(version, timeout=0.01) is None  # nothing newer yet
    seen = []
    waiter = threading.Thread(target=lambda: seen.append(channel.next_after(version, 10)))
    waiter.start()
    channel.publish(building=False, problems=({"message": "x"},))
    waiter.join(timeout=10)
    assert seen[0].version == version + 1 and seen[0].to_json()["problems"] == [{"message": "x"}]


def test_closing_ends_every_wait() -> None:
    channel = Channel()
    seen = []
    waiter = threading.Thread(target=lambda: seen.append(channel.next_after(5, 60)))
    waiter.start()
    channel.close()
    waiter.join(timeout=10)
    assert seen == [None] and not waiter.is_alive()


def test_the_page_reads_addresses_not_bytes() -> None:
    channel = Channel()
    html = Blob(b"<p>cv</p>", "text/html; charset=utf-8", "html")
    state = channel.publish(html=html, pages=(page("1"),), seconds=(("html", 0.2),))
    shown = state.to_json()
    assert shown["html"] == html.url and shown["pages"] == [page("1").url]
    assert shown["seconds"] == {"html": 0.2} and shown["offers"] is None
