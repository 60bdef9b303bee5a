"""Funders' profiles (bio/profile.py): the built-in ones with their sources and rules, and a
user's own checked with every problem named."""

from __future__ import annotations

import pytest

from cvgen.bio.profile import builtin_profiles, load_profile
from cvgen.errors import CvgenError


def test_the_builtin_profiles_are_nsf_nih_and_erc():
    assert builtin_profiles() == ["erc", "nih", "nsf"]


@pytest.mark.parametrize("name", ["nsf", "nih", "erc"])
def test_each_profile_names_its_official_source_and_every_limit_its_rule(name):
    profile = load_profile(name)
    assert profile.source.document and profile.source.version
    specs = [s for top in profile.sections for s in (top, *top.parts)]
    assert all(s.limit.source for s in specs if s.limit)


def test_an_invalid_profile_lists_every_problem(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "name: x\nfunder: X\ntitle: T\nsource: {document: d, version: v}\n"
        "sections:\n  - {heading: A, fed: bio}\n  - {heading: B, feed: nonsense}\n",
        encoding="utf-8",
    )
    with pytest.raises(CvgenError) as error:
        load_profile(str(path))
    message = error.value.format_message()
    assert "sections.0.fed: Extra inputs are not permitted" in message
    assert "sections.1.feed: Input should be 'identity'" in message


def test_a_missing_profile_file_is_a_clear_error(tmp_path):
    with pytest.raises(CvgenError, match=r"cannot read profile .*nothere\.yaml"):
        load_profile(str(tmp_path / "nothere.yaml"))
