"""The HTML child's side (writers/html/child.py), run in-process: a pickled (document,
options) on stdin, the page on stdout; a template's error, a page without end or a template
out of memory is one message on stderr with status 3."""

from __future__ import annotations

import io
import pickle
import sys
from pathlib import Path

import pytest

from cvgen.document import Document
from cvgen.writers import WriteOptions
from cvgen.writers.html import child
from cvgen.writers.html.confined import TEMPLATE_ERROR
from tests.support.rendering import document


class Streams:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, doc: Document, options) -> None:
        self.out, self.err = io.BytesIO(), io.StringIO()
        stdin = io.TextIOWrapper(io.BytesIO(pickle.dumps((doc, options))))
        monkeypatch.setattr(sys, "stdin", stdin)
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(self.out))
        monkeypatch.setattr(sys, "stderr", self.err)

    def page(self) -> str:
        sys.stdout.flush()
        return self.out.getvalue().decode("utf-8")


def own_template(folder: Path, text: str) -> WriteOptions:
    target = folder / "templates" / "html" / "legend.html"
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    return WriteOptions(source_dir=str(folder))


def test_the_page_is_written_to_stdout(monkeypatch, small_cv, tmp_path: Path) -> None:
    options = own_template(tmp_path, '<p class="mine">{{ "legend"|upper }}</p>\n')
    streams = Streams(monkeypatch, document(small_cv), options)
    assert child.main() == 0
    page = streams.page()
    assert page.startswith("<!DOCTYPE html>") and '<p class="mine">LEGEND</p>' in page
    assert small_cv.data.person.name in page and streams.err.getvalue() == ""


def test_a_templates_error_is_its_message_and_status_3(monkeypatch, small_cv, tmp_path) -> None:
    options = own_template(tmp_path, "{% for x in %}")
    streams = Streams(monkeypatch, document(small_cv), options)
    assert child.main() == TEMPLATE_ERROR == 3
    assert streams.page() == ""
    legend = tmp_path / "templates" / "html" / "legend.html"
    assert (
        streams.err.getvalue()
        == f"{legend}:1: Expected an expression, got 'end of statement block'"
    )


def test_a_page_past_its_bound_is_refused(monkeypatch, small_cv) -> None:
    monkeypatch.setattr(child, "MAX_PAGE", 1000)
    streams = Streams(monkeypatch, document(small_cv), WriteOptions())
    assert child.main() == TEMPLATE_ERROR and streams.page() == ""
    assert streams.err.getvalue().startswith("the templates made a page of 0 MB")
    assert streams.err.getvalue().endswith("a template repeats itself without end?")


def test_a_template_out_of_memory_is_one_message(monkeypatch, small_cv) -> None:
    def greedy(doc, options):
        raise MemoryError

    monkeypatch.setattr(child, "render_page", greedy)
    streams = Streams(monkeypatch, document(small_cv), WriteOptions())
    assert child.main() == TEMPLATE_ERROR
    assert streams.err.getvalue() == "the templates asked for more memory than cvgen gives them"
