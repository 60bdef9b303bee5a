"""Biosketches as Markdown (bio/markup.py): the golden file of each funder's sketch."""

from __future__ import annotations

import pytest

from cvgen.bio.markup import sketch_text
from cvgen.bio.profile import load_profile
from cvgen.bio.sketch import build_sketch


@pytest.mark.parametrize("name", ["nsf", "nih", "erc"])
def test_sketch_markdown_golden(small_cv, golden, name):
    golden(
        f"bio-sketch-{name}.md", sketch_text(build_sketch(small_cv, load_profile(name)), "markdown")
    )
