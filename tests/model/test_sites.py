"""The site exports' settings (model/sites.py): keys a template can read, fields that may pass
through, and folders that stay inside the site."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cvgen.model import PubKind
from cvgen.model.sites import AcademicPagesSite, AlFolioSite, HugoSite, JekyllSite, SiteConfig


def test_defaults_fit_each_sites_own_templates() -> None:
    config = SiteConfig()
    assert config.hugo.flags == {"featured": "selected"}
    assert config.hugo.folder == "content/publication"
    assert config.academicpages.permalink == "/publication/"
    assert config.academicpages.categories[PubKind.CONFERENCE] == "conferences"


def test_flags_and_fields_need_names_a_template_can_read() -> None:
    assert JekyllSite(flags={"ERC": "erc"}, fields=["news1"]).flags == {"ERC": "erc"}
    with pytest.raises(ValidationError, match="is not a name a template can read"):
        JekyllSite(flags={"1st": "x"})


def test_a_field_cvgen_reads_or_one_never_exported_cannot_pass_through() -> None:
    with pytest.raises(ValidationError, match="'title' is a field cvgen reads itself"):
        AlFolioSite(fields=["title"])
    with pytest.raises(ValidationError, match=r"'file' holds the local paths .*never exported"):
        JekyllSite(fields=["file"])


def test_a_key_the_export_writes_is_free_only_where_the_site_lets_a_user_give_it() -> None:
    with pytest.raises(ValidationError, match="'doi' is a key cvgen writes itself"):
        HugoSite(flags={"doi": "selected"})
    assert HugoSite(flags={"summary": "selected"}).flags == {"summary": "selected"}  # open
    with pytest.raises(ValidationError, match="fields: 'abbr' is also a flag"):
        AlFolioSite(flags={"abbr": "x"}, fields=["abbr"])


def test_folders_stay_inside_the_site_and_permalinks_are_paths() -> None:
    assert HugoSite(folder="content/papers").folder == "content/papers"
    with pytest.raises(ValidationError, match="must be a folder inside your site's folder"):
        HugoSite(folder="../elsewhere")
    with pytest.raises(ValidationError, match="must be a path between slashes"):
        AcademicPagesSite(permalink="publication")
