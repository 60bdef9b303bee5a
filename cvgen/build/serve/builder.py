"""The preview's builder: one thread that builds what the page shows whenever an input is
saved or the switcher changes, the newest request first.

Requests are coalesced: a save (or fifty) made while a build runs sets one flag, and one more
build follows with the files as they are then, so the preview always ends on the last save.
The web page is published as soon as it is made (a few tenths of a second); the PDF is typeset
after it, and skipped when another save is already waiting, so a burst of saves shows its web
page at once and its PDF when the burst ends. A failed build publishes its problems and keeps
the last good preview.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from cvgen.build.plan import Plan, load_plan
from cvgen.build.serve.choice import BIO_VIEW, CV_VIEW, Choice, offers_for
from cvgen.build.serve.problems import problems_of, shown_all
from cvgen.build.serve.state import Channel
from cvgen.build.serve.views import pages_first, text_of, typeset, web_page
from cvgen.build.watch import Inputs, build_until_settled, input_changes
from cvgen.errors import CvgenError, Problem
from cvgen.load.sources import Sources

logger = logging.getLogger(__name__)


@dataclass
class _Clock:
    started: float

    def seconds(self) -> float:
        return round(time.perf_counter() - self.started, 3)


class Builder:
    """Builds the preview of `sources` into `channel`; PDFs by `engine`."""

    def __init__(self, sources: Sources, engine: str, channel: Channel) -> None:
        self.sources = sources
        self.engine = engine
        self.channel = channel
        self.inputs = Inputs(sources)
        self._choice = Choice()
        self._wanted = threading.Event()
        self._stopping = threading.Event()

    def choose(self, choice: Choice) -> str | None:
        """Show `choice` from now on; or why not (a value cv.yaml does not offer)."""
        offers = self.channel.state.offers
        if offers is None and choice != Choice():
            return "cv.yaml has not been read yet; fix its errors first"
        refusal = offers.refusal(choice) if offers else None
        if refusal is None:
            self._choice = choice
            self._wanted.set()
        return refusal

    def run(self) -> None:
        """Build now, then whenever wanted, until stopped."""
        build_until_settled(self.inputs, self.build)
        while True:
            self._wanted.wait()
            if self._stopping.is_set():
                return
            self._wanted.clear()
            self.build()
            self.inputs.refresh()

    def watch(self) -> None:
        """Want a build after each save of an input (a deletion too), until stopped."""
        for names in input_changes(self.inputs, self._stopping, deleted=True):
            logger.info("changed: %s", ", ".join(names))
            self._wanted.set()

    def stop(self) -> None:
        self._stopping.set()
        self._wanted.set()

    def build(self) -> None:
        """One build of the current choice, published; its problems published if it fails."""
        choice, clock = self._choice, _Clock(time.perf_counter())
        self.channel.publish(building=True, choice=choice)
        try:
            with_design = choice.view != BIO_VIEW
            plan = load_plan(self.sources, choice.request(self.engine), with_design=with_design)
            offers = offers_for(plan.cv.data, self.sources)
            self.channel.publish(offers=offers)
            if choice.view == CV_VIEW:
                self._build_cv(plan, clock)
            else:
                self._build_text(choice.view, plan, clock)
        except CvgenError as error:
            self._failed(problems_of(error))
        except Exception as error:  # a bug: shown, and the preview goes on with the next save
            logger.exception("cvgen serve: the build failed")
            message = f"cvgen failed ({type(error).__name__}: {error}); please report this"
            self._failed([Problem("", None, "", message)])

    def _build_cv(self, plan: Plan, clock: _Clock) -> None:
        """The web page, published at once; then the PDF, unless a newer save is waiting."""
        document = plan.document()
        html = web_page(plan, document)
        seconds = (("html", clock.seconds()),)
        problems = shown_all(plan.warnings)
        self.channel.publish(html=html, text=None, problems=problems, typesetting=True)
        if self._wanted.is_set():
            return  # the next build comes at once: its web page first
        try:
            pages = pages_first(plan, document)
            if pages is not None:
                self.channel.publish(pages=pages)
            made = typeset(plan, document, pages)
        except CvgenError as error:
            self._failed([*plan.warnings, *problems_of(error)])
            return
        seconds += (("pdf", clock.seconds()),)
        self.channel.publish(
            pdf=made.pdf, pages=made.pages, note=made.note, seconds=seconds,
            building=False, typesetting=False,
        )  # fmt: skip
        logger.info("preview updated: web page %.2f s, PDF %.2f s", *dict(seconds).values())

    def _build_text(self, view: str, plan: Plan, clock: _Clock) -> None:
        text, warnings = text_of(view, plan, self.sources.cv)
        problems = shown_all([*plan.warnings, *warnings])
        seconds = (("text", clock.seconds()),)
        self.channel.publish(text=text, problems=problems, seconds=seconds, building=False)
        logger.info("preview updated: %s %.2f s", view, seconds[0][1])

    def _failed(self, problems: list[Problem]) -> None:
        shown = shown_all(problems)
        self.channel.publish(problems=shown, building=False, typesetting=False)
        errors = [p for p in problems if p.is_error]
        first = f"; the first: {errors[0]}" if errors else ""
        logger.info("%d error(s), shown in the page%s", len(errors), first)
