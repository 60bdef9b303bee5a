"""`cvgen export` of a site (build/sites.py): a data file, or pages in the site's folder, with
the warnings of settings that found nothing."""

from __future__ import annotations

from pathlib import Path

import yaml

from cvgen.build.request import Request
from cvgen.build.sites import build_site
from cvgen.build.targets import Target
from cvgen.load.sources import Sources
from cvgen.select import Selection
from tests.support.site_fixture import SITE


def _sources() -> Sources:
    return Sources(cv=SITE / "cv.yaml", bib=SITE / "publications.bib", use_cache=False)


def test_a_data_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "_data" / "publist.yml"
    target.parent.mkdir()
    result, _ = build_site(_sources(), "jekyll", Target(target), Request())
    assert result.written == [target]
    records = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert records and all("key" in record for record in records)


def test_pages_go_into_the_folder_cv_yaml_names_and_a_selection_narrows_them(tmp_path) -> None:
    result, _ = build_site(_sources(), "hugo", tmp_path, Request())
    assert result.written and all(p.is_relative_to(tmp_path / "content") for p in result.written)
    fewer, _ = build_site(_sources(), "hugo", tmp_path, Request(Selection(since=2030)))
    assert fewer.written == [] and len(fewer.removed) == len(result.written)
