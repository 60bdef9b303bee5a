"""The garbage collector paused while loading (load/collector.py), resumed after it."""

from __future__ import annotations

import gc
from pathlib import Path

from cvgen.load import collector
from cvgen.load.cv import load
from cvgen.load.sources import Sources
from tests.support.projects import library


def test_the_collector_is_resumed_after_a_load_and_freezes_only_large_ones(
    tmp_path: Path, monkeypatch
) -> None:
    sources = library(tmp_path, 100)
    before = gc.get_freeze_count()
    load(Sources(sources.cv, use_cache=False))
    assert gc.isenabled() and gc.get_freeze_count() == before
    monkeypatch.setattr(collector, "FREEZE_AFTER", 1000)
    try:
        load(Sources(sources.cv, use_cache=False))
        assert gc.isenabled() and gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
    (tmp_path / "publications.bib").write_text("@article{", "utf-8")
    assert load(Sources(sources.cv, use_cache=False))[0] is None and gc.isenabled()
