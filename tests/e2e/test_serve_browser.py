"""`cvgen serve` in a real browser: Debian's Chromium, headless, driven by Playwright.

A save changes the page in place (the same document, its scroll kept) within half a second and
the PDF's pages within a second and a half; an error appears with its line and goes when fixed,
the last good preview under it; rapid saves of valid and invalid content end on the last file;
the switcher changes the preview; and the page asks nothing of any other server. The timing
and the browser come from benchmarks/serve_latency.py, which measures the same at length.
"""

from __future__ import annotations

import os
import random
import struct
import time
from pathlib import Path

import pytest

from benchmarks.serve_latency import (
    CHROMIUM,
    SHOWN_IN_FRAME,
    chromium,
    example_text,
    measure,
    open_preview,
    serve_command,
)
from tests.support.serving import BAD_LINE, choose, example_project

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(
        "Chromium is not installed (.ci/install-system installs it)", allow_module_level=True
    )
if not os.environ.get("CI"):
    pytest.importorskip("playwright", reason="pip install -e '.[test]' installs it")

PROBLEMS_SHOWN = "#problems:not([hidden])"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="module")
def server(project: Path):
    with serve_command(project, "--port", "0") as process:
        yield process


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    with chromium(tmp_path_factory.mktemp("profile")) as context:
        yield context


@pytest.fixture
def page(browser, server, project: Path):
    """The preview of the example, every request it makes and every console error recorded
    and checked: none may leave this server, none may fail the page's policy."""
    project.write_text(example_text(), encoding="utf-8")
    assert choose(int(server.url.rstrip("/").rsplit(":", 1)[1]), {})[0] == 204  # the CV
    requests: list[str] = []
    errors: list[str] = []

    def record(request) -> None:
        requests.append(request.url)

    browser.on("request", record)
    tab = open_preview(browser, server.url)
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.wait_for_selector(PROBLEMS_SHOWN, state="hidden")
    yield tab
    tab.close()
    browser.remove_listener("request", record)
    outside = [url for url in requests if not url.startswith(server.url)]
    assert requests and outside == [], outside
    assert errors == []


def frame_text(page) -> str:
    return page.frame_locator("#cv").locator("body").inner_text()


def test_a_save_shows_in_place_keeping_the_readers_place(page, project: Path) -> None:
    """Each save reaches the web page and the PDF pane in place (no reload: the scroll and a
    mark on the document stay). How fast is measured by benchmarks/serve_latency.py, not here:
    a timed test fails on a loaded machine."""
    page.frame_locator("#cv").locator("body").evaluate("() => window.scrollTo(0, 1500)")
    page.eval_on_selector("#pages", "box => box.scrollTop = 2000")
    page.evaluate("() => document.getElementById('cv').contentDocument.kept = true")
    timings = measure(page, project, saves=3)
    assert len(timings) == 3 and all(html > 0 and pdf > 0 for html, pdf in timings)
    assert page.evaluate("() => document.getElementById('cv').contentDocument.kept") is True
    assert page.frame_locator("#cv").locator("body").evaluate("() => window.scrollY") == 1500
    assert page.eval_on_selector("#pages", "box => box.scrollTop") == 2000
    assert page.inner_text("#page-of").startswith("Page 3 of ")
    link = page.frame_locator("#cv").locator("a[href^='https://']").first
    assert link.get_attribute("target") == "_blank"  # the CV's links leave the preview be


def test_an_error_appears_with_its_line_and_goes_when_fixed(page, project: Path) -> None:
    project.write_text(example_text().replace("    start: 2006-10", "    start: 2006-13"), "utf-8")
    page.wait_for_selector(PROBLEMS_SHOWN)
    problems = page.locator("#problems")
    assert problems.locator("h2").inner_text() == "1 error: the preview below is the last good one"
    assert problems.locator(".file").inner_text() == f"cv.yaml:{BAD_LINE}"
    assert problems.locator(".field").inner_text() == "education[0].start"
    assert (
        problems.locator(".message").inner_text() == "month 13 is not between 1 and 12 in '2006-13'"
    )
    assert problems.locator("mark.line").inner_text() == f"{BAD_LINE}    start: 2006-13"
    assert "Miriam Adler-Katz" in frame_text(page)  # the last good preview, under it
    assert page.locator("#pages img").count() > 1
    assert page.inner_text("#status") == "Errors: see above"
    project.write_text(example_text(), encoding="utf-8")
    page.wait_for_selector(PROBLEMS_SHOWN, state="hidden")
    page.wait_for_selector("#status[data-kind=ok]")
    assert page.inner_text("#status").startswith("Up to date")


def test_rapid_saves_of_valid_and_invalid_content_end_on_the_last_file(page, project: Path) -> None:
    chooser = random.Random(33)
    broken = [
        lambda text: text.replace("    start: 2006-10", "    start: 2006-13"),
        lambda text: text.replace("  email: m.adler", "  email: [m.adler"),
        lambda text: text[: len(text) // 2],
    ]
    for n in range(100):  # 50 a second
        text = example_text(f"Professor No. {n}")
        project.write_text(chooser.choice(broken)(text) if n % 2 else text, encoding="utf-8")
        time.sleep(0.02)
    pages = page.evaluate("() => document.body.dataset.pages")
    project.write_text(example_text("Professor of the Final Save"), encoding="utf-8")
    page.wait_for_function(SHOWN_IN_FRAME, arg="Professor of the Final Save", timeout=30_000)
    page.wait_for_selector(PROBLEMS_SHOWN, state="hidden")
    page.wait_for_function("(p) => document.body.dataset.pages !== p", arg=pages, timeout=30_000)
    page.wait_for_selector("#status[data-kind=ok]")
    state = page.evaluate("async () => (await fetch('/state')).json()")
    shown = page.evaluate("() => [document.body.dataset.html, document.body.dataset.pdf]")
    assert shown == [state["html"], state["pdf"]]  # the page shows the server's last build
    assert page.evaluate("() => document.body.dataset.pages") == " ".join(state["pages"])


def test_the_switcher_changes_the_preview(page) -> None:
    pages = page.locator("#pages img").count()
    page.select_option("select[name=variant]", "erc")
    page.wait_for_function(f"() => document.querySelectorAll('#pages img').length < {pages}")
    assert "Sharp Phase Transitions for Group-Sparse Recovery" not in frame_text(page)  # 2011
    page.select_option("select[name=view]", "bio")
    page.wait_for_selector("#text:visible")
    bio = page.inner_text("#text")
    assert bio.startswith("Dr Miriam Adler-Katz, FIMA, is an Associate Professor")
    assert not page.locator(".pane.pdf").is_visible()
    page.select_option("select[name=view]", "cv")
    page.select_option("select[name=variant]", "")
    page.wait_for_function(f"() => document.querySelectorAll('#pages img').length === {pages}")


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("width", [1280, 390])
def test_the_page_fits_the_screen(page, tmp_path: Path, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    shot = tmp_path / f"serve-{width}.png"
    page.screenshot(path=str(shot))
    assert png_size(shot) == (width, 800) and shot.stat().st_size > 20_000
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    both = page.locator(".pane.web").is_visible() and page.locator(".pane.pdf").is_visible()
    assert both == (width > 800)  # side by side, or one at a time with tabs
    if width <= 800:
        page.click(".tabs button[data-show=pdf]")
        assert page.locator("#pages img").first.is_visible()
