"""Style names to files (citations/catalog.py): aliases, dependent styles, a user's .csl."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvgen.citations.catalog import packaged_names
from cvgen.citations.style import CitationStyle, load_style
from cvgen.document import plain_text
from cvgen.errors import CvgenError
from tests.support.paths import ROOT
from tests.support.researchers import STYLE_OWNER, article


def test_names_take_aliases_and_dependent_styles() -> None:
    vancouver = load_style("vancouver", ROOT)
    assert isinstance(vancouver, CitationStyle)
    assert vancouver.file.dependent is not None and vancouver.file.dependent.stem == "vancouver-nlm"
    assert vancouver.file.path.stem == "nlm-citation-sequence"
    assert load_style("cvgen", ROOT) is None and load_style(None, ROOT) is None  # cvgen's own
    assert isinstance(load_style("APA", ROOT), CitationStyle)


def test_a_users_csl_file_is_found_beside_cv_yaml(tmp_path: Path) -> None:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "mine.csl").write_bytes(packaged_names()["apa"].read_bytes())
    style = load_style("styles/mine.csl", tmp_path)
    pub = article([STYLE_OWNER])
    assert plain_text(style.references([pub], use_cache=False)[pub.key]).startswith("Ruiz-Tagle")
    with pytest.raises(CvgenError, match=r"no style file .*missing\.csl"):
        load_style("missing.csl", tmp_path)
