"""The project every build test starts from."""

from __future__ import annotations

import pytest

from cvgen.load.sources import Sources


@pytest.fixture
def project(build_project: Sources) -> Sources:
    """The small researcher with every kind of build output."""
    return build_project
