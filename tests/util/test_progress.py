"""The progress hook: core code tells of its steps; only a listener, if any, hears of them."""

from __future__ import annotations

import pytest

from cvgen.util.progress import advance, listening, step


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple] = []

    def started(self, label: str) -> None:
        self.events.append(("started", label))

    def advanced(self, done: int, total: int) -> None:
        self.events.append(("advanced", done, total))

    def finished(self) -> None:
        self.events.append(("finished",))


def test_steps_nest_and_report_how_far_they_are() -> None:
    recorder = Recorder()
    with listening(recorder), step("Reading"):
        advance(1, 3)
        with step("Parsing"):
            advance(2, 3)
    assert recorder.events == [
        ("started", "Reading"),
        ("advanced", 1, 3),
        ("started", "Parsing"),
        ("advanced", 2, 3),
        ("finished",),
        ("finished",),
    ]


def test_a_failing_step_still_finishes_and_the_listener_is_removed_after() -> None:
    recorder = Recorder()
    with pytest.raises(ValueError, match="bad entry"), listening(recorder), step("Reading"):
        raise ValueError("bad entry")
    assert recorder.events == [("started", "Reading"), ("finished",)]
    with step("Unheard"):
        advance(1, 1)
    assert len(recorder.events) == 2


def test_without_a_listener_steps_do_nothing_but_run_their_body() -> None:
    ran = []
    with step("Alone"):
        advance(0, 1)
        ran.append(True)
    assert ran == [True]
